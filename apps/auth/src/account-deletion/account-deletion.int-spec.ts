import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthCallOptions,
  type AuthReply,
  AuthTestApp,
  type TestAccount,
  TEST_PASSWORD as PASSWORD,
  totpCode,
} from '../testing/auth-test-app';

let auth: AuthTestApp;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

const call = (method: string, path: string, options?: AuthCallOptions): Promise<AuthReply<Body>> =>
  auth.call<Body>(method, path, options);

const register = (username?: string): Promise<TestAccount> => auth.register('del', { username });

async function outboxTypes(key: string): Promise<string[]> {
  const rows = await auth.db.query(
    `select envelope->>'type' as type from outbox_events where key = $1 order by position`,
    [key],
  );
  return rows.rows.map((row) => row.type);
}

beforeAll(async () => {
  auth = await AuthTestApp.start('deletion', { AUTH_OUTBOX_RELAY_ENABLED: 'false' });
});

afterAll(async () => {
  await auth?.stop();
});

describe('account deletion', () => {
  it('needs the password; then tombstones the user, ends every session and announces user.deleted', async () => {
    const account = await register();
    const second = await call('POST', '/api/v1/auth/login', {
      body: { login: account.username, password: PASSWORD, deviceLabel: 'phone' },
    });
    expect(second.status).toBe(200);

    const wrong = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: 'not the password' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_CURRENT_PASSWORD');
    const missing = await call('POST', '/api/v1/users/@me/delete', { as: account.as, body: {} });
    expect(missing.status).toBe(400);

    const deleted = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: PASSWORD },
    });
    expect(deleted.status).toBe(204);

    const row = (await auth.db.query('select * from users where id = $1', [account.userId])).rows[0];
    expect(row).toMatchObject({
      email: null,
      password_hash: null,
      username: `deleted_user_${account.userId}`,
      display_name: 'Deleted user',
      about: null,
      avatar_file_id: null,
      mfa_enabled: false,
    });
    expect(row.deleted_at).toBeInstanceOf(Date);
    const sessions = await auth.db.query('select * from sessions where user_id = $1', [account.userId]);
    expect(sessions.rows).toHaveLength(2);
    for (const session of sessions.rows) {
      expect(session.revoked_at).toBeInstanceOf(Date);
      expect(session.ip).toBeNull();
      expect(session.device_label).toBeNull();
    }
    const emailTokens = await auth.db.query('select 1 from email_tokens where user_id = $1', [
      account.userId,
    ]);
    expect(emailTokens.rows).toHaveLength(0);
    const mails = await auth.db.query('select 1 from mail_jobs where to_address = $1', [account.email]);
    expect(mails.rows).toHaveLength(0);

    expect(await outboxTypes(account.userId)).toEqual(['user.created', 'user.deleted']);
    const revoked = await auth.db.query(
      `select envelope->'data' as data from outbox_events where envelope->>'type' = 'session.revoked'
        and envelope->'data'->>'userId' = $1`,
      [account.userId],
    );
    expect(revoked.rows.map((r) => r.data.reason)).toEqual(['ACCOUNT_DELETED', 'ACCOUNT_DELETED']);
    expect(revoked.rows.map((r) => r.data.sessionId).sort()).toEqual(sessions.rows.map((s) => s.id).sort());

    // Signed out everywhere, and no way back in.
    const again = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: PASSWORD },
    });
    expect(again.status).toBe(401);
    for (const login of [account.username, account.email, `deleted_user_${account.userId}`]) {
      const attempt = await call('POST', '/api/v1/auth/login', { body: { login, password: PASSWORD } });
      expect(attempt.status).toBe(401);
    }
    const refresh = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(refresh.status).toBe(401);

    // The public profile is the tombstone; the name and the address are free again.
    const profile = await call('GET', `/api/v1/users/${account.userId}`, { as: account.as });
    expect(profile.body).toMatchObject({
      username: `deleted_user_${account.userId}`,
      displayName: 'Deleted user',
    });
    const reborn = await register(account.username);
    expect(reborn.userId).not.toBe(account.userId);
  });

  it('with two-factor on: a code is required, a wrong one refused, a right one deletes', async () => {
    const account = await register();
    const { secret, recoveryCodes } = await auth.enableTwoFactor(account);

    const noCode = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: PASSWORD },
    });
    expect(noCode.status).toBe(403);
    expect(noCode.body.error.code).toBe('MFA_CODE_REQUIRED');
    const wrongCode = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: PASSWORD, code: totpCode(secret, 5) },
    });
    expect(wrongCode.status).toBe(403);
    expect(wrongCode.body.error.code).toBe('INVALID_MFA_CODE');

    const deleted = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: PASSWORD, code: recoveryCodes[0] },
    });
    expect(deleted.status).toBe(204);
    for (const table of ['user_totp', 'mfa_recovery_codes', 'mfa_tickets']) {
      const left = await auth.db.query(`select 1 from ${table} where user_id = $1`, [account.userId]);
      expect(left.rows).toHaveLength(0);
    }
  });

  it('deletes the applications the user owns and revokes their bot tokens', async () => {
    const account = await register();
    const app = await call('POST', '/api/v1/applications', { as: account.as, body: { name: 'Helper' } });
    expect(app.status).toBe(201);
    const deleted = await call('POST', '/api/v1/users/@me/delete', {
      as: account.as,
      body: { password: PASSWORD },
    });
    expect(deleted.status).toBe(204);
    const apps = await auth.db.query('select 1 from applications where owner_id = $1', [account.userId]);
    expect(apps.rows).toHaveLength(0);
    const tokens = await auth.db.query('select 1 from bot_tokens where application_id = $1', [app.body.id]);
    expect(tokens.rows).toHaveLength(0);
  });
});
