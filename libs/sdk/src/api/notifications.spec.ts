import { describe, expect, it, vi } from 'vitest';
import { MemoryTokenStore } from '../auth/token-store';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';

describe('client.notifications', () => {
  it('calls the settings and push subscription routes', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
      calls.push({
        method: init?.method ?? 'GET',
        url,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const answer = url.endsWith('/auth/login')
        ? { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { id: '1', username: 'alice' } }
        : url.endsWith('/vapid-public-key')
          ? { publicKey: 'BKey' }
          : {};
      const status = init?.method === 'DELETE' ? 204 : 200;
      return new Response(status === 204 ? null : JSON.stringify(answer), {
        status,
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
    await client.notifications.guildSettings('5');
    await client.notifications.updateGuildSettings('5', { level: 'all', muted: true, muteSeconds: 3600 });
    await client.notifications.setChannelOverride('7', { level: 'nothing' });
    await client.notifications.clearChannelOverride('7');
    expect(await client.notifications.vapidPublicKey()).toBe('BKey');
    const keys = { p256dh: 'p', auth: 'a' };
    await client.notifications.subscribePush({ endpoint: 'https://push.test/1', keys });
    await client.notifications.unsubscribePush('https://push.test/1');
    const me = 'http://gw.test/api/v1/users/@me';
    expect(calls).toEqual([
      { method: 'GET', url: `${me}/guilds/5/notification-settings`, body: undefined },
      {
        method: 'PATCH',
        url: `${me}/guilds/5/notification-settings`,
        body: { level: 'all', muted: true, muteSeconds: 3600 },
      },
      { method: 'PUT', url: `${me}/channels/7/notification-settings`, body: { level: 'nothing' } },
      { method: 'DELETE', url: `${me}/channels/7/notification-settings`, body: undefined },
      { method: 'GET', url: 'http://gw.test/api/v1/push/vapid-public-key', body: undefined },
      { method: 'POST', url: `${me}/push-subscriptions`, body: { endpoint: 'https://push.test/1', keys } },
      { method: 'DELETE', url: `${me}/push-subscriptions`, body: { endpoint: 'https://push.test/1' } },
    ]);
    client.close();
  });
});
