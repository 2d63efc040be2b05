import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PART_BYTES, type ObjectStore } from './object-store';

interface ContractStore {
  store: ObjectStore;
  dispose(): Promise<void>;
  /**
   * What the store's 403 to a PUT of another length than the signed one names (the local folder:
   * CONTENT_LENGTH_MISMATCH in the common error body; S3: SignatureDoesNotMatch, the length being signed).
   */
  lengthRefusal: string;
}

const md5 = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex')}"`;

function put(url: string, body: Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'PUT', body: new Uint8Array(body), headers });
}

/**
 * A PUT the store must refuse: its 403 body, or null when the store answered before reading the whole body
 * and closed the connection (S3 servers do so for large bodies; the client then sees a reset).
 */
async function refusedPut(url: string, body: Buffer, headers: Record<string, string> = {}) {
  let answer: Response;
  try {
    answer = await put(url, body, headers);
  } catch (error) {
    expect(String((error as Error).cause ?? error)).toMatch(/ECONNRESET|EPIPE|socket|closed/i);
    return null;
  }
  expect(answer.status, `${body.length} bytes`).toBe(403);
  return answer.text();
}

/** One behaviour suite for every ObjectStore adapter, through its signed URLs as clients use them. */
export function describeObjectStoreContract(name: string, makeStore: () => Promise<ContractStore>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let made: ContractStore;
    let store: ObjectStore;
    const prefix = `contract-${Date.now()}-${randomBytes(4).toString('hex')}`;
    const keys: string[] = [];
    const uploads: { key: string; uploadId: string }[] = [];
    let sequence = 0;
    const newKey = () => {
      const key = `files/${prefix}/${sequence++}/original`;
      keys.push(key);
      return key;
    };
    const open = async (key: string) => {
      const uploadId = await store.createMultipart(key, 'application/zip');
      uploads.push({ key, uploadId });
      return uploadId;
    };

    beforeAll(async () => {
      made = await makeStore();
      store = made.store;
    });

    afterAll(async () => {
      if (!made) return;
      for (const upload of uploads) await store.abortMultipart(upload.key, upload.uploadId);
      await store.delete(keys);
      await made.dispose();
    });

    it('stores what is PUT to a signed URL, answering its ETag; sizes, first bytes and reads it', async () => {
      const key = newKey();
      const bytes = randomBytes(10_000);
      const url = await store.presignPut(key, {
        contentType: 'image/png',
        size: bytes.length,
        expiresIn: 60,
      });
      const answer = await put(url, bytes, { 'content-type': 'image/png' });
      expect(answer.status, await answer.clone().text()).toBe(200);
      expect(answer.headers.get('etag')).toBe(md5(bytes));
      expect(await store.size(key)).toBe(bytes.length);
      expect((await store.head(key, 16)).equals(bytes.subarray(0, 16))).toBe(true);
      expect((await store.head(key, 20_000)).equals(bytes)).toBe(true);
      expect((await store.read(key)).equals(bytes)).toBe(true);
    });

    it('serves a signed GET with the signed content type and disposition, and one byte range', async () => {
      const key = newKey();
      const bytes = Buffer.from('hello, campfire');
      await store.put(key, bytes, 'text/plain');
      const url = await store.presignGet(key, 60, {
        contentType: 'text/plain',
        disposition: "attachment; filename*=UTF-8''notes.txt",
      });
      const whole = await fetch(url);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('text/plain');
      expect(whole.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''notes.txt");
      expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
      const part = await fetch(url, { headers: { range: 'bytes=7-14' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 7-14/${bytes.length}`);
      expect(await part.text()).toBe('campfire');
    });

    it('knows no missing object, and deletes (missing ones too) without error', async () => {
      const key = newKey();
      expect(await store.size(key)).toBeNull();
      await store.put(key, Buffer.from('x'), 'text/plain');
      await store.delete([key, newKey()]);
      expect(await store.size(key)).toBeNull();
      const url = await store.presignGet(key, 60, { contentType: 'text/plain', disposition: 'inline' });
      expect((await fetch(url)).status).toBe(404);
    });

    it('refuses a tampered URL and a URL used with another method', async () => {
      const key = newKey();
      const other = newKey();
      const bytes = Buffer.from('signed bytes');
      const url = await store.presignPut(key, {
        contentType: 'text/plain',
        size: bytes.length,
        expiresIn: 60,
      });
      const tampered = url.replace(key, other);
      expect((await put(tampered, bytes, { 'content-type': 'text/plain' })).status).toBe(403);
      expect((await fetch(url)).status).toBe(403);
      expect(await store.size(key)).toBeNull();
      expect(await store.size(other)).toBeNull();
    });

    it('refuses an expired URL', async () => {
      const key = newKey();
      const bytes = Buffer.from('late');
      const url = await store.presignPut(key, {
        contentType: 'text/plain',
        size: bytes.length,
        expiresIn: 1,
      });
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      expect((await put(url, bytes, { 'content-type': 'text/plain' })).status).toBe(403);
      expect(await store.size(key)).toBeNull();
    });

    it('assembles a multipart upload from parts PUT to signed URLs, with the ETags they answered', async () => {
      const key = newKey();
      const first = randomBytes(MIN_PART_BYTES);
      const last = randomBytes(1_000);
      const uploadId = await open(key);
      const etags: string[] = [];
      for (const [index, bytes] of [first, last].entries()) {
        const url = await store.presignPart(key, uploadId, index + 1, { size: bytes.length, expiresIn: 60 });
        const answer = await put(url, bytes);
        expect(answer.status, await answer.clone().text()).toBe(200);
        expect(answer.headers.get('etag')).toBe(md5(bytes));
        etags.push(answer.headers.get('etag')!);
      }
      // A wrong ETag is refused and leaves the upload open for another try.
      const wrong = await store.completeMultipart(key, uploadId, [
        { partNumber: 1, etag: etags[0]! },
        { partNumber: 2, etag: md5(Buffer.from('other')) },
      ]);
      expect(wrong).toEqual({ ok: false, gone: false, refused: 'InvalidPart' });
      const parts = etags.map((etag, index) => ({ partNumber: index + 1, etag }));
      expect(await store.completeMultipart(key, uploadId, parts)).toEqual({ ok: true });
      expect(await store.size(key)).toBe(first.length + last.length);
      expect((await store.read(key)).equals(Buffer.concat([first, last]))).toBe(true);
      // Completed: the upload is gone (S3 answers a repeated completion with success).
      expect([{ ok: true }, { ok: false, gone: true }]).toContainEqual(
        await store.completeMultipart(key, uploadId, parts),
      );
      expect((await store.read(key)).equals(Buffer.concat([first, last]))).toBe(true);
    });

    it('refuses a part below the minimum size unless it is the last', async () => {
      const key = newKey();
      const uploadId = await open(key);
      const parts = [];
      for (const partNumber of [1, 2]) {
        const bytes = randomBytes(1_000);
        const url = await store.presignPart(key, uploadId, partNumber, { size: bytes.length, expiresIn: 60 });
        const answer = await put(url, bytes);
        expect(answer.status).toBe(200);
        parts.push({ partNumber, etag: answer.headers.get('etag')! });
      }
      expect(await store.completeMultipart(key, uploadId, parts)).toEqual({
        ok: false,
        gone: false,
        refused: 'EntityTooSmall',
      });
      expect(await store.completeMultipart(key, uploadId, parts.slice(0, 1))).toEqual({ ok: true });
      expect(await store.size(key)).toBe(1_000);
    });

    it('aborts a multipart upload: its parts are refused and it cannot be completed; aborting again is fine', async () => {
      const key = newKey();
      const uploadId = await open(key);
      const bytes = randomBytes(100);
      const url = await store.presignPart(key, uploadId, 1, { size: bytes.length, expiresIn: 60 });
      const answer = await put(url, bytes);
      expect(answer.status).toBe(200);
      await store.abortMultipart(key, uploadId);
      await store.abortMultipart(key, uploadId);
      expect(
        await store.completeMultipart(key, uploadId, [{ partNumber: 1, etag: answer.headers.get('etag')! }]),
      ).toEqual({ ok: false, gone: true });
      expect((await put(url, bytes)).status).toBe(404);
      expect(await store.size(key)).toBeNull();
    });

    it('refuses a PUT whose length is not the signed one, and takes the exact length', async () => {
      const key = newKey();
      const bytes = Buffer.from('exactly these bytes');
      const url = await store.presignPut(key, {
        contentType: 'text/plain',
        size: bytes.length,
        expiresIn: 60,
      });
      for (const wrong of [Buffer.concat([bytes, Buffer.from('!')]), bytes.subarray(1)]) {
        const refused = await refusedPut(url, wrong, { 'content-type': 'text/plain' });
        expect(refused).toContain(made.lengthRefusal);
        expect(await store.size(key)).toBeNull();
      }
      // A large body may be cut off instead; nothing is stored either way.
      await refusedPut(url, randomBytes(MIN_PART_BYTES), { 'content-type': 'text/plain' });
      expect(await store.size(key)).toBeNull();
      const exact = await put(url, bytes, { 'content-type': 'text/plain' });
      expect(exact.status, await exact.clone().text()).toBe(200);
      expect((await store.read(key)).equals(bytes)).toBe(true);
    });

    it('refuses a part PUT whose length is not the part’s signed size', async () => {
      const key = newKey();
      const uploadId = await open(key);
      const bytes = randomBytes(1_000);
      const url = await store.presignPart(key, uploadId, 1, { size: bytes.length, expiresIn: 60 });
      expect(await refusedPut(url, randomBytes(bytes.length + 1))).toContain(made.lengthRefusal);
      expect(await refusedPut(url, randomBytes(bytes.length - 1))).toContain(made.lengthRefusal);
      await refusedPut(url, randomBytes(MIN_PART_BYTES));
      const exact = await put(url, bytes);
      expect(exact.status, await exact.clone().text()).toBe(200);
      expect(
        await store.completeMultipart(key, uploadId, [{ partNumber: 1, etag: exact.headers.get('etag')! }]),
      ).toEqual({ ok: true });
      expect((await store.read(key)).equals(bytes)).toBe(true);
    });
  });
}
