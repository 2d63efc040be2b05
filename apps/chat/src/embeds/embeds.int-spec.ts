import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Message, PERMISSIONS, type RemoteImageRequest } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { EmbedsWorker } from './embeds.worker';

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * The unfurl path in chat (the worker driven directly; its consumer is exercised end to end in
 * e2e/chat/embeds): a local site serves pages, a stand-in for the file service's remote-image route
 * answers file ids; EMBED_FETCH_ALLOW_CIDRS allows exactly the site's port on loopback.
 */
describe('link embeds', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let worker: EmbedsWorker;
  let site: { server: Server; port: number };
  let fileService: { server: Server; port: number };
  const proxied: RemoteImageRequest[] = [];
  let owner: string;
  let member: string;
  let guildId: string;
  let channelId: string;
  let base: string;

  beforeAll(async () => {
    site = await listen((request, response) => {
      if (request.url === '/article') {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(
          `<html><head><title>Plain</title><meta property="og:title" content="An article">` +
            `<meta property="og:description" content="About things"><meta property="og:site_name" content="Site">` +
            `<meta property="og:image" content="/cover.png"><meta name="theme-color" content="#336699"></head>` +
            `<body>text</body></html>`,
        );
      } else if (request.url === '/photo.png') {
        response.setHeader('content-type', 'image/png');
        response.end(Buffer.alloc(10));
      } else if (request.url === '/bare') {
        response.setHeader('content-type', 'text/html');
        response.end('<html><body>nothing to show</body></html>');
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    fileService = await listen((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const asked = JSON.parse(body) as RemoteImageRequest;
        proxied.push(asked);
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            fileId: String(9_000 + proxied.length),
            contentType: 'image/png',
            width: 64,
            height: 32,
          }),
        );
      });
    });
    base = `http://127.0.0.1:${site.port}`;
    app = await ChatTestApp.start({
      CHAT_SEND_LIMIT_PER_10S: '100000',
      FILE_URL: `http://127.0.0.1:${fileService.port}`,
      EMBED_FETCH_ALLOW_CIDRS: `127.0.0.1:${site.port}`,
    });
    worker = app.service.app.get(EmbedsWorker);
    fx = new ChatFixtures(app);
    [owner, member] = await Promise.all([app.createUser('owner'), app.createUser('member')]);
    guildId = await fx.guild(owner);
    await fx.member(guildId, member);
    channelId = await fx.channel(guildId);
  });

  afterAll(async () => {
    await app?.stop();
    for (const one of [site, fileService]) {
      one?.server.closeAllConnections();
      await new Promise((closed) => one?.server.close(closed));
    }
  });

  const get = async (id: string) =>
    (await app.call<Message>('GET', `/api/v1/channels/${channelId}/messages/${id}`, { as: member })).body;

  it('unfurls a page and a direct image, proxies their images and emits message.updated', async () => {
    const id = await fx.send(
      channelId,
      member,
      `read ${base}/article and ${base}/photo.png but not <${base}/bare> or ${base}/missing`,
    );
    expect((await get(id)).embeds).toBeUndefined();
    await worker.process({ id, channelId });
    const message = await get(id);
    expect(message.embeds).toEqual([
      {
        url: `${base}/article`,
        type: 'link',
        title: 'An article',
        description: 'About things',
        siteName: 'Site',
        color: 0x336699,
        thumbnail: { fileId: expect.any(String), url: `${base}/cover.png`, width: 64, height: 32 },
        video: null,
      },
      {
        url: `${base}/photo.png`,
        type: 'image',
        title: null,
        description: null,
        siteName: null,
        color: null,
        thumbnail: { fileId: expect.any(String), url: `${base}/photo.png`, width: 64, height: 32 },
        video: null,
      },
    ]);
    expect(proxied.filter((one) => one.messageId === id)).toEqual([
      { url: `${base}/cover.png`, channelId, guildId, messageId: id },
      { url: `${base}/photo.png`, channelId, guildId, messageId: id },
    ]);
    const events = await fx.events<{ message: Message }>(channelId);
    const updates = events.filter(
      (event) => event.type === 'message.updated' && event.data.message.id === id,
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]!.data.message.embeds).toHaveLength(2);
    expect(updates[0]!.data.message.revision).toBe(1);

    // Its own update, or a replay, unfurls nothing again.
    await worker.process({ id, channelId });
    expect((await get(id)).revision).toBe(1);

    // Deleting the message names its proxied images, so the file service removes them with it.
    const fileIds = message.embeds!.map((embed) => embed.thumbnail!.fileId);
    expect(
      (await app.call('DELETE', `/api/v1/channels/${channelId}/messages/${id}`, { as: member })).status,
    ).toBe(204);
    const deleted = (await fx.events<{ messageId: string; attachmentIds: string[] }>(channelId)).find(
      (event) => event.type === 'message.deleted' && event.data.messageId === id,
    );
    expect(deleted?.data.attachmentIds).toEqual(fileIds);
  });

  it('an edit unfurls again; an edit removing the links removes the embeds', async () => {
    const id = await fx.send(channelId, member, 'nothing yet');
    await worker.process({ id, channelId });
    expect((await get(id)).revision).toBe(0);
    const edit = (content: string) =>
      app.call('PATCH', `/api/v1/channels/${channelId}/messages/${id}`, { as: member, body: { content } });
    expect((await edit(`now ${base}/article`)).status).toBe(200);
    await worker.process({ id, channelId });
    expect((await get(id)).embeds).toHaveLength(1);
    expect((await edit('gone again')).status).toBe(200);
    await worker.process({ id, channelId });
    expect((await get(id)).embeds).toBeUndefined();
  });

  it('makes no embeds without EMBED_LINKS', async () => {
    const quiet = await fx.channel(guildId);
    await fx.overwrite(quiet, { id: member, type: 'member' }, { deny: PERMISSIONS.EMBED_LINKS });
    const id = await fx.send(quiet, member, `${base}/article`);
    await worker.process({ id, channelId: quiet });
    const message = (
      await app.call<Message>('GET', `/api/v1/channels/${quiet}/messages/${id}`, { as: member })
    ).body;
    expect(message.embeds).toBeUndefined();
    expect(message.revision).toBe(0);
  });

  it('suppresses embeds: the author, or MANAGE_MESSAGES; clearing the flag unfurls again', async () => {
    const id = await fx.send(channelId, owner, `${base}/article`);
    await worker.process({ id, channelId });
    const path = `/api/v1/channels/${channelId}/messages/${id}`;
    // Another member without MANAGE_MESSAGES may not; nor may anyone set other flags or edit others' content.
    expect((await app.call('PATCH', path, { as: member, body: { flags: 4 } })).status).toBe(403);
    expect((await app.call('PATCH', path, { as: owner, body: { flags: 1 } })).status).toBe(400);
    expect((await app.call('PATCH', path, { as: owner, body: {} })).status).toBe(400);

    const suppressed = await app.call<Message>('PATCH', path, { as: owner, body: { flags: 4 } });
    expect(suppressed.status).toBe(200);
    expect(suppressed.body.flags).toBe(4);
    expect(suppressed.body.embeds).toBeUndefined();
    expect(suppressed.body.editedAt).toBeNull();
    await worker.process({ id, channelId });
    expect((await get(id)).embeds).toBeUndefined();
    const events = await fx.events<{ message: Message }>(channelId);
    const last = events
      .filter((event) => event.type === 'message.updated' && event.data.message.id === id)
      .at(-1);
    expect(last?.data.message.flags).toBe(4);
    expect(last?.data.message.embeds).toBeUndefined();

    const cleared = await app.call<Message>('PATCH', path, { as: owner, body: { flags: 0 } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.flags).toBeUndefined();
    await worker.process({ id, channelId });
    expect((await get(id)).embeds).toHaveLength(1);

    // A moderator (MANAGE_MESSAGES) may suppress another's embeds.
    const moderator = await app.createUser('moderator');
    const role = await fx.role(guildId, { permissions: PERMISSIONS.MANAGE_MESSAGES });
    await fx.member(guildId, moderator, [role]);
    expect((await app.call('PATCH', path, { as: moderator, body: { flags: 4 } })).status).toBe(200);
    expect((await app.call('PATCH', path, { as: moderator, body: { content: 'mine now' } })).status).toBe(
      403,
    );
  });
});
