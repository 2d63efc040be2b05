import { describe, expect, it, vi } from 'vitest';
import { MemoryTokenStore } from '../auth/token-store';
import { BonfireClient } from '../client';
import { BonfireApiError } from '../errors';
import type { FetchLike } from '../http';

describe('account deletion', () => {
  it('posts the password (and code), then ends the session; a refusal keeps it', async () => {
    const calls: { url: string; body: unknown }[] = [];
    let refuse = true;
    const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
      calls.push({ url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      if (refuse) {
        return new Response(JSON.stringify({ error: { code: 'MFA_CODE_REQUIRED', message: 'code' } }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        });
      }
      return new Response(null, { status: 204 });
    });
    const tokenStore = new MemoryTokenStore();
    await tokenStore.setRefreshToken('r');
    const ended = vi.fn();
    const client = new BonfireClient({
      baseUrl: 'http://gw.test',
      fetch: fetchImpl,
      tokenStore,
      onSessionEnded: ended,
    });
    await client.session.setTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });

    const refused = await client.account.delete({ password: 'pw' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BonfireApiError);
    expect((refused as BonfireApiError).code).toBe('MFA_CODE_REQUIRED');
    expect(client.session.currentAccessToken).toBe('a');
    expect(ended).not.toHaveBeenCalled();

    refuse = false;
    await client.account.delete({ password: 'pw', code: '123456' });
    expect(calls.at(-1)).toEqual({
      url: 'http://gw.test/api/v1/users/@me/delete',
      body: { password: 'pw', code: '123456' },
    });
    expect(client.session.currentAccessToken).toBeNull();
    expect(await tokenStore.getRefreshToken()).toBeNull();
    expect(ended).toHaveBeenCalledWith({ reason: 'ACCOUNT_DELETED' });
    client.close();
  });
});
