import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthCallOptions,
  type AuthReply,
  AuthTestApp,
  randomIp,
  type TestAccount,
  TEST_PASSWORD as PASSWORD,
} from '../testing/auth-test-app';
import { base32Decode, hotp, totpStep } from './totp';

const PAIR_ALLOWANCE = 3;
const TICKET_TTL_SECONDS = 3;

let app: AuthTestApp;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

const call = (method: string, path: string, options?: AuthCallOptions): Promise<AuthReply<Body>> =>
  app.call<Body>(method, path, options);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Account = TestAccount & { secret?: Buffer; recoveryCodes?: string[] };

const register = (): Promise<Account> => app.register('mfa');

/** The code of the step `offset` steps from now (0: current). */
function code(secret: Buffer, offset = 0): string {
  return hotp(secret, totpStep(Date.now()) + offset);
}

async function enable(account: Account): Promise<Account & { secret: Buffer; recoveryCodes: string[] }> {
  return { ...account, ...(await app.enableTwoFactor(account)) };
}

async function login(account: Account, ip?: string): Promise<AuthReply<Body>> {
  return call('POST', '/api/v1/auth/login', { body: { login: account.username, password: PASSWORD }, ip });
}

beforeAll(async () => {
  app = await AuthTestApp.start('mfa', {
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: String(PAIR_ALLOWANCE),
    LOGIN_BACKOFF_BASE_SECONDS: '1',
    LOGIN_BACKOFF_MAX_SECONDS: '60',
    LOGIN_FAILURE_WINDOW_SECONDS: '60',
    AUTH_MFA_TICKET_TTL_SECONDS: String(TICKET_TTL_SECONDS),
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('two-factor: enrolment', () => {
  it('needs the password, stays pending until a code confirms it, then shows ten recovery codes once', async () => {
    const account = await register();
    const wrongPassword = await call('POST', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { password: 'not the password' },
    });
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body.error.code).toBe('INVALID_CURRENT_PASSWORD');

    const enrol = await call('POST', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { password: PASSWORD },
    });
    expect(enrol.status).toBe(200);
    expect(enrol.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrol.body.otpauthUri);
    expect(uri.searchParams.get('secret')).toBe(enrol.body.secret);
    expect(uri.searchParams.get('issuer')).toBe('Bonfire');
    expect(enrol.body.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    // Stored encrypted: neither the base32 nor the raw bytes are in the row.
    const stored = await app.db.query('select secret_encrypted from user_totp where user_id = $1', [
      account.userId,
    ]);
    const secret = base32Decode(enrol.body.secret);
    expect(stored.rows[0].secret_encrypted).toMatch(/^v1\./);
    expect(stored.rows[0].secret_encrypted).not.toContain(enrol.body.secret);
    expect(stored.rows[0].secret_encrypted).not.toContain(secret.toString('base64url'));

    const pending = await call('GET', '/api/v1/users/@me/mfa', { as: account.as });
    expect(pending.body).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });
    expect((await login(account)).body.accessToken).toBeDefined(); // not on until confirmed

    const wrong = await call('POST', '/api/v1/users/@me/mfa/totp/confirm', {
      as: account.as,
      body: { code: code(secret, 5) },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');

    const confirmed = await call('POST', '/api/v1/users/@me/mfa/totp/confirm', {
      as: account.as,
      body: { code: code(secret) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    for (const recovery of confirmed.body.recoveryCodes)
      expect(recovery).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await app.db.query('select code_hash from mfa_recovery_codes where user_id = $1', [
      account.userId,
    ]);
    expect(hashes.rows).toHaveLength(10);
    for (const row of hashes.rows) expect(confirmed.body.recoveryCodes).not.toContain(row.code_hash);

    const me = await call('GET', '/api/v1/users/@me', { as: account.as });
    expect(me.body.mfaEnabled).toBe(true);
    const status = await call('GET', '/api/v1/users/@me/mfa', { as: account.as });
    expect(status.body).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });

    const again = await call('POST', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { password: PASSWORD },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MFA_ALREADY_ENABLED');
  });

  it('refuses to confirm before an enrolment was started', async () => {
    const account = await register();
    const reply = await call('POST', '/api/v1/users/@me/mfa/totp/confirm', {
      as: account.as,
      body: { code: '123456' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('MFA_ENROLMENT_NOT_STARTED');
  });
});

describe('two-factor: login', () => {
  it('answers a ticket and no tokens, then the ticket and a TOTP code give the session; the code works once', async () => {
    const account = await enable(await register());
    const first = await login(account);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      mfaRequired: true,
      ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresIn: TICKET_TTL_SECONDS,
      methods: ['totp', 'recovery'],
    });
    expect(first.body.accessToken).toBeUndefined();

    const totpCode = code(account.secret, 1);
    const done = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: first.body.ticket, code: totpCode },
    });
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ id: account.userId, mfaEnabled: true });
    expect(done.body.refreshToken).toBeDefined();
    expect(decodeJwt(done.body.accessToken).sub).toBe(account.userId);

    // The ticket is spent…
    const reused = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: first.body.ticket, code: totpCode },
    });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_MFA_TICKET');
    // …and the same code with a new ticket is a replay.
    const second = await login(account);
    const replay = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: second.body.ticket, code: totpCode },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('INVALID_MFA_CODE');
    // An older step than the one used is refused too.
    const older = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: second.body.ticket, code: code(account.secret, 0) },
    });
    expect(older.status).toBe(401);

    // Refresh tokens are unaffected: the session was created after the second factor.
    const refreshed = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: done.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
  });

  it('accepts each recovery code once', async () => {
    const account = await enable(await register());
    const [recovery] = account.recoveryCodes;
    const first = await login(account);
    const done = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: first.body.ticket, code: recovery!.toUpperCase() },
    });
    expect(done.status).toBe(200);
    const second = await login(account);
    const again = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: second.body.ticket, code: recovery },
    });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('INVALID_MFA_CODE');
    const status = await call('GET', '/api/v1/users/@me/mfa', { as: account.as });
    expect(status.body.recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes as failed logins: the address backs off, password step included', async () => {
    const account = await enable(await register());
    const ip = randomIp();
    const challenge = await login(account, ip);
    for (let attempt = 0; attempt < PAIR_ALLOWANCE; attempt++) {
      const wrong = await call('POST', '/api/v1/auth/login/mfa', {
        body: { ticket: challenge.body.ticket, code: '000000' },
        ip,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');
    }
    const blocked = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: challenge.body.ticket, code: code(account.secret) },
      ip,
    });
    expect(blocked.status).toBe(429);
    expect((await login(account, ip)).status).toBe(429);
    // A right password does not clear the count while the code step is unfinished.
    const elsewhere = await login(account);
    expect(elsewhere.body.mfaRequired).toBe(true);
    const stillBlocked = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: elsewhere.body.ticket, code: '000000' },
      ip,
    });
    expect(stillBlocked.status).toBe(429);
  });

  it('spends a ticket after five wrong codes', async () => {
    const account = await enable(await register());
    const challenge = await login(account);
    for (let attempt = 0; attempt < 5; attempt++) {
      // A fresh address each time: the per-address back-off is not what this checks.
      const wrong = await call('POST', '/api/v1/auth/login/mfa', {
        body: { ticket: challenge.body.ticket, code: '000000' },
      });
      expect(wrong.status).toBe(401);
    }
    const right = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: challenge.body.ticket, code: code(account.secret) },
    });
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe('INVALID_MFA_TICKET');
  });

  it('refuses an expired ticket and an unknown one', async () => {
    const account = await enable(await register());
    const challenge = await login(account);
    await sleep(TICKET_TTL_SECONDS * 1000 + 200);
    const expired = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: challenge.body.ticket, code: code(account.secret, 1) },
    });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('INVALID_MFA_TICKET');
    const unknown = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: randomBytes(32).toString('base64url'), code: '123456' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('INVALID_MFA_TICKET');
  });
});

describe('two-factor: recovery codes and turning it off', () => {
  it('regenerates the recovery codes with a code (the old ones stop working)', async () => {
    const account = await enable(await register());
    const refused = await call('POST', '/api/v1/users/@me/mfa/recovery-codes', {
      as: account.as,
      body: { code: '000000' },
    });
    expect(refused.status).toBe(403);
    const regenerated = await call('POST', '/api/v1/users/@me/mfa/recovery-codes', {
      as: account.as,
      body: { code: code(account.secret, 1) },
    });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    const challenge = await login(account);
    const old = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: challenge.body.ticket, code: account.recoveryCodes[0] },
    });
    expect(old.status).toBe(401);
    const fresh = await call('POST', '/api/v1/auth/login/mfa', {
      body: { ticket: challenge.body.ticket, code: regenerated.body.recoveryCodes[0] },
    });
    expect(fresh.status).toBe(200);
  });

  it('turns off only with a valid code; then login answers tokens again', async () => {
    const account = await enable(await register());
    const noCode = await call('DELETE', '/api/v1/users/@me/mfa/totp', { as: account.as, body: {} });
    expect(noCode.status).toBe(400);
    const wrong = await call('DELETE', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { code: 'aaaaa-bbbbb' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_MFA_CODE');
    const off = await call('DELETE', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { code: account.recoveryCodes[3] },
    });
    expect(off.status).toBe(204);
    const me = await call('GET', '/api/v1/users/@me', { as: account.as });
    expect(me.body.mfaEnabled).toBe(false);
    const rows = await app.db.query(
      'select (select count(*) from user_totp where user_id = $1) + (select count(*) from mfa_recovery_codes where user_id = $1) as n',
      [account.userId],
    );
    expect(Number(rows.rows[0].n)).toBe(0);
    expect((await login(account)).body.accessToken).toBeDefined();
    const again = await call('DELETE', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { code: '123456' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MFA_NOT_ENABLED');
  });
});
