import { describe, expect, it, vi } from 'vitest';
import { MemoryTokenStore } from './auth/token-store';
import { BonfireClient } from './client';
import type { FetchLike } from './http';

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const tokens = (n: number) => ({ accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn: 900 });
const user = {
  id: '1',
  username: 'alice',
  displayName: null,
  avatarFileId: null,
  about: null,
  createdAt: '',
  email: 'a@x.y',
};

/** A fake gateway: records each request and answers from a route table. */
function gateway(routes: Record<string, (body: unknown) => Response>) {
  const calls: { method: string; url: string; body: unknown; auth: string | undefined }[] = [];
  const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body, auth: (init?.headers as Record<string, string>)['authorization'] });
    const path = new URL(url).pathname;
    const route = routes[`${method} ${path}`];
    return route ? route(body) : json(404, { error: { code: 'NOT_FOUND', message: `${method} ${path}` } });
  });
  return { fetchImpl, calls };
}

describe('BonfireClient', () => {
  it('login keeps the tokens; requests carry the access token; logout revokes and ends the session', async () => {
    const { fetchImpl, calls } = gateway({
      'POST /api/v1/auth/login': () => json(200, { ...tokens(1), user }),
      'GET /api/v1/users/@me': () => json(200, user),
      'POST /api/v1/auth/logout': () => json(204, undefined),
    });
    const store = new MemoryTokenStore();
    const ended = vi.fn();
    const client = new BonfireClient({
      baseUrl: 'http://gw.test',
      fetch: fetchImpl,
      tokenStore: store,
      onSessionEnded: ended,
    });

    await client.auth.login({ login: 'alice', password: 'pw' });
    expect(store.getRefreshToken()).toBe('r1');
    expect(calls[0]).toMatchObject({ auth: undefined, body: { login: 'alice', password: 'pw' } });
    await client.users.me();
    expect(calls[1]!.auth).toBe('Bearer a1');

    const disconnect = vi.spyOn(client.realtime, 'disconnect');
    await client.auth.logout();
    expect(calls[2]).toMatchObject({ method: 'POST', auth: 'Bearer a1' });
    expect(ended).toHaveBeenCalledWith({ reason: 'LOGGED_OUT' });
    expect(disconnect).toHaveBeenCalled();
    expect(store.getRefreshToken()).toBeNull();
    client.close();
  });

  it('restore() exchanges a stored refresh token; without one it answers false', async () => {
    const { fetchImpl, calls } = gateway({ 'POST /api/v1/auth/refresh': () => json(200, tokens(2)) });
    const store = new MemoryTokenStore('r1');
    const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl, tokenStore: store });

    expect(await client.auth.restore()).toBe(true);
    expect(calls[0]!.body).toEqual({ refreshToken: 'r1' });
    expect(store.getRefreshToken()).toBe('r2');
    expect(client.session.currentAccessToken).toBe('a2');
    client.close();

    const empty = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl });
    expect(await empty.auth.restore()).toBe(false);
    empty.close();
  });

  it('builds the routes: nonce on send, history paging, search filters, presence ids, escaped emoji', async () => {
    const { fetchImpl, calls } = gateway({
      'POST /api/v1/auth/login': () => json(200, { ...tokens(1), user }),
      'POST /api/v1/channels/5/messages': (body) => json(201, body),
      'GET /api/v1/channels/5/messages': () => json(200, []),
      'GET /api/v1/guilds/7/messages/search': () =>
        json(200, { total: 0, offset: 0, limit: 25, messages: [] }),
      'GET /api/v1/presences': () => json(200, []),
      'PUT /api/v1/channels/5/messages/9/reactions/%F0%9F%94%A5/@me': () => json(204, undefined),
    });
    const client = new BonfireClient({ baseUrl: 'http://gw.test/', fetch: fetchImpl });
    await client.auth.login({ login: 'alice', password: 'pw' });

    const sent = (await client.messages.send('5', { content: 'hi' })) as unknown as { nonce: string };
    expect(sent.nonce).toMatch(/^.{8,64}$/);
    await client.messages.send('5', { content: 'hi', nonce: 'mine' });
    expect(calls.at(-1)!.body).toEqual({ content: 'hi', nonce: 'mine' });
    await client.messages.history('5', { before: '100', limit: 50 });
    expect(calls.at(-1)!.url).toBe('http://gw.test/api/v1/channels/5/messages?before=100&limit=50');
    await client.search.guild('7', {
      q: 'from:bob hello',
      has: ['file', 'image'],
      authorId: ['1', '2'],
      pinned: false,
    });
    expect(new URL(calls.at(-1)!.url).searchParams.toString()).toBe(
      'q=from%3Abob+hello&authorId=1%2C2&has=file%2Cimage&pinned=false',
    );
    await client.presence.get(['1', '2', '3']);
    expect(calls.at(-1)!.url).toBe('http://gw.test/api/v1/presences?userIds=1%2C2%2C3');
    await client.reactions.add('5', '9', '🔥');
    expect(calls.at(-1)!.method).toBe('PUT');
    client.close();
  });

  it('reads the audit log with its filters as query parameters', async () => {
    const page = { entries: [], users: [] };
    const { fetchImpl, calls } = gateway({
      'POST /api/v1/auth/login': () => json(200, { ...tokens(1), user }),
      'GET /api/v1/guilds/7/audit-log': () => json(200, page),
    });
    const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl });
    await client.auth.login({ login: 'alice', password: 'pw' });
    expect(await client.guilds.auditLog('7')).toEqual(page);
    expect(calls.at(-1)!.url).toBe('http://gw.test/api/v1/guilds/7/audit-log');
    await client.guilds.auditLog('7', { userId: '3', actionType: 'MEMBER_KICK', before: '99', limit: 10 });
    expect(calls.at(-1)).toMatchObject({
      method: 'GET',
      url: 'http://gw.test/api/v1/guilds/7/audit-log?user_id=3&action_type=MEMBER_KICK&before=99&limit=10',
      auth: 'Bearer a1',
    });
    client.close();
  });

  it('threads: typed routes on the channel paths', async () => {
    const thread = { id: '20', type: 'public_thread', parentId: '5', thread: { archived: false } };
    const list = { threads: [thread], hasMore: false };
    const { fetchImpl, calls } = gateway({
      'POST /api/v1/auth/login': () => json(200, { ...tokens(1), user }),
      'POST /api/v1/channels/5/threads': () => json(201, thread),
      'POST /api/v1/channels/5/messages/9/threads': () => json(201, thread),
      'PATCH /api/v1/channels/20': () => json(200, thread),
      'DELETE /api/v1/channels/20': () => json(204, undefined),
      'PUT /api/v1/channels/20/thread-members/@me': () => json(204, undefined),
      'DELETE /api/v1/channels/20/thread-members/@me': () => json(204, undefined),
      'PUT /api/v1/channels/20/thread-members/3': () => json(204, undefined),
      'DELETE /api/v1/channels/20/thread-members/3': () => json(204, undefined),
      'GET /api/v1/channels/20/thread-members': () =>
        json(200, [{ threadId: '20', userId: '1', joinedAt: '' }]),
      'GET /api/v1/channels/5/threads/active': () => json(200, list),
      'GET /api/v1/channels/5/threads/archived': () => json(200, list),
    });
    const client = new BonfireClient({
      baseUrl: 'http://gw.test',
      fetch: fetchImpl,
      tokenStore: new MemoryTokenStore(),
    });
    await client.auth.login({ login: 'alice', password: 'pw' });

    expect(await client.threads.create('5', { name: 'talk', type: 'private', invitable: false })).toEqual(
      thread,
    );
    expect(calls.at(-1)!.body).toEqual({ name: 'talk', type: 'private', invitable: false });
    await client.threads.createFromMessage('5', '9', { name: 'reply', autoArchiveMinutes: 60 });
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      url: 'http://gw.test/api/v1/channels/5/messages/9/threads',
    });
    await client.threads.update('20', { archived: true });
    expect(calls.at(-1)).toMatchObject({ method: 'PATCH', body: { archived: true } });
    await client.threads.join('20');
    await client.threads.leave('20');
    await client.threads.addMember('20', '3');
    await client.threads.removeMember('20', '3');
    expect(calls.slice(-4).map((call) => `${call.method} ${call.url}`)).toEqual([
      'PUT http://gw.test/api/v1/channels/20/thread-members/@me',
      'DELETE http://gw.test/api/v1/channels/20/thread-members/@me',
      'PUT http://gw.test/api/v1/channels/20/thread-members/3',
      'DELETE http://gw.test/api/v1/channels/20/thread-members/3',
    ]);
    expect(await client.threads.members('20')).toHaveLength(1);
    expect(await client.threads.active('5')).toEqual(list);
    await client.threads.archived('5', { before: '2026-01-01T00:00:00.000Z', limit: 10 });
    expect(calls.at(-1)!.url).toBe(
      'http://gw.test/api/v1/channels/5/threads/archived?before=2026-01-01T00%3A00%3A00.000Z&limit=10',
    );
    await client.threads.delete('20');
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: 'http://gw.test/api/v1/channels/20' });
    client.close();
  });

  it('webhooks: managed with the access token, executed without one', async () => {
    const hook = {
      id: '42',
      guildId: '7',
      channelId: '5',
      name: 'CI',
      avatar: null,
      creatorId: '1',
      createdAt: '',
    };
    const { fetchImpl, calls } = gateway({
      'POST /api/v1/auth/login': () => json(200, { ...tokens(1), user }),
      'POST /api/v1/channels/5/webhooks': () =>
        json(201, { ...hook, token: 'sec ret', url: '/api/v1/webhooks/42/sec%20ret' }),
      'GET /api/v1/channels/5/webhooks': () => json(200, [hook]),
      'GET /api/v1/guilds/7/webhooks': () => json(200, [hook]),
      'DELETE /api/v1/webhooks/42': () => json(204, undefined),
      'POST /api/v1/webhooks/42/sec%20ret': () => json(201, { id: '9', webhookId: '42' }),
    });
    const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl });

    // Executing needs no session at all.
    const posted = await client.webhooks.execute(
      '42',
      'sec ret',
      { content: 'hi', username: 'Nightly' },
      { wait: true },
    );
    expect(posted).toEqual({ id: '9', webhookId: '42' });
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      url: 'http://gw.test/api/v1/webhooks/42/sec%20ret?wait=true',
      body: { content: 'hi', username: 'Nightly' },
      auth: undefined,
    });
    await client.webhooks.execute('42', 'sec ret', { content: 'quiet' });
    expect(calls.at(-1)!.url).toBe('http://gw.test/api/v1/webhooks/42/sec%20ret');

    await client.auth.login({ login: 'alice', password: 'pw' });
    const created = await client.webhooks.create('5', { name: 'CI' });
    expect(created.token).toBe('sec ret');
    expect(calls.at(-1)).toMatchObject({ body: { name: 'CI' }, auth: 'Bearer a1' });
    expect(await client.webhooks.list('5')).toEqual([hook]);
    expect(await client.webhooks.listForGuild('7')).toEqual([hook]);
    await client.webhooks.delete('42');
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: 'http://gw.test/api/v1/webhooks/42' });
    client.close();
  });

  it('bot mode: REST carries `Bot <token>` with no login; the handshake presents it with the intents', async () => {
    const { fetchImpl, calls } = gateway({
      'GET /api/v1/users/@me': () => json(200, { ...user, email: null, bot: true }),
      'POST /api/v1/channels/7/messages': () => json(201, { id: '9' }),
    });
    const handshakes: unknown[] = [];
    const client = new BonfireClient({
      baseUrl: 'http://gw.test',
      fetch: fetchImpl,
      botToken: '11.secret',
      intents: ['GUILDS', 'MESSAGE_CONTENT'],
      realtimeSocketFactory: (_url, options) => {
        options.auth((auth) => handshakes.push(auth));
        return {
          on: () => undefined,
          off: () => undefined,
          connect: () => undefined,
          disconnect: () => undefined,
          removeAllListeners: () => undefined,
        } as never;
      },
    });
    await client.users.me();
    await client.messages.send('7', { content: 'hi' });
    expect(calls.map((call) => call.auth)).toEqual(['Bot 11.secret', 'Bot 11.secret']);
    void client.realtime.connect().catch(() => undefined);
    await vi.waitFor(() => expect(handshakes).toHaveLength(1));
    expect(handshakes[0]).toEqual({
      token: 'Bot 11.secret',
      batch: true,
      protocol: 2,
      intents: ['GUILDS', 'MESSAGE_CONTENT'],
    });
    client.close();
  });

  it('applications and the authorise link: typed routes', async () => {
    const app = { id: '5', name: 'Pinger' };
    const { fetchImpl, calls } = gateway({
      'POST /api/v1/applications': () => json(201, app),
      'GET /api/v1/applications': () => json(200, [app]),
      'POST /api/v1/applications/5/bot/reset-token': () => json(200, { token: '1.x' }),
      'GET /api/v1/oauth2/authorize': () => json(200, { application: app }),
      'POST /api/v1/oauth2/authorize': () => json(200, { added: true }),
      'DELETE /api/v1/applications/5': () => json(204, undefined),
    });
    const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl });
    await client.session.setTokens(tokens(1));
    expect(await client.applications.create({ name: 'Pinger' })).toEqual(app);
    expect(await client.applications.list()).toEqual([app]);
    expect(await client.applications.resetBotToken('5')).toEqual({ token: '1.x' });
    await client.applications.authorizeInfo({ clientId: '5', permissions: '2048', guildId: '3' });
    expect(calls.at(-1)!.url).toBe(
      'http://gw.test/api/v1/oauth2/authorize?client_id=5&permissions=2048&guild_id=3',
    );
    await client.applications.authorize({ clientId: '5', guildId: '3', permissions: '2048' });
    expect(calls.at(-1)).toMatchObject({ body: { clientId: '5', guildId: '3', permissions: '2048' } });
    await client.applications.delete('5');
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', auth: 'Bearer a1' });
    client.close();
  });
});
