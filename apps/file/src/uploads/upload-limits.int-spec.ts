import type { ErrorBody, FileObject, UploadTicket } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTestApp } from '../testing/file-test-app';
import { pngDeclaring } from '../testing/images';

const MAX_OPEN_UPLOADS = 3;
let nextUser = 700_000_000_000_100_000n;
const newUser = () => String(nextUser++);

/**
 * The upload limits on both object stores: the S3 server (real Postgres, versitygw) and the standalone
 * shape (embedded database, a local folder behind signed /storage URLs).
 */
describe.each([
  ['on the S3 server', () => FileTestApp.start({ FILE_MAX_OPEN_UPLOADS: String(MAX_OPEN_UPLOADS) })],
  [
    'on the standalone local folder',
    () => FileTestApp.startStandalone({ FILE_MAX_OPEN_UPLOADS: String(MAX_OPEN_UPLOADS) }),
  ],
])('upload limits %s', (_shape, start) => {
  let app: FileTestApp;
  let png: Buffer;

  function requestAvatar(userId: string, size: number) {
    return app.call<UploadTicket & ErrorBody>('POST', '/api/v1/users/@me/avatar', {
      as: userId,
      body: { filename: 'me.png', contentType: 'image/png', size },
    });
  }

  function put(ticket: UploadTicket, bytes: Buffer) {
    return fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(bytes) });
  }

  function complete(userId: string, fileId: string) {
    return app.call<FileObject & ErrorBody>('POST', `/api/v1/attachments/${fileId}/complete`, { as: userId });
  }

  /** Request → PUT → complete, all expected to succeed. */
  async function uploadAvatar(userId: string, bytes: Buffer): Promise<FileObject> {
    const ticket = await requestAvatar(userId, bytes.length);
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const stored = await put(ticket.body, bytes);
    expect(stored.status, await stored.text()).toBe(200);
    const completed = await complete(userId, ticket.body.id);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    return completed.body;
  }

  beforeAll(async () => {
    app = await start();
    png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('signs the declared Content-Length: a longer or shorter PUT is refused, the exact one stored', async () => {
    const userId = newUser();
    const ticket = await requestAvatar(userId, png.length);
    expect(ticket.status).toBe(201);
    for (const wrong of [Buffer.concat([png, Buffer.alloc(1_000)]), png.subarray(0, png.length - 1)]) {
      const refused = await put(ticket.body, wrong);
      expect(refused.status, `${wrong.length} bytes`).toBe(403);
    }
    // Nothing was stored by the refused PUTs.
    const early = await complete(userId, ticket.body.id);
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('UPLOAD_MISSING');
    expect((await put(ticket.body, png)).status).toBe(200);
    const completed = await complete(userId, ticket.body.id);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ status: 'ready', size: png.length, width: 64 });
  });

  it('caps the open uploads of a user; completed and expired ones stop counting', async () => {
    const userId = newUser();
    const open: UploadTicket[] = [];
    for (let index = 0; index < MAX_OPEN_UPLOADS; index++) {
      const ticket = await requestAvatar(userId, png.length);
      expect(ticket.status).toBe(201);
      open.push(ticket.body);
    }
    const refused = await requestAvatar(userId, png.length);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TOO_MANY_OPEN_UPLOADS');
    // Another user is not affected.
    expect((await requestAvatar(newUser(), png.length)).status).toBe(201);

    // Completing one frees its place.
    expect((await put(open[0]!, png)).status).toBe(200);
    expect((await complete(userId, open[0]!.id)).status).toBe(200);
    const another = await requestAvatar(userId, png.length);
    expect(another.status, JSON.stringify(another.body)).toBe(201);
    expect((await requestAvatar(userId, png.length)).status).toBe(409);

    // Nor does a refused one.
    expect((await put(open[1]!, Buffer.alloc(png.length))).status).toBe(200);
    const notPng = await complete(userId, open[1]!.id);
    expect(notPng.body.error.code).toBe('TYPE_MISMATCH');
    expect((await requestAvatar(userId, png.length)).status).toBe(201);
    expect((await requestAvatar(userId, png.length)).status).toBe(409);

    // Uploads past FILE_PENDING_MAX_AGE_SECONDS have expired: they no longer count, swept or not (the
    // cleanup is off in this app).
    await sql`update files set created_at = now() - interval '2 hours' where owner_id = ${userId}`.execute(
      app.db,
    );
    expect((await requestAvatar(userId, png.length)).status).toBe(201);
  });

  it('lets no more than the cap through when the requests arrive at once', async () => {
    const userId = newUser();
    const answers = await Promise.all(
      Array.from({ length: 3 * MAX_OPEN_UPLOADS }, () => requestAvatar(userId, png.length)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(MAX_OPEN_UPLOADS);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2 * MAX_OPEN_UPLOADS);
  });

  it('refuses an image declaring 30000×30000 pixels with 400 IMAGE_TOO_LARGE, and carries on', async () => {
    const userId = newUser();
    const bomb = pngDeclaring(30_000, 30_000);
    const ticket = await requestAvatar(userId, bomb.length);
    expect(ticket.status).toBe(201);
    expect((await put(ticket.body, bomb)).status).toBe(200);
    const refused = await complete(userId, ticket.body.id);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.code).toBe('IMAGE_TOO_LARGE');
    expect(refused.body.error.message).toContain('30000×30000');
    expect((await complete(userId, ticket.body.id)).status).toBe(404);

    const next = await uploadAvatar(userId, png);
    expect(next).toMatchObject({ status: 'ready', width: 64, height: 64, thumbnails: true });
  });
});
