import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from './local-object.store';
import { parseRange, serveStorage } from './local-storage.http';
import { describeObjectStoreContract } from './object-store.contract';

/** A local store in a temp folder, its signed URLs served by a bare HTTP server (as the service does). */
async function localStore(): Promise<{ store: LocalObjectStore; root: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'bonfire-file-store-'));
  // Requests arrive only once the store below exists.
  const server = createServer((req, res) => void serveStorage(store, req, res, req.url ?? '/'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const store = new LocalObjectStore({
    root,
    publicUrl: `http://127.0.0.1:${port}`,
    secret: 'a-test-secret-of-at-least-32-characters',
  });
  await store.prepare();
  return {
    store,
    root,
    dispose: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(root, { recursive: true, force: true });
    },
  };
}

describeObjectStoreContract('local directory', async () => ({
  ...(await localStore()),
  lengthRefusal: 'CONTENT_LENGTH_MISMATCH',
}));

describe('LocalObjectStore on disk', () => {
  it('leaves no temp files or empty folders behind, and drops half-written ones on start', async () => {
    const { store, root, dispose } = await localStore();
    try {
      await store.put('files/1/original', Buffer.from('abc'), 'text/plain');
      await store.put('files/1/small.webp', Buffer.from('def'), 'image/webp');
      expect(await readdir(join(root, 'objects', 'files', '1'))).toEqual(['original', 'small.webp']);
      await store.delete(['files/1/original', 'files/1/small.webp']);
      expect(await readdir(join(root, 'objects'))).toEqual([]);
      expect(await readdir(join(root, 'tmp'))).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('drops half-written files left in tmp/ when it starts', async () => {
    const { store, root, dispose } = await localStore();
    try {
      await writeFile(join(root, 'tmp', 'left-by-a-crash'), 'partial');
      await store.prepare();
      expect(await readdir(join(root, 'tmp'))).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('of two completions at once, one assembles the object and the other finds the upload gone', async () => {
    const { store, dispose } = await localStore();
    try {
      const key = 'files/2/original';
      const uploadId = await store.createMultipart(key, 'application/zip');
      const bytes = Buffer.from('the only part');
      const etag = await store.writePart(key, uploadId, 1, Readable.from([bytes]), bytes.length);
      expect(etag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
      const parts = [{ partNumber: 1, etag }];
      const results = await Promise.all([
        store.completeMultipart(key, uploadId, parts),
        store.completeMultipart(key, uploadId, parts),
      ]);
      expect(results).toContainEqual({ ok: true });
      expect(results).toContainEqual({ ok: false, gone: true });
      expect((await store.read(key)).equals(bytes)).toBe(true);
    } finally {
      await dispose();
    }
  });

  it('refuses a streamed body that runs past its length, keeping nothing', async () => {
    const { store, root, dispose } = await localStore();
    try {
      const body = Readable.from([Buffer.from('12345'), Buffer.from('678')]);
      await expect(store.writeObject('files/3/original', body, 5)).rejects.toMatchObject({ status: 400 });
      expect(await store.size('files/3/original')).toBeNull();
      expect(await readdir(join(root, 'tmp'))).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('refuses keys that would leave its folder', async () => {
    const { store, dispose } = await localStore();
    try {
      for (const key of ['../escape', 'files/../../escape', '/absolute', 'files//x', 'files/./x']) {
        await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toMatchObject({ status: 400 });
      }
    } finally {
      await dispose();
    }
  });

  it('parses one byte range', () => {
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=0-3', 10)).toEqual([0, 3]);
    expect(parseRange('bytes=4-', 10)).toEqual([4, 9]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=5-100', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
  });
});
