import { describe, expect, it, vi } from 'vitest';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('client.relationships', () => {
  it('calls the relationship and privacy routes with their bodies', async () => {
    const calls: string[] = [];
    const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
      const method = init?.method ?? 'GET';
      calls.push(
        `${method} ${new URL(url).pathname} ${typeof init?.body === 'string' ? init.body : ''}`.trim(),
      );
      if (method === 'DELETE') return json(204, undefined);
      if (new URL(url).pathname.endsWith('/privacy'))
        return json(200, { dmsFrom: 'friends', friendRequestsFrom: 'everyone' });
      return json(200, method === 'GET' ? [] : { id: '2', type: 'outgoing' });
    });
    const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl });
    await client.session.setTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    await client.relationships.list();
    await client.relationships.sendRequest('bob');
    await client.relationships.addFriend('2');
    await client.relationships.accept('3');
    await client.relationships.block('4');
    await client.relationships.remove('4');
    expect(await client.relationships.updatePrivacy({ dmsFrom: 'friends' })).toEqual({
      dmsFrom: 'friends',
      friendRequestsFrom: 'everyone',
    });
    await client.relationships.privacy();
    expect(calls).toEqual([
      'GET /api/v1/users/@me/relationships',
      'POST /api/v1/users/@me/relationships {"username":"bob"}',
      'PUT /api/v1/users/@me/relationships/2 {}',
      'PUT /api/v1/users/@me/relationships/3 {}',
      'PUT /api/v1/users/@me/relationships/4 {"type":"blocked"}',
      'DELETE /api/v1/users/@me/relationships/4',
      'PATCH /api/v1/users/@me/privacy {"dmsFrom":"friends"}',
      'GET /api/v1/users/@me/privacy',
    ]);
  });
});
