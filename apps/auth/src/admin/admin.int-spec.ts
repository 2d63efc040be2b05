import { randomBytes } from 'node:crypto';
import { internalPath } from '@bonfire/contracts';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthCallOptions,
  type AuthReply,
  AuthTestApp,
  type TestAccount,
  TEST_PASSWORD as PASSWORD,
} from '../testing/auth-test-app';

const LISTED_EMAIL = 'Operator@Example.com';

let auth: AuthTestApp;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

const call = (method: string, path: string, options?: AuthCallOptions): Promise<AuthReply<Body>> =>
  auth.call<Body>(method, path, options);

type Account = TestAccount & { id: string };

function attempt(extra: Record<string, unknown> = {}, email?: string) {
  const name = `adm_${randomBytes(4).toString('hex')}`;
  return {
    name,
    reply: call('POST', '/api/v1/auth/register', {
      body: { email: email ?? `${name}@example.com`, username: name, password: PASSWORD, ...extra },
    }),
  };
}

async function register(extra: Record<string, unknown> = {}, email?: string): Promise<Account> {
  const account = await auth.register('adm', { extra, email });
  return { ...account, id: account.userId };
}

async function login(account: Account) {
  return call('POST', '/api/v1/auth/login', { body: { login: account.username, password: PASSWORD } });
}

let root: Account;

beforeAll(async () => {
  auth = await AuthTestApp.start('admin', {
    // Closed from the start: the first account (the operator's) gets in all the same.
    AUTH_REGISTRATION_MODE: 'closed',
    BONFIRE_ADMIN_EMAILS: `someone@example.com, ${LISTED_EMAIL}`,
  });
  root = await register();
  await call('PATCH', '/api/v1/admin/settings', { as: root.as, body: { registrationMode: 'open' } });
});

afterAll(async () => {
  await auth?.stop();
});

describe('instance admins', () => {
  it('the first registered user is the admin, shown to themself only; the next is not', async () => {
    const other = await register();
    const me = await call('GET', '/api/v1/users/@me', { as: root.as });
    expect(me.body.instanceAdmin).toBe(true);
    expect((await call('GET', '/api/v1/users/@me', { as: other.as })).body.instanceAdmin).toBe(false);
    const profile = await call('GET', `/api/v1/users/${root.id}`, { as: other.as });
    expect(profile.status).toBe(200);
    expect(profile.body).not.toHaveProperty('instanceAdmin');

    for (const [method, path] of [
      ['GET', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/settings'],
      ['GET', '/api/v1/admin/stats'],
      ['GET', '/api/v1/admin/invites'],
      ['POST', `/api/v1/admin/users/${root.id}/unsuspend`],
    ] as const) {
      const refused = await call(method, path, { as: other.as });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.code).toBe('INSTANCE_ADMIN_REQUIRED');
    }
  });

  it('BONFIRE_ADMIN_EMAILS makes an admin once the address is verified (any case)', async () => {
    const listed = await register({}, LISTED_EMAIL.toLowerCase());
    expect((await call('GET', '/api/v1/users/@me', { as: listed.as })).body.instanceAdmin).toBe(false);
    expect((await call('GET', '/api/v1/admin/stats', { as: listed.as })).status).toBe(403);
    await auth.db.query('update users set email_verified = true where id = $1', [listed.id]);
    expect((await call('GET', '/api/v1/users/@me', { as: listed.as })).body.instanceAdmin).toBe(true);
    expect((await call('GET', '/api/v1/admin/stats', { as: listed.as })).status).toBe(200);
    expect((await login(listed)).body.user.instanceAdmin).toBe(true);
  });
});

describe('registration modes', () => {
  it('closed refuses; invite_only wants a live invite, counted atomically; GET /instance tells the mode', async () => {
    const setMode = (registrationMode: string) =>
      call('PATCH', '/api/v1/admin/settings', { as: root.as, body: { registrationMode } });
    expect((await setMode('closed')).body).toEqual({
      registrationMode: 'closed',
      registrationModeFromConfig: false,
    });
    expect((await call('GET', '/api/v1/instance')).body).toEqual({ registrationMode: 'closed' });
    const closed = await attempt().reply;
    expect(closed.status).toBe(403);
    expect(closed.body.error.code).toBe('REGISTRATION_CLOSED');

    await setMode('invite_only');
    expect((await call('GET', '/api/v1/instance')).body).toEqual({ registrationMode: 'invite_only' });
    const without = await attempt().reply;
    expect(without.body.error.code).toBe('INSTANCE_INVITE_REQUIRED');
    const bad = await attempt({ inviteCode: 'no-such-code' }).reply;
    expect(bad.body.error.code).toBe('INSTANCE_INVITE_INVALID');

    const invite = await call('POST', '/api/v1/admin/invites', { as: root.as, body: { maxUses: 2 } });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ maxUses: 2, uses: 0, expiresAt: null, createdBy: root.id });
    // Four at once for two uses: exactly two get in.
    const tries = await Promise.all(
      Array.from({ length: 4 }, () => attempt({ inviteCode: invite.body.code }).reply),
    );
    expect(tries.map((reply) => reply.status).sort()).toEqual([201, 201, 403, 403]);
    const listed = await call('GET', '/api/v1/admin/invites', { as: root.as });
    expect(listed.body.find((row: Body) => row.code === invite.body.code).uses).toBe(2);

    // An expired invite is refused; a deleted one is gone.
    const expiring = await call('POST', '/api/v1/admin/invites', {
      as: root.as,
      body: { maxAgeSeconds: 60 },
    });
    await auth.db.query(
      `update instance_invites set expires_at = now() - interval '1 second' where code = $1`,
      [expiring.body.code],
    );
    expect((await attempt({ inviteCode: expiring.body.code }).reply).body.error.code).toBe(
      'INSTANCE_INVITE_INVALID',
    );
    const fresh = await call('POST', '/api/v1/admin/invites', { as: root.as, body: {} });
    expect((await call('DELETE', `/api/v1/admin/invites/${fresh.body.code}`, { as: root.as })).status).toBe(
      204,
    );
    expect((await call('DELETE', `/api/v1/admin/invites/${fresh.body.code}`, { as: root.as })).status).toBe(
      404,
    );
    expect((await attempt({ inviteCode: fresh.body.code }).reply).status).toBe(403);

    await setMode('open');
    expect((await attempt().reply).status).toBe(201);
  });
});

describe('suspension', () => {
  it('ends every session, refuses login, refresh and the bot token; unsuspending lets them back', async () => {
    const user = await register();
    const second = (await login(user)).body;
    const app = await call('POST', '/api/v1/applications', { as: user.as, body: { name: 'Helper' } });
    const { token } = (
      await call('POST', `/api/v1/applications/${app.body.id}/bot/reset-token`, { as: user.as })
    ).body;
    const verify = () => call('POST', internalPath('botTokens', 'verify'), { as: root.as, body: { token } });
    expect((await verify()).status).toBe(200);

    const suspended = await call('POST', `/api/v1/admin/users/${user.id}/suspend`, {
      as: root.as,
      body: { reason: 'spam' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ id: user.id, suspended: true, suspensionReason: 'spam' });

    const live = await auth.db.query(
      'select count(*)::int as n from sessions where user_id = $1 and revoked_at is null',
      [user.id],
    );
    expect(live.rows[0].n).toBe(0);
    const events = await auth.db.query<{ data: { sessionId: string; reason: string } }>(
      `select envelope->'data' as data from outbox_events where envelope->>'type' = 'session.revoked'
         and envelope->'data'->>'reason' = 'ACCOUNT_SUSPENDED'
         and envelope->'data'->>'userId' in ($1, $2)`,
      [user.id, app.body.id],
    );
    expect(events.rows.map((row) => row.data.sessionId).sort()).toEqual(
      [user.as.sessionId, decodeJwt(second.accessToken).sid, token.split('.')[0]].sort(),
    );

    const refusedLogin = await login(user);
    expect(refusedLogin.status).toBe(403);
    expect(refusedLogin.body.error.code).toBe('ACCOUNT_SUSPENDED');
    const refusedRefresh = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.refreshToken },
    });
    expect(refusedRefresh.status).toBe(401);
    expect(refusedRefresh.body.error.code).toBe('ACCOUNT_SUSPENDED');
    expect((await verify()).status).toBe(401);

    // Admins (the caller included) cannot be suspended; bots and unknown ids are not users here.
    const self = await call('POST', `/api/v1/admin/users/${root.id}/suspend`, {
      as: root.as,
      body: { reason: 'oops' },
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('CANNOT_SUSPEND_ADMIN');
    const bot = await call('POST', `/api/v1/admin/users/${app.body.id}/suspend`, {
      as: root.as,
      body: { reason: 'x' },
    });
    expect(bot.status).toBe(404);

    const lifted = await call('POST', `/api/v1/admin/users/${user.id}/unsuspend`, { as: root.as });
    expect(lifted.body).toMatchObject({ suspended: false, suspendedAt: null, suspensionReason: null });
    expect((await login(user)).status).toBe(200);
    expect((await verify()).status).toBe(200);
  });
});

describe('two-factor reset, user search, statistics', () => {
  it('turns off a lost two-factor and ends the sessions; 409 when it is off', async () => {
    const user = await register();
    await auth.enableTwoFactor(user);
    expect((await login(user)).body.mfaRequired).toBe(true);

    const reset = await call('POST', `/api/v1/admin/users/${user.id}/reset-two-factor`, { as: root.as });
    expect(reset.status).toBe(200);
    expect(reset.body.twoFactorEnabled).toBe(false);
    const live = await auth.db.query(
      'select count(*)::int as n from sessions where user_id = $1 and revoked_at is null',
      [user.id],
    );
    expect(live.rows[0].n).toBe(0);
    expect((await login(user)).body.accessToken).toBeTypeOf('string');
    const again = await call('POST', `/api/v1/admin/users/${user.id}/reset-two-factor`, { as: root.as });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MFA_NOT_ENABLED');
  });

  it('searches by username or email, newest first, page by page', async () => {
    const tag = randomBytes(3).toString('hex');
    const made: Account[] = [];
    for (let index = 0; index < 3; index += 1)
      made.push(await register({}, `find_${tag}_${index}@example.com`));
    const first = await call('GET', `/api/v1/admin/users?query=FIND_${tag}&limit=2`, { as: root.as });
    expect(first.status).toBe(200);
    expect(first.body.users.map((row: Body) => row.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(first.body.users[0]).toMatchObject({
      email: `find_${tag}_2@example.com`,
      suspended: false,
      twoFactorEnabled: false,
      emailVerified: false,
      instanceAdmin: false,
    });
    const next = await call(
      'GET',
      `/api/v1/admin/users?query=find_${tag}&limit=2&cursor=${first.body.nextCursor}`,
      {
        as: root.as,
      },
    );
    expect(next.body).toEqual({ users: [expect.objectContaining({ id: made[0]!.id })], nextCursor: null });
    const byName = await call('GET', `/api/v1/admin/users?query=${made[1]!.username}`, { as: root.as });
    expect(byName.body.users.map((row: Body) => row.id)).toEqual([made[1]!.id]);
    // LIKE's wildcards are literal.
    expect((await call('GET', '/api/v1/admin/users?query=%25', { as: root.as })).body.users).toEqual([]);
  });

  it('counts people, recent registrations, suspensions and live sessions', async () => {
    const before = (await call('GET', '/api/v1/admin/stats', { as: root.as })).body;
    const user = await register();
    await call('POST', `/api/v1/admin/users/${user.id}/suspend`, { as: root.as, body: { reason: 'r' } });
    const after = (await call('GET', '/api/v1/admin/stats', { as: root.as })).body;
    expect(after.users).toBe(before.users + 1);
    expect(after.registeredLast7Days).toBe(before.registeredLast7Days + 1);
    expect(after.suspended).toBe(before.suspended + 1);
    // The new user's session opened and was revoked by the suspension.
    expect(after.activeSessions).toBe(before.activeSessions);
    const rows = await auth.db.query(`select count(*)::int as n from users where not bot`);
    expect(after.users).toBe(rows.rows[0].n);
  });
});
