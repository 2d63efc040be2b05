import type { ErrorBody, FileObject, UploadTicket } from '@bonfire/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTestApp } from '../testing/file-test-app';
import { ObjectStore } from './object-store';

const MIB = 1024 * 1024;
const userId = '700000000000000001';

describe('the file service in the standalone shape (embedded database, files in a folder)', () => {
  let app: FileTestApp;

  /** Request an avatar upload → PUT the bytes to the signed URL(s) → complete. */
  async function upload(bytes: Buffer) {
    const requested = await app.call<UploadTicket>('POST', '/api/v1/users/@me/avatar', {
      as: userId,
      body: { filename: 'me.png', contentType: 'image/png', size: bytes.length },
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const ticket = requested.body;
    expect(ticket.uploadUrl.startsWith(`${app.service.url}/storage/`)).toBe(true);
    let parts: { partNumber: number; etag: string }[] | undefined;
    if (ticket.method === 'PUT') {
      const put = await fetch(ticket.uploadUrl, {
        method: 'PUT',
        headers: ticket.headers,
        body: new Uint8Array(bytes),
      });
      expect(put.status, await put.text()).toBe(200);
    } else {
      parts = [];
      for (const part of ticket.multipart.parts) {
        const start = (part.partNumber - 1) * ticket.multipart.partSize;
        const put = await fetch(part.url, {
          method: 'PUT',
          body: new Uint8Array(bytes.subarray(start, start + part.size)),
        });
        expect(put.status, await put.text()).toBe(200);
        parts.push({ partNumber: part.partNumber, etag: put.headers.get('etag')! });
      }
    }
    const completed = await app.call<FileObject>('POST', `/api/v1/attachments/${ticket.id}/complete`, {
      as: userId,
      body: parts ? { parts } : undefined,
    });
    return { ticket, completed };
  }

  /** The public download: a redirect to a signed GET, followed. */
  async function download(fileId: string, size?: 'small') {
    const redirect = await fetch(`${app.service.url}/api/v1/files/${fileId}${size ? `?size=${size}` : ''}`, {
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    return fetch(redirect.headers.get('location')!);
  }

  beforeAll(async () => {
    app = await FileTestApp.startStandalone({
      FILE_MULTIPART_THRESHOLD_BYTES: String(6 * MIB),
      FILE_MULTIPART_PART_BYTES: String(5 * MIB),
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('uploads an image through its signed URL, completes it with thumbnails, and downloads the bytes', async () => {
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
    const { ticket, completed } = await upload(png);
    expect(ticket.method).toBe('PUT');
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ status: 'ready', size: png.length, width: 600, thumbnails: true });

    const original = await download(completed.body.id);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);
    const thumbnail = await download(completed.body.id, 'small');
    expect(thumbnail.status).toBe(200);
    const meta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256 });
  });

  it('runs a multipart upload through signed part URLs and their ETags', async () => {
    const side = 1_500;
    const noise = await sharp(Buffer.from(new Uint8Array(side * side * 3).map(() => Math.random() * 256)), {
      raw: { width: side, height: side, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(6 * MIB);
    const { ticket, completed } = await upload(noise);
    expect(ticket.method).toBe('multipart');
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ status: 'ready', size: noise.length, width: side });
    const original = await download(completed.body.id);
    expect(Buffer.from(await original.arrayBuffer()).equals(noise)).toBe(true);
  });

  it('streams storage bodies past the JSON parser, and refuses a tampered URL in the common format', async () => {
    const store = app.service.app.get(ObjectStore);
    const key = 'files/standalone-json/original';
    const json = Buffer.from(JSON.stringify({ padding: 'x'.repeat(100_000) }));
    const url = await store.presignPut(key, {
      contentType: 'application/json',
      size: json.length,
      expiresIn: 60,
    });
    const put = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(json),
    });
    expect(put.status, await put.text()).toBe(200);
    expect(await store.size(key)).toBe(json.length);

    const tampered = await fetch(url.replace('standalone-json', 'standalone-other'), {
      method: 'PUT',
      body: new Uint8Array(json),
    });
    expect(tampered.status).toBe(403);
    expect(((await tampered.json()) as ErrorBody).error.code).toBe('SIGNATURE_MISMATCH');
    await store.delete([key]);
  });
});
