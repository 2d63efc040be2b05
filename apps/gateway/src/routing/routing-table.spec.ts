import { describe, expect, it } from 'vitest';
import { RoutingTable } from './routing-table';

const table = new RoutingTable(
  {
    routes: [
      { prefix: '/api/v1/auth', service: 'auth' },
      { prefix: '/api/v1/users', service: 'auth' },
      { prefix: '/api/v1/users/@me/avatar', service: 'file' },
      { prefix: '/storage', service: 'file', maxBodyBytes: 26_214_400 },
    ],
    public: ['POST /api/v1/auth/login', 'GET /api/v1/invites/:code', 'PUT /storage/*'],
    rateLimits: [{ name: 'login', match: 'POST /api/v1/auth/login', by: 'ip', limit: 5, windowSeconds: 60 }],
  },
  (service) => ({ auth: 'http://127.0.0.1:8081', file: 'http://127.0.0.1:8084' })[service],
);

describe('RoutingTable', () => {
  it('routes by longest prefix, on segment boundaries only', () => {
    expect(table.resolve('GET', '/api/v1/users/@me')?.service).toBe('auth');
    expect(table.resolve('POST', '/api/v1/users/@me/avatar')?.service).toBe('file');
    expect(table.resolve('GET', '/api/v1/authentic')).toBeUndefined();
    expect(table.resolve('GET', '/api/v2/auth/login')).toBeUndefined();
  });

  it('marks only allow-listed method and path pairs public', () => {
    expect(table.resolve('POST', '/api/v1/auth/login')?.isPublic).toBe(true);
    expect(table.resolve('GET', '/api/v1/auth/login')?.isPublic).toBe(false);
    expect(table.resolve('POST', '/api/v1/auth/logout')?.isPublic).toBe(false);
  });

  it("carries a route's own body limit", () => {
    expect(table.resolve('PUT', '/storage/files/1/original')).toMatchObject({
      service: 'file',
      isPublic: true,
      maxBodyBytes: 26_214_400,
    });
    expect(table.resolve('GET', '/api/v1/users/@me')?.maxBodyBytes).toBeUndefined();
  });

  it('matches in any letter case and with a trailing slash, as the services route', () => {
    for (const path of ['/api/v1/auth/Login', '/API/V1/AUTH/LOGIN', '/api/v1/auth/login/']) {
      const route = table.resolve('POST', path);
      expect(route?.service, path).toBe('auth');
      expect(route?.isPublic, path).toBe(true);
      expect(
        route?.limits.map((l) => l.name),
        path,
      ).toEqual(['login']);
    }
    expect(table.resolve('POST', '/API/v1/users/@ME/avatar')?.service).toBe('file');
  });

  it('attaches matching rate limits', () => {
    expect(table.resolve('POST', '/api/v1/auth/login')?.limits.map((l) => l.name)).toEqual(['login']);
    expect(table.resolve('POST', '/api/v1/auth/register')?.limits).toEqual([]);
  });

  it('counts a limit `by: "id"` per value of the path\'s :id segment', () => {
    const hooks = new RoutingTable(
      {
        routes: [{ prefix: '/api/v1/webhooks', service: 'chat' }],
        public: ['POST /api/v1/webhooks/:id/:token'],
        rateLimits: [
          { name: 'hook', match: 'POST /api/v1/webhooks/:id/:token', by: 'id', limit: 5, windowSeconds: 2 },
        ],
      },
      () => 'http://127.0.0.1:8082',
    );
    expect(hooks.resolve('POST', '/api/v1/webhooks/42/secret')).toMatchObject({
      isPublic: true,
      limits: [{ name: 'hook', by: 'id', id: '42' }],
    });
    expect(hooks.resolve('DELETE', '/api/v1/webhooks/42')).toMatchObject({ isPublic: false, limits: [] });
  });

  it('refuses a table that names a service without a URL', () => {
    expect(
      () =>
        new RoutingTable(
          { routes: [{ prefix: '/x', service: 'chat' }], public: [], rateLimits: [] },
          () => undefined,
        ),
    ).toThrow(/CHAT_URL/);
  });
});

describe('RoutingTable with :param prefixes', () => {
  const urls = (service: string) =>
    ({ chat: 'http://127.0.0.1:8082', file: 'http://127.0.0.1:8084' })[service];
  const params = new RoutingTable(
    {
      routes: [
        { prefix: '/api/v1/channels', service: 'chat' },
        { prefix: '/api/v1/channels/:id/attachments', service: 'file' },
        { prefix: '/api/v1/guilds', service: 'chat' },
        { prefix: '/api/v1/guilds/:id/icon', service: 'file' },
        { prefix: '/api/v1/guilds/@me/icon', service: 'chat' },
      ],
      public: [],
      rateLimits: [],
    },
    urls,
  );

  it('matches a :param segment as any one segment, and beats the shorter literal prefix', () => {
    expect(params.resolve('POST', '/api/v1/channels/123/attachments')?.service).toBe('file');
    expect(params.resolve('POST', '/api/v1/channels/123/attachments/x')?.service).toBe('file');
    expect(params.resolve('POST', '/api/v1/guilds/42/icon')?.service).toBe('file');
    expect(params.resolve('POST', '/api/v1/channels/123/attachments')?.prefix).toBe(
      '/api/v1/channels/:id/attachments',
    );
  });

  it('leaves other paths to the literal prefix, on segment boundaries only', () => {
    expect(params.resolve('POST', '/api/v1/channels/123/messages')?.service).toBe('chat');
    expect(params.resolve('GET', '/api/v1/channels/123')?.service).toBe('chat');
    expect(params.resolve('GET', '/api/v1/channels/123/attachmentsx')?.service).toBe('chat');
    expect(params.resolve('GET', '/api/v1/channels//attachments')?.service).toBe('chat');
    expect(params.resolve('GET', '/api/v1/guilds/42/icons')?.service).toBe('chat');
  });

  it('prefers literal segments over parameters at the same depth', () => {
    expect(params.resolve('POST', '/api/v1/guilds/@me/icon')?.service).toBe('chat');
  });
});
