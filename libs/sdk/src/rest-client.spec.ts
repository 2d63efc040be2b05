import { describe, expect, it, vi } from 'vitest';
import { AuthSession } from './auth/auth-session';
import { MemoryTokenStore } from './auth/token-store';
import { HttpClient, type FetchLike } from './http';
import { RestClient } from './rest-client';

async function setup(answer: () => Response) {
  const fetchImpl = vi.fn<FetchLike>(async () => answer());
  const session = new AuthSession({
    store: new MemoryTokenStore(),
    exchange: vi.fn(),
    proactiveRefresh: false,
  });
  await session.setTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  return { rest: new RestClient(new HttpClient('http://gw.test', fetchImpl, session)), fetchImpl };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

describe('RestClient', () => {
  it('fills the path parameters, each escaped as one segment, and sends the query and body', async () => {
    const { rest, fetchImpl } = await setup(() => json([]));

    await rest.get('/api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}', {
      params: { channelId: '1', messageId: '2', emoji: 'party:3/x' },
      query: { limit: 5 },
    });
    await rest.patch('/api/v1/guilds/{guildId}', { params: { guildId: '9' }, body: { name: 'Campfire' } });

    const [[firstUrl], [secondUrl, secondInit]] = fetchImpl.mock.calls as [[string], [string, RequestInit]];
    expect(firstUrl).toBe('http://gw.test/api/v1/channels/1/messages/2/reactions/party%3A3%2Fx?limit=5');
    expect(secondUrl).toBe('http://gw.test/api/v1/guilds/9');
    expect(secondInit.method).toBe('PATCH');
    expect(secondInit.body).toBe('{"name":"Campfire"}');
  });

  it('answers nothing for 204 and leaves the token off a public route', async () => {
    const { rest, fetchImpl } = await setup(() => new Response(null, { status: 204 }));

    expect(
      await rest.post('/api/v1/auth/verify-email', { body: { token: 't' }, auth: false }),
    ).toBeUndefined();
    const [, init] = fetchImpl.mock.calls[0]!;
    expect((init?.headers as Record<string, string>)['authorization']).toBeUndefined();
  });

  it('refuses a path whose parameter is missing before sending anything', () => {
    expect(() => RestClient.fill('/api/v1/guilds/{guildId}/bans/{userId}', { guildId: '1' })).toThrow(
      'Missing path parameter userId',
    );
  });
});
