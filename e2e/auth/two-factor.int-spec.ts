import { BonfireClient, isMfaChallenge, MemoryTokenStore } from '@bonfire/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { e2eShape, Stack } from '../support/stack';
import { previousStepCode, totpCode } from '../support/totp';

interface Challenge {
  mfaRequired: true;
  ticket: string;
  expiresIn: number;
  methods: string[];
}

type Answer = AuthResult & Challenge & ErrorResponseBody & { user: { mfaEnabled: boolean } };

const TICKET_TTL_SECONDS = 3;
const PAIR_ALLOWANCE = 3;

/**
 * Two-factor authentication through the gateway (issue 21 item 3): TOTP enrolment with the code computed
 * here from the secret the server showed, login's second step with a ticket, codes used once, recovery
 * codes, and turning it off.
 */
describe(`two-factor authentication (${e2eShape} shape)`, () => {
  let stack: Stack;
  let api: Api;

  beforeAll(async () => {
    // The failed-login counters live in Redis under fixed keys, and every request through a local gateway
    // comes from 127.0.0.1: this file's deliberate failures go to a Redis database of their own, so they
    // do not count against other tests' limits on that address.
    const redis = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    redis.pathname = '/9';
    stack = await Stack.start({
      services: ['auth', 'gateway'],
      serviceEnv: {
        auth: {
          AUTH_MFA_TICKET_TTL_SECONDS: String(TICKET_TTL_SECONDS),
          LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: String(PAIR_ALLOWANCE),
          ...(e2eShape === 'distributed' ? { REDIS_URL: redis.toString() } : {}),
        },
      },
    });
    api = new Api(stack.gateway.url);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function withTwoFactor() {
    const user = await registerUser(api);
    const as = api.withToken(user.accessToken);
    const enrol = await as.post<{ secret: string; otpauthUri: string; qrCodeSvg: string }>(
      '/api/v1/users/@me/mfa/totp',
      { password: user.password },
    );
    expect(enrol.status).toBe(200);
    const confirmed = await as.post<{ recoveryCodes: string[] }>('/api/v1/users/@me/mfa/totp/confirm', {
      code: await previousStepCode(enrol.body.secret),
    });
    expect(confirmed.status).toBe(200);
    return { ...user, as, secret: enrol.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  const login = (user: { user: { username: string }; password: string }) =>
    api.post<Answer>('/api/v1/auth/login', { login: user.user.username, password: user.password });
  const second = (ticket: string, code: string) =>
    api.post<Answer>('/api/v1/auth/login/mfa', { ticket, code });

  it('enrols with the password and a code from the app; login then asks for the second factor', async () => {
    const user = await registerUser(api);
    const as = api.withToken(user.accessToken);
    const wrongPassword = await as.post<ErrorResponseBody>('/api/v1/users/@me/mfa/totp', {
      password: 'nope',
    });
    expect(wrongPassword.status).toBe(403);

    const enrol = await as.post<{ secret: string; otpauthUri: string; qrCodeSvg: string }>(
      '/api/v1/users/@me/mfa/totp',
      { password: user.password },
    );
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toContain(`secret=${enrol.body.secret}`);
    expect(enrol.body.qrCodeSvg).toContain('<svg');
    // Pending: login is unchanged until a code confirms the enrolment.
    expect((await login(user)).body.accessToken).toEqual(expect.any(String));

    const wrong = await as.post<ErrorResponseBody>('/api/v1/users/@me/mfa/totp/confirm', { code: '000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');
    const confirmed = await as.post<{ recoveryCodes: string[] }>('/api/v1/users/@me/mfa/totp/confirm', {
      code: totpCode(enrol.body.secret),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await as.get<{ mfaEnabled: boolean }>('/api/v1/users/@me')).body.mfaEnabled).toBe(true);

    const challenge = await login(user);
    expect(challenge.status).toBe(200);
    expect(challenge.body).toEqual({
      mfaRequired: true,
      ticket: expect.any(String),
      expiresIn: TICKET_TTL_SECONDS,
      methods: ['totp', 'recovery'],
    });

    // A TOTP code is accepted once; the ticket too.
    const code = totpCode(enrol.body.secret, 1);
    const done = await second(challenge.body.ticket, code);
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ id: user.user.id, mfaEnabled: true });
    const me = await api.withToken(done.body.accessToken).get<{ id: string }>('/api/v1/users/@me');
    expect(me.body.id).toBe(user.user.id);
    const reusedTicket = await second(challenge.body.ticket, code);
    expect(reusedTicket.status).toBe(401);
    expect(reusedTicket.body.error.code).toBe('INVALID_MFA_TICKET');
    const replay = await second((await login(user)).body.ticket, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('INVALID_MFA_CODE');

    // The session made after the second factor refreshes like any other.
    const refreshed = await api.post<AuthResult>('/api/v1/auth/refresh', {
      refreshToken: done.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
  });

  it('accepts a recovery code once', async () => {
    const user = await withTwoFactor();
    const recovery = user.recoveryCodes[0]!;
    const done = await second((await login(user)).body.ticket, recovery);
    expect(done.status).toBe(200);
    const again = await second((await login(user)).body.ticket, recovery);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('INVALID_MFA_CODE');
    expect(
      (await user.as.get<{ recoveryCodesLeft: number }>('/api/v1/users/@me/mfa')).body.recoveryCodesLeft,
    ).toBe(9);
  });

  it('counts wrong codes toward the failed-login limits', async () => {
    const user = await withTwoFactor();
    const challenge = await login(user);
    for (let attempt = 0; attempt < PAIR_ALLOWANCE; attempt++) {
      const wrong = await second(challenge.body.ticket, '000000');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');
    }
    const blocked = await second(challenge.body.ticket, totpCode(user.secret));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(user)).status).toBe(429); // the password step from here too
  });

  it('refuses an expired ticket', async () => {
    const user = await withTwoFactor();
    const challenge = await login(user);
    await new Promise((resolve) => setTimeout(resolve, TICKET_TTL_SECONDS * 1000 + 300));
    const late = await second(challenge.body.ticket, user.recoveryCodes[1]!);
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('INVALID_MFA_TICKET');
  });

  it('through the SDK: login answers the challenge, completeMfaLogin signs in; disabling needs a code', async () => {
    const user = await withTwoFactor();
    const client = new BonfireClient({ baseUrl: stack.gateway.url, tokenStore: new MemoryTokenStore() });
    try {
      const first = await client.auth.login({ login: user.user.username, password: user.password });
      if (!isMfaChallenge(first)) throw new Error('expected the second-factor challenge');
      expect(first.methods).toEqual(['totp', 'recovery']);
      const done = await client.auth.completeMfaLogin(first.ticket, totpCode(user.secret, 1));
      expect(done.user.mfaEnabled).toBe(true);
      expect((await client.mfa.status()).enabled).toBe(true);

      const fresh = await client.mfa.regenerateRecoveryCodes(user.recoveryCodes[2]!);
      expect(fresh.recoveryCodes).toHaveLength(10);
      await expect(client.mfa.disableTotp(user.recoveryCodes[3]!)).rejects.toMatchObject({
        status: 403,
        code: 'INVALID_MFA_CODE',
      }); // the old codes went with the regeneration
      await client.mfa.disableTotp(fresh.recoveryCodes[0]!);
      expect((await client.users.me()).mfaEnabled).toBe(false);
      const plain = await client.auth.login({ login: user.user.username, password: user.password });
      expect(isMfaChallenge(plain)).toBe(false);
    } finally {
      client.close();
    }
  });
});
