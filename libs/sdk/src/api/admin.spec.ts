import { describe, expect, it, vi } from 'vitest';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';

function clientWith(answers: Record<string, unknown>) {
  const calls: { method: string; url: string; body: unknown; auth: string | null }[] = [];
  const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
    const method = init?.method ?? 'GET';
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: new Headers(init?.headers).get('authorization'),
    });
    const answer = answers[`${method} ${new URL(url).pathname}`];
    return answer === undefined
      ? new Response(null, { status: 204 })
      : new Response(JSON.stringify(answer), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
  });
  return { client: new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl }), calls };
}

describe('instance administration', () => {
  it('reads the registration mode without a session', async () => {
    const { client, calls } = clientWith({ 'GET /api/v1/instance': { registrationMode: 'invite_only' } });
    expect(await client.instance.info()).toEqual({ registrationMode: 'invite_only' });
    expect(calls[0]).toMatchObject({ method: 'GET', url: 'http://gw.test/api/v1/instance', auth: null });
  });

  it('calls the admin routes with their bodies and query', async () => {
    const { client, calls } = clientWith({});
    await client.session.setTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    await client.admin.users({ query: 'ali', cursor: '42' });
    await client.admin.suspend('7', 'spam');
    await client.admin.unsuspend('7');
    await client.admin.resetTwoFactor('7');
    await client.admin.updateSettings({ registrationMode: 'closed' });
    await client.admin.createInvite({ maxUses: 3 });
    await client.admin.deleteInvite('a/b');
    expect(calls.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'GET', url: 'http://gw.test/api/v1/admin/users?query=ali&cursor=42', body: undefined },
      { method: 'POST', url: 'http://gw.test/api/v1/admin/users/7/suspend', body: { reason: 'spam' } },
      { method: 'POST', url: 'http://gw.test/api/v1/admin/users/7/unsuspend', body: undefined },
      { method: 'POST', url: 'http://gw.test/api/v1/admin/users/7/reset-two-factor', body: undefined },
      { method: 'PATCH', url: 'http://gw.test/api/v1/admin/settings', body: { registrationMode: 'closed' } },
      { method: 'POST', url: 'http://gw.test/api/v1/admin/invites', body: { maxUses: 3 } },
      { method: 'DELETE', url: 'http://gw.test/api/v1/admin/invites/a%2Fb', body: undefined },
    ]);
    expect(calls.every((call) => call.auth === 'Bearer a')).toBe(true);
  });
});
