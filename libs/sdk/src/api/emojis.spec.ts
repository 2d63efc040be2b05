import { describe, expect, it, vi } from 'vitest';
import { MemoryTokenStore } from '../auth/token-store';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';
import { EmojisApi } from './emojis';

describe('client.emojis', () => {
  it('calls the emoji routes, and reactions take a custom emoji as name:id', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
      calls.push({
        method: init?.method ?? 'GET',
        url,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const answer = url.endsWith('/auth/login')
        ? { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { id: '1', username: 'alice' } }
        : { id: '7', name: 'blob', animated: false };
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
    await client.emojis.list('3');
    await client.emojis.create('3', { name: 'blob', fileId: '7' });
    await client.emojis.rename('3', '7', 'blob2');
    await client.reactions.add('5', '9', { name: 'blob', id: '7' });
    await client.reactions.remove('5', '9', 'blob:7');
    expect(calls).toEqual([
      { method: 'GET', url: 'http://gw.test/api/v1/guilds/3/emojis', body: undefined },
      { method: 'POST', url: 'http://gw.test/api/v1/guilds/3/emojis', body: { name: 'blob', fileId: '7' } },
      { method: 'PATCH', url: 'http://gw.test/api/v1/guilds/3/emojis/7', body: { name: 'blob2' } },
      {
        method: 'PUT',
        url: 'http://gw.test/api/v1/channels/5/messages/9/reactions/blob%3A7/@me',
        body: undefined,
      },
      {
        method: 'DELETE',
        url: 'http://gw.test/api/v1/channels/5/messages/9/reactions/blob%3A7/@me',
        body: undefined,
      },
    ]);
    expect(client.emojis.imageUrl('7')).toBe('http://gw.test/api/v1/files/7');
    expect(client.emojis.imageUrl('7', { still: true })).toBe('http://gw.test/api/v1/files/7?size=small');
    expect(EmojisApi.markup({ name: 'blob', id: '7', animated: true })).toBe('<a:blob:7>');
    expect(EmojisApi.reactionKey({ name: 'blob', id: '7' })).toBe('blob:7');
    client.close();
  });
});
