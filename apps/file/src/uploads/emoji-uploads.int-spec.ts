import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ClaimEmojiAnswer,
  type ErrorBody,
  type FileObject,
  PERMISSIONS,
  type UploadTicket,
} from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatEventsHandlers } from '../removal/chat-events.handlers';
import { FileTestApp } from '../testing/file-test-app';

const GUILD = '700000000000200001';
/** A guild where the caller is a member without MANAGE_EMOJIS. */
const PLAIN_GUILD = '700000000000200002';
let nextUser = 700_000_000_000_200_100n;
const newUser = () => String(nextUser++);

async function animatedGif(width: number, height: number, colours: string[]): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map((background) =>
      sharp({ create: { width, height, channels: 4, background } })
        .raw()
        .toBuffer(),
    ),
  );
  return sharp(Buffer.concat(frames), {
    raw: { width, height: height * colours.length, channels: 4, pageHeight: height },
  })
    .gif({ delay: colours.map(() => 100), loop: 0 })
    .toBuffer();
}

/** Emoji uploads: the purpose's types and size, scaling to 128×128 with animation kept, and chat's claim. */
describe('emoji uploads', () => {
  let app: FileTestApp;
  /** Stands in for chat's guild permissions route: MANAGE_EMOJIS in GUILD, nothing in PLAIN_GUILD. */
  let chat: Server;

  function request(
    userId: string,
    body: { filename: string; contentType: string; size: number },
    guild = GUILD,
  ) {
    return app.call<UploadTicket & ErrorBody>('POST', `/api/v1/guilds/${guild}/emoji-uploads`, {
      as: userId,
      body,
    });
  }

  async function upload(userId: string, bytes: Buffer, contentType: string) {
    const ticket = await request(userId, { filename: 'emoji', contentType, size: bytes.length });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const put = await fetch(ticket.body.uploadUrl, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    return app.call<FileObject & ErrorBody>('POST', `/api/v1/attachments/${ticket.body.id}/complete`, {
      as: userId,
    });
  }

  async function download(fileId: string, size?: 'small'): Promise<Buffer> {
    const reply = await fetch(`${app.service.url}/api/v1/files/${fileId}${size ? `?size=${size}` : ''}`, {
      redirect: 'manual',
    });
    expect(reply.status).toBe(302);
    return Buffer.from(await (await fetch(reply.headers.get('location')!)).arrayBuffer());
  }

  function claim(userId: string, guildId: string, fileId: string) {
    return app.call<ClaimEmojiAnswer & ErrorBody>('POST', '/internal/v1/emojis/claim', {
      as: userId,
      body: { guildId, fileId },
    });
  }

  beforeAll(async () => {
    chat = createServer((incoming, response) => {
      const guildId = /\/internal\/v1\/guilds\/(\d+)\/permissions/.exec(incoming.url ?? '')?.[1];
      const permissions =
        guildId === GUILD ? String(PERMISSIONS.MANAGE_EMOJIS) : guildId === PLAIN_GUILD ? '0' : null;
      response.writeHead(permissions === null ? 404 : 200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          permissions === null
            ? { error: { code: 'UNKNOWN_GUILD', message: 'Unknown guild.' } }
            : { guildId, permissions },
        ),
      );
    });
    await new Promise<void>((listening) => chat.listen(0, '127.0.0.1', listening));
    app = await FileTestApp.start({ CHAT_URL: `http://127.0.0.1:${(chat.address() as AddressInfo).port}` });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await new Promise((closed) => chat?.close(closed));
  });

  it('scales an animated GIF to fit 128×128, keeps it animated, and serves a still first frame', async () => {
    const userId = newUser();
    const gif = await animatedGif(200, 150, ['#ff0000', '#00ff00', '#0000ff']);
    const completed = await upload(userId, gif, 'image/gif');
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({
      purpose: 'emoji',
      guildId: GUILD,
      width: 128,
      height: 96,
      thumbnails: true,
    });

    const original = await download(completed.body.id);
    expect(completed.body.size).toBe(original.length);
    expect(await sharp(original, { animated: true }).metadata()).toMatchObject({
      format: 'gif',
      width: 128,
      pageHeight: 96,
      pages: 3,
    });
    const still = await sharp(await download(completed.body.id, 'small'), { animated: true }).metadata();
    expect(still).toMatchObject({ format: 'webp', width: 128, height: 96 });

    const claimed = await claim(userId, GUILD, completed.body.id);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toEqual({
      fileId: completed.body.id,
      contentType: 'image/gif',
      animated: true,
      width: 128,
      height: 96,
    });
    // Claiming again answers the same (chat's emoji id is the file id: one image, one emoji).
    expect((await claim(userId, GUILD, completed.body.id)).status).toBe(200);
  });

  it('keeps a small PNG as it is; only its uploader may claim it, only for its guild', async () => {
    const userId = newUser();
    const png = await sharp({ create: { width: 32, height: 32, channels: 4, background: '#3366ff' } })
      .png()
      .toBuffer();
    const completed = await upload(userId, png, 'image/png');
    expect(completed.body).toMatchObject({ width: 32, height: 32, size: png.length });
    for (const [who, guild] of [
      [newUser(), GUILD],
      [userId, PLAIN_GUILD],
    ] as const) {
      const refused = await claim(who, guild, completed.body.id);
      expect([refused.status, refused.body.error.code, refused.body.error.details?.[0]?.field]).toEqual([
        400,
        'INVALID_EMOJI_FILE',
        'body.fileId',
      ]);
    }
    expect((await claim(userId, GUILD, completed.body.id)).body.animated).toBe(false);

    // Chat deleted the emoji: its image goes (another guild's emoji.deleted naming it changes nothing).
    const consumer = app.service.app.get(ChatEventsHandlers);
    const event = (guildId: string) =>
      createEvent('emoji.deleted', guildId, { guildId, emojiId: completed.body.id }, 'chat');
    await consumer.apply(event(PLAIN_GUILD));
    expect(
      (await fetch(`${app.service.url}/api/v1/files/${completed.body.id}`, { redirect: 'manual' })).status,
    ).toBe(302);
    const deleted = event(GUILD);
    await consumer.apply(deleted);
    await consumer.apply(deleted);
    const gone = await fetch(`${app.service.url}/api/v1/files/${completed.body.id}`, { redirect: 'manual' });
    expect(gone.status).toBe(404);
    const row = await app.db
      .selectFrom('files')
      .select('status')
      .where('id', '=', completed.body.id)
      .executeTakeFirst();
    expect(row?.status).toBe('deleted');
  });

  it('refuses other types, more than 256 KiB, lying bytes, and callers without MANAGE_EMOJIS', async () => {
    const userId = newUser();
    const jpeg = await request(userId, { filename: 'e.jpg', contentType: 'image/jpeg', size: 100 });
    expect([jpeg.status, jpeg.body.error.code, jpeg.body.error.details?.[0]?.field]).toEqual([
      400,
      'UNSUPPORTED_TYPE',
      'body.contentType',
    ]);
    const big = await request(userId, { filename: 'e.png', contentType: 'image/png', size: 256 * 1024 + 1 });
    expect([big.status, big.body.error.code, big.body.error.details?.[0]?.field]).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      'body.size',
    ]);
    const plain = await request(
      userId,
      { filename: 'e.png', contentType: 'image/png', size: 100 },
      PLAIN_GUILD,
    );
    expect([plain.status, plain.body.error.code]).toEqual([403, 'MISSING_PERMISSION']);

    const jpegBytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const lying = await upload(userId, jpegBytes, 'image/png');
    expect([lying.status, lying.body.error.code]).toEqual([400, 'TYPE_MISMATCH']);
  });
});
