import { crc32, deflateSync } from 'node:zlib';
import type { Channel, FileObject, Guild, UploadTicket } from '@bonfire/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { e2eShape, Stack } from '../support/stack';

const MAX_OPEN_UPLOADS = 3;
/** Pending uploads stop counting after this (the cleanup is off, so they are expired but not swept). */
const PENDING_MAX_AGE_SECONDS = 8;

/** A PNG of a few hundred bytes whose header declares `width`×`height` pixels (one short IDAT). */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framing = Buffer.alloc(8);
    framing.writeUInt32BE(data.length, 0);
    framing.writeUInt32BE(crc32(body), 4);
    return Buffer.concat([framing.subarray(0, 4), body, framing.subarray(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1_000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The file service's limits through the gateway (issue 15, item 6). Distributed: the tickets are presigned
 * URLs at the S3 server; standalone: signed /storage URLs the gateway proxies to the local folder.
 */
describe(`upload limits through the gateway (${e2eShape} shape)`, () => {
  let stack: Stack;
  let api: Api;
  let png: Buffer;

  type Purpose = 'attachment' | 'avatar' | 'icon';
  /** Who uploads, and where each purpose's upload is requested for them. */
  interface Uploader {
    auth: AuthResult;
    paths: Record<Purpose, string>;
  }

  async function newUploader(): Promise<Uploader> {
    const auth = await registerUser(api);
    const as = api.withToken(auth.accessToken);
    const guild = (await as.post<Guild>('/api/v1/guilds', { name: 'Limits' })).body;
    const channels = await as.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    const text = channels.body.find((channel) => channel.type === 'text')!;
    return {
      auth,
      paths: {
        attachment: `/api/v1/channels/${text.id}/attachments`,
        avatar: '/api/v1/users/@me/avatar',
        icon: `/api/v1/guilds/${guild.id}/icon`,
      },
    };
  }

  function request(who: Uploader, purpose: Purpose, size: number, filename = 'picture.png') {
    return api.withToken(who.auth.accessToken).post<UploadTicket & ErrorResponseBody>(who.paths[purpose], {
      filename,
      contentType: 'image/png',
      size,
    });
  }

  function put(ticket: UploadTicket, bytes: Buffer) {
    return fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(bytes) });
  }

  function complete(who: Uploader, id: string) {
    return api
      .withToken(who.auth.accessToken)
      .post<FileObject & ErrorResponseBody>(`/api/v1/attachments/${id}/complete`);
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-file-limits-${Date.now()}` },
      serviceEnv: {
        file: {
          FILE_CONSUMER_GROUP: `file.chat-events.e2e-limits-${Date.now()}`,
          FILE_CONSUMER_START_FROM: 'latest',
          FILE_MAX_OPEN_UPLOADS: String(MAX_OPEN_UPLOADS),
          FILE_PENDING_MAX_AGE_SECONDS: String(PENDING_MAX_AGE_SECONDS),
          FILE_CLEANUP_INTERVAL_SECONDS: '0',
        },
      },
    });
    api = new Api(stack.gateway.url);
    png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('signs the declared Content-Length of attachment, avatar and icon uploads: only that many bytes are taken', async () => {
    const who = await newUploader();
    for (const purpose of ['attachment', 'avatar', 'icon'] as const) {
      const ticket = await request(who, purpose, png.length);
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
      expect(ticket.body.method).toBe('PUT');
      for (const wrong of [Buffer.concat([png, Buffer.alloc(4_096)]), png.subarray(0, png.length - 1)]) {
        const refused = await put(ticket.body, wrong);
        expect(refused.status, `${purpose}, ${wrong.length} bytes`).toBe(403);
        const body = await refused.text();
        if (stack.shape === 'distributed') expect(body).toContain('SignatureDoesNotMatch');
        else expect(JSON.parse(body)).toMatchObject({ error: { code: 'CONTENT_LENGTH_MISMATCH' } });
      }
      const early = await complete(who, ticket.body.id);
      expect(early.status, `${purpose}: nothing stored yet`).toBe(400);
      expect(early.body.error.code).toBe('UPLOAD_MISSING');

      const exact = await put(ticket.body, png);
      expect(exact.status, await exact.text()).toBe(200);
      const completed = await complete(who, ticket.body.id);
      expect(completed.status, JSON.stringify(completed.body)).toBe(200);
      expect(completed.body).toMatchObject({ purpose, status: 'ready', size: png.length, width: 320 });
    }
  });

  it('caps a user’s open uploads with 409 TOO_MANY_OPEN_UPLOADS; completed and expired ones stop counting', async () => {
    const who = await newUploader();
    const first = await request(who, 'attachment', png.length);
    expect(first.status).toBe(201);
    expect((await request(who, 'avatar', png.length)).status).toBe(201);
    expect((await request(who, 'icon', png.length)).status).toBe(201);
    const started = Date.now();

    for (const purpose of ['attachment', 'avatar', 'icon'] as const) {
      const refused = await request(who, purpose, png.length);
      expect(refused.status, purpose).toBe(409);
      expect(refused.body.error.code).toBe('TOO_MANY_OPEN_UPLOADS');
    }
    // Someone else still uploads.
    expect((await request(await newUploader(), 'attachment', png.length)).status).toBe(201);

    // A completed upload is no longer open.
    expect((await put(first.body, png)).status).toBe(200);
    expect((await complete(who, first.body.id)).status).toBe(200);
    expect((await request(who, 'attachment', png.length)).status).toBe(201);
    expect((await request(who, 'attachment', png.length)).status).toBe(409);

    // Past FILE_PENDING_MAX_AGE_SECONDS the pending ones have expired and no longer count.
    const left = PENDING_MAX_AGE_SECONDS * 1_000 - (Date.now() - started);
    await new Promise((wait) => setTimeout(wait, Math.max(0, left) + 1_500));
    for (let index = 0; index < MAX_OPEN_UPLOADS; index++) {
      expect((await request(who, 'attachment', png.length)).status).toBe(201);
    }
    expect((await request(who, 'attachment', png.length)).status).toBe(409);
  });

  it('refuses a small PNG declaring 30000×30000 pixels with 400 IMAGE_TOO_LARGE, and keeps serving', async () => {
    const who = await newUploader();
    const bomb = pngDeclaring(30_000, 30_000);
    expect(bomb.length).toBeLessThan(1_024);
    const ticket = await request(who, 'attachment', bomb.length, 'bomb.png');
    expect(ticket.status).toBe(201);
    expect((await put(ticket.body, bomb)).status).toBe(200);
    const refused = await complete(who, ticket.body.id);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.code).toBe('IMAGE_TOO_LARGE');
    expect((await complete(who, ticket.body.id)).status).toBe(404);

    // The service is up and makes thumbnails for the next image.
    const next = await request(who, 'avatar', png.length);
    expect(next.status).toBe(201);
    expect((await put(next.body, png)).status).toBe(200);
    const completed = await complete(who, next.body.id);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ status: 'ready', width: 320, height: 200, thumbnails: true });
  });
});
