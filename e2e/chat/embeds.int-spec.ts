import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Channel,
  type Embed,
  type EventData,
  type Guild,
  type Invite,
  type Message,
  PERMISSIONS,
} from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import {
  openRealtime,
  RealtimeTestClient,
  registerPerson,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/** Bytes of a page chat reads at most in this stack (the rest is never read). */
const MAX_PAGE_BYTES = 64 * 1024;

/**
 * Link embeds through the gateway (auth, chat, file and the gateway as processes): a local test site
 * serves OpenGraph pages; chat's unfurler and the file service's image proxy may reach exactly that site
 * (EMBED_FETCH_ALLOW_CIDRS=127.0.0.1:<its port>) — not the platform's own services on other loopback
 * ports, nor private addresses a redirect points at.
 */
describe('link embeds through the gateway', () => {
  let stack: Stack;
  let site: Server;
  let base: string;
  let owner: TestPerson;
  let member: TestPerson;
  let guild: Guild;
  let text: Channel;
  let socket: RealtimeTestClient;
  let cover: Buffer;

  /** Retries until chat's users projection knows the caller (registration reaches chat through events). */
  async function created<T>(request: () => Promise<{ status: number; body: unknown }>): Promise<T> {
    let body: T | undefined;
    await until(async () => {
      const reply = await request();
      if (reply.status === 201 || reply.status === 200) body = reply.body as T;
      return body !== undefined;
    }, 30_000);
    return body!;
  }

  /** The latest message.updated the member's socket received for a message. */
  function updated(messageId: string): Message | undefined {
    return socket
      .of('message.updated')
      .map((dispatch) => (dispatch.data as EventData<'message.updated'>).message)
      .filter((message) => message.id === messageId)
      .at(-1);
  }

  async function embedsOf(messageId: string, timeoutMs = 20_000): Promise<Embed[]> {
    let message: Message | undefined;
    await eventually(() => {
      message = updated(messageId);
      expect(message?.embeds?.length ?? 0).toBeGreaterThan(0);
    }, timeoutMs);
    return message!.embeds!;
  }

  async function send(who: TestPerson, channelId: string, content: string): Promise<Message> {
    const reply = await who.api.post<Message>(`/api/v1/channels/${channelId}/messages`, { content });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }

  beforeAll(async () => {
    cover = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#e25822' } })
      .png()
      .toBuffer();
    const page = (head: string, body = '') =>
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
    site = createServer((request, response) => {
      const html = (body: string) => {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(body);
      };
      switch (new URL(request.url ?? '/', 'http://site').pathname) {
        case '/article':
          return html(
            page(
              '<title>plain</title><meta property="og:title" content="Campfire stories">' +
                '<meta property="og:description" content="Tales told at night">' +
                '<meta property="og:site_name" content="Test Site"><meta property="og:image" content="/cover.png">' +
                '<meta name="theme-color" content="#e25822">',
            ),
          );
        case '/cover.png':
          response.setHeader('content-type', 'image/png');
          return response.end(cover);
        case '/to-private':
          // A redirect to a private address and to a platform service on loopback (another port).
          response.writeHead(302, { location: 'http://10.0.0.1/' });
          return response.end();
        case '/to-gateway':
          response.writeHead(302, { location: `${stack.gateway.url}/health/live` });
          return response.end();
        case '/huge-head-first':
          // Its head comes first: the card is read from what arrives before the cut.
          return html(
            page('<meta property="og:title" content="Huge but early">', 'x'.repeat(4 * MAX_PAGE_BYTES)),
          );
        case '/huge-meta-late':
          // Its only metadata comes after the cut: never read, so no embed.
          return html(
            `<html><!--${'x'.repeat(2 * MAX_PAGE_BYTES)}--><head><title>Too late</title></head></html>`,
          );
        default:
          response.statusCode = 404;
          return response.end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;
    base = `http://127.0.0.1:${sitePort}`;
    const allow = { EMBED_FETCH_ALLOW_CIDRS: `127.0.0.1:${sitePort}` };
    stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-embeds-${Date.now()}` },
      serviceEnv: {
        chat: { ...allow, CHAT_EMBEDS_MAX_PAGE_BYTES: String(MAX_PAGE_BYTES) },
        file: { ...allow, FILE_CONSUMER_GROUP: `file.chat-events.e2e-embeds-${Date.now()}` },
      },
    });
    [owner, member] = [await registerPerson(stack.gateway.url), await registerPerson(stack.gateway.url)];
    guild = await created<Guild>(() => owner.api.post('/api/v1/guilds', { name: 'Embeds' }));
    const channels = await owner.api.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    text = channels.body.find((channel) => channel.type === 'text')!;
    const invite = await owner.api.post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await created(() => member.api.post(`/api/v1/invites/${invite.body.code}`));
    socket = await openRealtime(stack.gateway.url, member.token, (s) => new RealtimeTestClient(s));
  }, 180_000);

  afterAll(async () => {
    socket?.close();
    await stack?.stop();
    site?.closeAllConnections();
    await new Promise((closed) => site?.close(closed));
  });

  it('an OpenGraph page becomes an embed, delivered by message.updated, its image proxied through Bonfire', async () => {
    const sent = await send(member, text.id, `look: ${base}/article`);
    expect(sent.embeds).toBeUndefined();
    const [embed] = await embedsOf(sent.id);
    expect(embed).toEqual({
      url: `${base}/article`,
      type: 'link',
      title: 'Campfire stories',
      description: 'Tales told at night',
      siteName: 'Test Site',
      color: 0xe25822,
      thumbnail: { fileId: expect.any(String), url: `${base}/cover.png`, width: 1200, height: 630 },
      video: null,
    });
    // History shows the same embeds.
    const fetched = await owner.api.get<Message>(`/api/v1/channels/${text.id}/messages/${sent.id}`);
    expect(fetched.body.embeds).toEqual([embed]);

    // The image comes from Bonfire (a thumbnail of the proxied copy), never from the remote host.
    const redirect = await fetch(
      `${stack.gateway.url}/api/v1/attachments/${embed!.thumbnail!.fileId}?size=small`,
      {
        redirect: 'manual',
        headers: { authorization: `Bearer ${owner.token}` },
      },
    );
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    expect(location).not.toContain(base);
    const image = await fetch(location);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([metadata.width, metadata.height]).toEqual([256, 134]);
  });

  it('refuses redirects to private addresses and the platform’s own services; cuts oversize pages off', async () => {
    const sent = await send(
      member,
      text.id,
      [
        `${base}/to-private`,
        `${base}/to-gateway`,
        `${stack.gateway.url}/health/live`,
        `${base}/huge-meta-late`,
        `${base}/huge-head-first`,
      ].join(' '),
    );
    const embeds = await embedsOf(sent.id);
    // Only the oversize page whose head came before the cut unfurls; the rest are refused or empty.
    expect(embeds.map((embed) => [embed.url, embed.title])).toEqual([
      [`${base}/huge-head-first`, 'Huge but early'],
    ]);
  });

  it('makes no embeds for a member without EMBED_LINKS in the channel', async () => {
    const quiet = await owner.api.request('PUT', `/api/v1/channels/${text.id}/permissions/${member.id}`, {
      type: 'member',
      deny: String(PERMISSIONS.EMBED_LINKS),
    });
    expect(quiet.status).toBe(204);
    try {
      const denied = await send(member, text.id, `${base}/article?denied`);
      // The owner's message after it is unfurled: by then the member's has long been decided.
      const allowed = await send(owner, text.id, `${base}/article?allowed`);
      await embedsOf(allowed.id);
      await new Promise((wait) => setTimeout(wait, 1_000));
      expect(updated(denied.id)).toBeUndefined();
      const fetched = await member.api.get<Message>(`/api/v1/channels/${text.id}/messages/${denied.id}`);
      expect(fetched.body.embeds).toBeUndefined();
    } finally {
      await owner.api.delete(`/api/v1/channels/${text.id}/permissions/${member.id}`);
    }
  });

  it('the author suppresses the embeds; another member may not', async () => {
    const sent = await send(member, text.id, `again ${base}/article`);
    await embedsOf(sent.id);
    const path = `/api/v1/channels/${text.id}/messages/${sent.id}`;
    const other = await registerPerson(stack.gateway.url);
    const invite = await owner.api.post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await created(() => other.api.post(`/api/v1/invites/${invite.body.code}`));
    expect((await other.api.patch(path, { flags: 4 })).status).toBe(403);

    const suppressed = await member.api.patch<Message>(path, { flags: 4 });
    expect(suppressed.status).toBe(200);
    expect(suppressed.body).toMatchObject({ flags: 4 });
    expect(suppressed.body.embeds).toBeUndefined();
    await eventually(() => {
      const live = updated(sent.id);
      expect(live?.flags).toBe(4);
      expect(live?.embeds).toBeUndefined();
    });
    // The owner (MANAGE_MESSAGES) may let them be made again.
    expect((await owner.api.patch(path, { flags: 0 })).status).toBe(200);
    await eventually(() => expect(updated(sent.id)?.embeds).toHaveLength(1), 20_000);
  });
});
