import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RemoteImageAnswer } from '@bonfire/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { FileTestApp } from '../testing/file-test-app';

/** Embed images proxied for chat: fetched with the safe fetcher from a local site, kept with thumbnails. */
describe('remote images (internal route for link embeds)', () => {
  let app: FileTestApp;
  let site: Server;
  let port: number;
  let png: Buffer;
  const owner = '1001';
  const path = '/internal/v1/remote-images';
  const target = { channelId: '2001', guildId: '3001', messageId: '4001' };

  beforeAll(async () => {
    png = await sharp({ create: { width: 1600, height: 800, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    site = createServer((request, response) => {
      switch (request.url) {
        case '/cover.png':
          response.setHeader('content-type', 'image/png');
          response.end(png);
          return;
        case '/fake.png':
          response.setHeader('content-type', 'image/png');
          response.end('<html>not an image</html>');
          return;
        case '/big.png':
          response.setHeader('content-type', 'image/png');
          response.end(Buffer.alloc(300_000));
          return;
        case '/to-private':
          response.writeHead(302, { location: 'http://10.0.0.1/x.png' });
          response.end();
          return;
        default:
          response.statusCode = 404;
          response.end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    port = (site.address() as AddressInfo).port;
    app = await FileTestApp.start({
      EMBED_FETCH_ALLOW_CIDRS: `127.0.0.1:${port}`,
      FILE_REMOTE_IMAGE_MAX_BYTES: String(200_000),
    });
  });

  afterAll(async () => {
    await app?.stop();
    site?.closeAllConnections();
    await new Promise((closed) => site?.close(closed));
  });

  it('fetches an image, keeps it and its thumbnails as a ready file of the message', async () => {
    const reply = await app.call<RemoteImageAnswer>('POST', path, {
      as: owner,
      body: { url: `http://127.0.0.1:${port}/cover.png`, ...target },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ contentType: 'image/png', width: 1600, height: 800 });
    const row = await app.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', reply.body.fileId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      purpose: 'attachment',
      status: 'ready',
      ownerId: owner,
      channelId: target.channelId,
      guildId: target.guildId,
      messageId: target.messageId,
      thumbnails: true,
    });
    const store = app.service.app.get(ObjectStore);
    expect(await store.size(objectKeys.original(reply.body.fileId))).toBe(png.length);
    expect(await store.size(objectKeys.thumbnail(reply.body.fileId, 'small'))).toBeGreaterThan(0);
  });

  it.each([
    ['a loopback address not in the allow-list', 'http://127.0.0.1:1/cover.png'],
    ['a redirect to a private address', `/to-private`],
    ['something that is not an image', '/fake.png'],
    ['an image over the size limit', '/big.png'],
    ['a missing image', '/missing.png'],
  ])('refuses %s with 422', async (_case, url) => {
    const reply = await app.call<{ error: { code: string } }>('POST', path, {
      as: owner,
      body: { url: url.startsWith('/') ? `http://127.0.0.1:${port}${url}` : url, ...target },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('REMOTE_IMAGE_REFUSED');
  });
});
