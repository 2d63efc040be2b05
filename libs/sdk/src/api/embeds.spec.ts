import { describe, expect, it, vi } from 'vitest';
import { MemoryTokenStore } from '../auth/token-store';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';

describe('messages.suppressEmbeds', () => {
  it('PATCHes the message flags: SUPPRESS_EMBEDS (4), or 0 to allow embeds again', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
      calls.push({
        method: init?.method ?? 'GET',
        url,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const answer = url.endsWith('/auth/login')
        ? { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { id: '1', username: 'alice' } }
        : { id: '9', flags: 4 };
      return new Response(JSON.stringify(answer), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = new BonfireClient({
      baseUrl: 'http://gw.test',
      fetch: fetchImpl,
      tokenStore: new MemoryTokenStore(),
    });
    await client.auth.login({ login: 'alice', password: 'pw' });
    calls.length = 0;
    await client.messages.suppressEmbeds('5', '9');
    await client.messages.suppressEmbeds('5', '9', false);
    expect(calls).toEqual([
      { method: 'PATCH', url: 'http://gw.test/api/v1/channels/5/messages/9', body: { flags: 4 } },
      { method: 'PATCH', url: 'http://gw.test/api/v1/channels/5/messages/9', body: { flags: 0 } },
    ]);
    client.close();
  });
});
