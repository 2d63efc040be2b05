import { describe, expect, it } from 'vitest';
import { RoutingTable } from './routing-table';

const table = new RoutingTable(
  {
    routes: [
      { prefix: '/api/v1/auth', service: 'auth' },
      { prefix: '/api/v1/users', service: 'auth' },
      { prefix: '/api/v1/users/@me/avatar', service: 'file' },
    ],
    public: ['POST /api/v1/auth/login', 'GET /api/v1/invites/:code'],
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

  it('attaches matching rate limits', () => {
    expect(table.resolve('POST', '/api/v1/auth/login')?.limits.map((l) => l.name)).toEqual(['login']);
    expect(table.resolve('POST', '/api/v1/auth/register')?.limits).toEqual([]);
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
