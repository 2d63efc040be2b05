import type { Channel, FileObject, Guild, Invite, Message, UploadTicket } from '@bonfire/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';
import { TestBucket } from '@bonfire/platform/testing/s3';

/** Seconds a presigned download URL lives in this stack (short, so expiry can be observed). */
const DOWNLOAD_TTL_SECONDS = 2;

const bucket = new TestBucket();

describe('files through the gateway (auth, chat, file and the gateway as processes; real Postgres, Kafka, S3)', () => {
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let member: AuthResult;
  let outsider: AuthResult;
  let guild: Guild;
  let text: Channel;
  let png: Buffer;
  let imageId: string;
  let messageId: string;

  /** A GET through the gateway that does not follow the redirect. */
  async function download(path: string, token?: string): Promise<Response> {
    return fetch(`${stack.gateway.url}${path}`, {
      redirect: 'manual',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  /** Request → PUT the bytes to the presigned URL → complete. */
  async function upload(
    who: AuthResult,
    path: string,
    bytes: Buffer,
    declared: { filename: string; contentType: string; size?: number },
  ) {
    const requested = await api.withToken(who.accessToken).post<UploadTicket>(path, {
      filename: declared.filename,
      contentType: declared.contentType,
      size: declared.size ?? bytes.length,
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const ticket = requested.body;
    expect(ticket.method).toBe('PUT');
    const put = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: ticket.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status, await put.text()).toBe(200);
    const completed = await api
      .withToken(who.accessToken)
      .post<FileObject & ErrorResponseBody>(`/api/v1/attachments/${ticket.id}/complete`);
    return { ticket, completed };
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-file-${Date.now()}` },
      serviceEnv: {
        file: {
          // A group of its own, so that no other stack's file service takes this one's chat events.
          FILE_CONSUMER_GROUP: `file.chat-events.e2e-${Date.now()}`,
          FILE_CONSUMER_START_FROM: 'latest',
          FILE_DOWNLOAD_URL_TTL_SECONDS: String(DOWNLOAD_TTL_SECONDS),
          FILE_PENDING_MAX_AGE_SECONDS: '6',
          FILE_CLEANUP_INTERVAL_SECONDS: '1',
        },
      },
    });
    api = new Api(stack.gateway.url);
    [owner, member, outsider] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    guild = (await api.withToken(owner.accessToken).post<Guild>('/api/v1/guilds', { name: 'Files club' }))
      .body;
    const channels = await api
      .withToken(owner.accessToken)
      .get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    text = channels.body.find((channel) => channel.type === 'text')!;
    const invite = await api
      .withToken(owner.accessToken)
      .post<Invite>(`/api/v1/guilds/${guild.id}/invites`, { maxUses: 5 });
    await eventually(async () => {
      const joined = await api.withToken(member.accessToken).post(`/api/v1/invites/${invite.body.code}`);
      expect(joined.status).toBeLessThan(300);
    });
    png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    bucket.close();
  });

  it('uploads an image straight to S3, verifies it and makes thumbnails', async () => {
    const { completed } = await upload(owner, `/api/v1/channels/${text.id}/attachments`, png, {
      filename: 'sunset.png',
      contentType: 'image/png',
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'ready',
      contentType: 'image/png',
      size: png.length,
      width: 2000,
      height: 1000,
      thumbnails: true,
    });
    imageId = completed.body.id;
  });

  it('sends it in a message, and another member downloads the same bytes through a redirect', async () => {
    const sent = await api
      .withToken(owner.accessToken)
      .post<Message>(`/api/v1/channels/${text.id}/messages`, { content: 'look', attachments: [imageId] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.attachments).toEqual([
      {
        id: imageId,
        filename: 'sunset.png',
        contentType: 'image/png',
        size: png.length,
        width: 2000,
        height: 1000,
      },
    ]);
    messageId = sent.body.id;
    const history = await api
      .withToken(member.accessToken)
      .get<Message[]>(`/api/v1/channels/${text.id}/messages`);
    expect(history.body[0]?.attachments[0]?.id).toBe(imageId);

    const redirect = await download(`/api/v1/attachments/${imageId}`, member.accessToken);
    expect(redirect.status).toBe(302);
    const bytes = Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(png)).toBe(true);
  });

  it('serves thumbnails of the right dimensions', async () => {
    for (const [size, width, height] of [
      ['small', 256, 128],
      ['large', 1024, 512],
    ] as const) {
      const redirect = await download(`/api/v1/attachments/${imageId}?size=${size}`, member.accessToken);
      expect(redirect.status).toBe(302);
      const thumbnail = Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
      const metadata = await sharp(thumbnail).metadata();
      expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({
        format: 'webp',
        width,
        height,
      });
    }
  });

  it('gives a non-member 404 and no URL, and an anonymous caller 401', async () => {
    const hidden = await download(`/api/v1/attachments/${imageId}`, outsider.accessToken);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('location')).toBeNull();
    expect((await download(`/api/v1/attachments/${imageId}`)).status).toBe(401);
    const upload = await api
      .withToken(outsider.accessToken)
      .post<ErrorResponseBody>(`/api/v1/channels/${text.id}/attachments`, {
        filename: 'x.txt',
        contentType: 'text/plain',
        size: 3,
      });
    expect(upload.status).toBe(404);
    expect(upload.body.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('lets a download URL expire at the S3 server', async () => {
    const redirect = await download(`/api/v1/attachments/${imageId}`, member.accessToken);
    const url = redirect.headers.get('location')!;
    await new Promise((wait) => setTimeout(wait, (DOWNLOAD_TTL_SECONDS + 1.5) * 1_000));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
  });

  it('accepts only the sender’s ready uploads for that channel, once', async () => {
    const reused = await api
      .withToken(owner.accessToken)
      .post<ErrorResponseBody>(`/api/v1/channels/${text.id}/messages`, {
        content: 'again',
        attachments: [imageId],
      });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVALID_ATTACHMENT');
    expect(reused.body.error.details?.map((detail) => detail.field)).toContain('body.attachments');

    const { completed } = await upload(
      owner,
      `/api/v1/channels/${text.id}/attachments`,
      Buffer.from('hello\n'),
      {
        filename: 'hello.txt',
        contentType: 'text/plain',
      },
    );
    expect(completed.status).toBe(200);
    const stolen = await api
      .withToken(member.accessToken)
      .post<ErrorResponseBody>(`/api/v1/channels/${text.id}/messages`, {
        content: 'mine now',
        attachments: [completed.body.id],
      });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe('INVALID_ATTACHMENT');
    const unknown = await api
      .withToken(owner.accessToken)
      .post<ErrorResponseBody>(`/api/v1/channels/${text.id}/messages`, {
        content: 'x',
        attachments: ['12345'],
      });
    expect(unknown.status).toBe(400);
  });

  it('refuses a spoofed type and deletes the object', async () => {
    const elf = Buffer.alloc(512);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(elf);
    elf.writeUInt16LE(2, 16); // ET_EXEC
    elf.writeUInt16LE(0x3e, 18); // x86-64
    const { ticket, completed } = await upload(owner, `/api/v1/channels/${text.id}/attachments`, elf, {
      filename: 'cute-cat.png',
      contentType: 'image/png',
    });
    expect(completed.status).toBe(400);
    expect(completed.body.error.code).toBe('TYPE_MISMATCH');
    expect(await bucket.exists(`files/${ticket.id}/original`)).toBe(false);

    const pe = Buffer.alloc(512);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    const windows = await upload(owner, `/api/v1/channels/${text.id}/attachments`, pe, {
      filename: 'photo.jpg',
      contentType: 'image/jpeg',
    });
    expect(windows.completed.status).toBe(400);
    expect(windows.completed.body.error.code).toBe('TYPE_MISMATCH');
  });

  it('refuses oversize uploads: 413 on the declared size, 403 at S3 when the bytes differ from it', async () => {
    const tooBig = await api
      .withToken(owner.accessToken)
      .post<ErrorResponseBody>(`/api/v1/channels/${text.id}/attachments`, {
        filename: 'huge.zip',
        contentType: 'application/zip',
        size: 25 * 1024 * 1024 + 1,
      });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const avatar = await api
      .withToken(owner.accessToken)
      .post<ErrorResponseBody>('/api/v1/users/@me/avatar', {
        filename: 'me.png',
        contentType: 'image/png',
        size: 8 * 1024 * 1024 + 1,
      });
    expect(avatar.status).toBe(413);

    // The presigned PUT signs the declared Content-Length: S3 refuses other lengths, so nothing is stored.
    const declared = await api
      .withToken(owner.accessToken)
      .post<UploadTicket>(`/api/v1/channels/${text.id}/attachments`, {
        filename: 'short.txt',
        contentType: 'text/plain',
        size: 100,
      });
    expect(declared.status).toBe(201);
    for (const length of [50, 101, 10_000]) {
      const put = await fetch(declared.body.uploadUrl, {
        method: 'PUT',
        headers: declared.body.headers,
        body: new Uint8Array(length),
      });
      expect(put.status, `${length} bytes`).toBe(403);
      expect(await put.text()).toContain('SignatureDoesNotMatch');
    }
    expect(await bucket.exists(`files/${declared.body.id}/original`)).toBe(false);
    const completed = await api
      .withToken(owner.accessToken)
      .post<ErrorResponseBody>(`/api/v1/attachments/${declared.body.id}/complete`);
    expect(completed.status).toBe(400);
    expect(completed.body.error.code).toBe('UPLOAD_MISSING');
  });

  it('serves avatars publicly', async () => {
    const small = await sharp({ create: { width: 64, height: 64, channels: 4, background: '#3366ff' } })
      .png()
      .toBuffer();
    const { completed } = await upload(member, '/api/v1/users/@me/avatar', small, {
      filename: 'me.png',
      contentType: 'image/png',
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ purpose: 'avatar', width: 64, height: 64 });
    const anonymous = await download(`/api/v1/files/${completed.body.id}`);
    expect(anonymous.status).toBe(302);
    const bytes = Buffer.from(await (await fetch(anonymous.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(small)).toBe(true);
    // Attachments are never public.
    expect((await download(`/api/v1/files/${imageId}`)).status).toBe(404);
    // Guild icons need MANAGE_GUILD.
    const icon = await api
      .withToken(member.accessToken)
      .post<ErrorResponseBody>(`/api/v1/guilds/${guild.id}/icon`, {
        filename: 'i.png',
        contentType: 'image/png',
        size: 10,
      });
    expect(icon.status).toBe(403);
    const svg = await api
      .withToken(owner.accessToken)
      .post<ErrorResponseBody>(`/api/v1/guilds/${guild.id}/icon`, {
        filename: 'i.svg',
        contentType: 'image/svg+xml',
        size: 10,
      });
    expect(svg.status).toBe(400);
    expect(svg.body.error.code).toBe('UNSUPPORTED_TYPE');
  });

  it('removes a deleted message’s files from the bucket', async () => {
    const deleted = await api
      .withToken(owner.accessToken)
      .delete(`/api/v1/channels/${text.id}/messages/${messageId}`);
    expect(deleted.status).toBe(204);
    await eventually(async () => {
      expect(await bucket.exists(`files/${imageId}/original`)).toBe(false);
    }, 20_000);
    expect(await bucket.exists(`files/${imageId}/small.webp`)).toBe(false);
    expect(await bucket.exists(`files/${imageId}/large.webp`)).toBe(false);
    expect((await download(`/api/v1/attachments/${imageId}`, owner.accessToken)).status).toBe(404);
  });

  it('cleans up uploads never completed', async () => {
    const requested = await api
      .withToken(owner.accessToken)
      .post<UploadTicket>(`/api/v1/channels/${text.id}/attachments`, {
        filename: 'abandoned.txt',
        contentType: 'text/plain',
        size: 5,
      });
    const put = await fetch(requested.body.uploadUrl, {
      method: 'PUT',
      headers: requested.body.headers,
      body: new Uint8Array(Buffer.from('bytes')),
    });
    expect(put.status).toBe(200);
    expect(await bucket.exists(`files/${requested.body.id}/original`)).toBe(true);
    await eventually(async () => {
      expect(await bucket.exists(`files/${requested.body.id}/original`)).toBe(false);
    }, 20_000);
    const late = await api
      .withToken(owner.accessToken)
      .post(`/api/v1/attachments/${requested.body.id}/complete`);
    expect(late.status).toBe(404);
  });
});
