import { describe, expect, it, vi } from 'vitest';
import { MemoryTokenStore } from '../auth/token-store';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';
import { isMfaChallenge } from './mfa';

const session = { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: { id: '1', username: 'alice' } };
const challenge = { mfaRequired: true, ticket: 't', expiresIn: 300, methods: ['totp', 'recovery'] };

function clientWith(answers: Record<string, unknown>) {
  const calls: { method: string; url: string; body: unknown; auth: string | null }[] = [];
  const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: headers.get('authorization'),
    });
    const answer = answers[`${method} ${new URL(url).pathname}`];
    return answer === undefined
      ? new Response(null, { status: 204 })
      : new Response(JSON.stringify(answer), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
  });
  const tokenStore = new MemoryTokenStore();
  const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl, tokenStore });
  return { client, calls, tokenStore };
}

describe('two-factor login', () => {
  it('answers the challenge without starting a session, then completeMfaLogin signs in', async () => {
    const { client, calls } = clientWith({
      'POST /api/v1/auth/login': challenge,
      'POST /api/v1/auth/login/mfa': session,
    });
    const first = await client.auth.login({ login: 'alice', password: 'pw' });
    expect(isMfaChallenge(first)).toBe(true);
    expect(client.session.currentAccessToken).toBeNull();
    if (!isMfaChallenge(first)) throw new Error('expected a challenge');
    const done = await client.auth.completeMfaLogin(first.ticket, '123456');
    expect(done.user.id).toBe('1');
    expect(client.session.currentAccessToken).toBe('a');
    expect(calls.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: 'http://gw.test/api/v1/auth/login', body: { login: 'alice', password: 'pw' } },
      { method: 'POST', url: 'http://gw.test/api/v1/auth/login/mfa', body: { ticket: 't', code: '123456' } },
    ]);
    client.close();
  });

  it('a login without two-factor is a session at once', async () => {
    const { client } = clientWith({ 'POST /api/v1/auth/login': session });
    const result = await client.auth.login({ login: 'alice', password: 'pw' });
    expect(isMfaChallenge(result)).toBe(false);
    expect(client.session.currentAccessToken).toBe('a');
    client.close();
  });
});

describe('client.mfa', () => {
  it('calls the enrolment, confirmation, recovery-code and disable routes', async () => {
    const { client, calls } = clientWith({
      'POST /api/v1/auth/login': session,
      'POST /api/v1/users/@me/mfa/totp': { secret: 'S', otpauthUri: 'otpauth://totp/x', qrCodeSvg: '<svg/>' },
      'POST /api/v1/users/@me/mfa/totp/confirm': { recoveryCodes: ['a'] },
      'POST /api/v1/users/@me/mfa/recovery-codes': { recoveryCodes: ['b'] },
      'GET /api/v1/users/@me/mfa': { enabled: true, pending: false, recoveryCodesLeft: 10 },
    });
    await client.auth.login({ login: 'alice', password: 'pw' });
    calls.length = 0;
    expect((await client.mfa.enrolTotp('pw')).secret).toBe('S');
    expect((await client.mfa.confirmTotp('123456')).recoveryCodes).toEqual(['a']);
    expect((await client.mfa.regenerateRecoveryCodes('654321')).recoveryCodes).toEqual(['b']);
    expect((await client.mfa.status()).enabled).toBe(true);
    await client.mfa.disableTotp('abcde-fghjk');
    expect(calls.map(({ method, url, body, auth }) => [method, new URL(url).pathname, body, auth])).toEqual([
      ['POST', '/api/v1/users/@me/mfa/totp', { password: 'pw' }, 'Bearer a'],
      ['POST', '/api/v1/users/@me/mfa/totp/confirm', { code: '123456' }, 'Bearer a'],
      ['POST', '/api/v1/users/@me/mfa/recovery-codes', { code: '654321' }, 'Bearer a'],
      ['GET', '/api/v1/users/@me/mfa', undefined, 'Bearer a'],
      ['DELETE', '/api/v1/users/@me/mfa/totp', { code: 'abcde-fghjk' }, 'Bearer a'],
    ]);
    client.close();
  });
});
