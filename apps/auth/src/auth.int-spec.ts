import { randomBytes } from 'node:crypto';
import { type CallerIdentity, CLIENT_ADDRESS_HEADER, signIdentity } from '@bonfire/platform';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthCallOptions,
  type AuthReply,
  AuthTestApp,
  identityOf,
  randomIp,
  TEST_PASSWORD as PASSWORD,
} from './testing/auth-test-app';
import { SigningKeysService } from './tokens/signing-keys.service';

const PAIR_ALLOWANCE = 3;
const MAX_PER_IP = 8;

let auth: AuthTestApp;

/** Calls the service as the gateway would: the client address (a random one) and the identity signed. */
const call = <T = Record<string, unknown>>(
  method: string,
  path: string,
  options?: AuthCallOptions,
): Promise<AuthReply<T>> => auth.call<T>(method, path, options);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

interface AuthBody {
  user: { id: string; email: string; username: string; displayName: string | null };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface ErrorReply {
  error: { code: string; message: string; details?: { field?: string; code: string }[] };
}

async function register(
  overrides: Record<string, unknown> = {},
): Promise<AuthBody & { identity: CallerIdentity }> {
  const account = await auth.register('user', { extra: overrides });
  return { ...(account.body as AuthBody), identity: account.as };
}

async function login(loginName: string, password = PASSWORD, ip?: string) {
  return call<AuthBody & ErrorReply>('POST', '/api/v1/auth/login', {
    body: { login: loginName, password },
    ...(ip ? { ip } : {}),
  });
}

async function jwks(): Promise<JSONWebKeySet> {
  const reply = await call<JSONWebKeySet>('GET', '/.well-known/jwks.json');
  expect(reply.status).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  auth = await AuthTestApp.start('test', {
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: String(PAIR_ALLOWANCE),
    LOGIN_BACKOFF_BASE_SECONDS: '1',
    LOGIN_BACKOFF_MAX_SECONDS: '60',
    LOGIN_MAX_FAILURES_PER_IP: String(MAX_PER_IP),
    LOGIN_FAILURE_WINDOW_SECONDS: '60',
  });
});

afterAll(async () => {
  await auth?.stop();
});

describe('auth service: accounts', () => {
  it('registers, answering the user and a token pair; the access token verifies against the JWKS', async () => {
    const name = unique('Ada_');
    const reply = await call<AuthBody>('POST', '/api/v1/auth/register', {
      body: { email: `${name}@Example.com`, username: name, password: PASSWORD, displayName: 'Ada' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({
      email: `${name}@Example.com`,
      username: name.toLowerCase(),
      displayName: 'Ada',
      avatarFileId: null,
      about: null,
    });
    expect(reply.body.user.id).toMatch(/^\d+$/);
    expect(reply.body.expiresIn).toBe(900);
    expect(reply.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const header = decodeProtectedHeader(reply.body.accessToken);
    expect(header.alg).toBe('EdDSA');
    const keys = await jwks();
    expect(keys.keys.map((key) => key.kid)).toContain(header.kid);
    const { payload } = await jwtVerify(reply.body.accessToken, createLocalJWKSet(keys), {
      issuer: 'bonfire',
      audience: 'bonfire-api',
    });
    expect(payload.sub).toBe(reply.body.user.id);
    expect(payload.sid).toMatch(/^\d+$/);
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it('logs in by email (any case) and by username (any case)', async () => {
    const user = await register();
    const byEmail = await login(user.user.email.toUpperCase());
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.user.id).toBe(user.user.id);
    const byUsername = await login(user.user.username.toUpperCase());
    expect(byUsername.status).toBe(200);
    expect(byUsername.body.refreshToken).not.toBe(byEmail.body.refreshToken);
    expect(identityOf(byUsername.body.accessToken).sessionId).not.toBe(
      identityOf(byEmail.body.accessToken).sessionId,
    );
  });

  it('refuses a taken username or email, ignoring case, with 409', async () => {
    const user = await register();
    const takenUsername = await call<ErrorReply>('POST', '/api/v1/auth/register', {
      body: {
        email: `${unique('x')}@example.com`,
        username: user.user.username.toUpperCase(),
        password: PASSWORD,
      },
    });
    expect(takenUsername.status).toBe(409);
    expect(takenUsername.body.error.code).toBe('USERNAME_TAKEN');
    const takenEmail = await call<ErrorReply>('POST', '/api/v1/auth/register', {
      body: { email: user.user.email.toUpperCase(), username: unique('other_'), password: PASSWORD },
    });
    expect(takenEmail.status).toBe(409);
    expect(takenEmail.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('refuses weak passwords and bad fields with per-field details', async () => {
    const name = unique('weak_');
    const short = await call<ErrorReply>('POST', '/api/v1/auth/register', {
      body: { email: `${name}@example.com`, username: name, password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(short.body.error.details).toEqual([
      expect.objectContaining({ field: 'body.password', code: 'too_small' }),
    ]);

    const sameAsUsername = await call<ErrorReply>('POST', '/api/v1/auth/register', {
      body: { email: `${name}@example.com`, username: name, password: name.toUpperCase() },
    });
    expect(sameAsUsername.status).toBe(400);
    expect(sameAsUsername.body.error.details?.map((detail) => detail.code)).toEqual(['equals_username']);

    const badFields = await call<ErrorReply>('POST', '/api/v1/auth/register', {
      body: { email: 'not-an-email', username: 'a', password: PASSWORD },
    });
    expect(badFields.status).toBe(400);
    expect(badFields.body.error.code).toBe('VALIDATION_FAILED');
    expect(badFields.body.error.details?.map((detail) => detail.field).sort()).toEqual([
      'body.email',
      'body.username',
    ]);

    const badChars = await call<ErrorReply>('POST', '/api/v1/auth/register', {
      body: { email: `${name}@example.com`, username: 'no spaces!', password: PASSWORD },
    });
    expect(badChars.status).toBe(400);
  });

  it('gets and patches the current user; the public profile hides the email', async () => {
    const user = await register();
    const me = await call<AuthBody['user']>('GET', '/api/v1/users/@me', { as: user.identity });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.user.email);

    const patched = await call<Record<string, unknown>>('PATCH', '/api/v1/users/@me', {
      as: user.identity,
      body: { displayName: 'New Name', about: 'hello', avatarFileId: '123456789' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      displayName: 'New Name',
      about: 'hello',
      avatarFileId: '123456789',
    });

    const cleared = await call<Record<string, unknown>>('PATCH', '/api/v1/users/@me', {
      as: user.identity,
      body: { about: null },
    });
    expect(cleared.body).toMatchObject({ displayName: 'New Name', about: null });

    const invalid = await call<ErrorReply>('PATCH', '/api/v1/users/@me', {
      as: user.identity,
      body: { displayName: 'x'.repeat(33), avatarFileId: 'abc' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details?.map((detail) => detail.field).sort()).toEqual([
      'body.avatarFileId',
      'body.displayName',
    ]);

    const other = await register();
    const profile = await call<Record<string, unknown>>('GET', `/api/v1/users/${user.user.id}`, {
      as: other.identity,
    });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      id: user.user.id,
      username: user.user.username,
      displayName: 'New Name',
    });
    expect(profile.body).not.toHaveProperty('email');
    expect(JSON.stringify(profile.body)).not.toContain('@example.com');

    const missing = await call<ErrorReply>('GET', '/api/v1/users/999999999', { as: other.identity });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('writes user.created and user.updated to the outbox, and the relay publishes them', async () => {
    const user = await register();
    await call('PATCH', '/api/v1/users/@me', { as: user.identity, body: { displayName: 'Evented' } });
    const rows = async () =>
      (
        await auth.db.query<{
          type: string;
          topic: string;
          published: boolean;
          data: Record<string, unknown>;
        }>(
          `select envelope->>'type' as type, topic, published_at is not null as published, envelope->'data' as data
             from outbox_events where key = $1 order by position`,
          [user.user.id],
        )
      ).rows;
    expect((await rows()).map((row) => [row.type, row.topic])).toEqual([
      ['user.created', 'auth.users'],
      ['user.updated', 'auth.users'],
    ]);
    const [created, updated] = await rows();
    expect(created?.data).not.toHaveProperty('email');
    expect(updated?.data).toMatchObject({ id: user.user.id, displayName: 'Evented' });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await rows()).every((row) => row.published)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await rows()).every((row) => row.published)).toBe(true);
  });
});

describe('auth service: sessions and refresh tokens', () => {
  it('lists sessions with device, ip and the current flag, and revokes one', async () => {
    const user = await register({ deviceLabel: 'Laptop' });
    const phone = await call<AuthBody>('POST', '/api/v1/auth/login', {
      body: { login: user.user.username, password: PASSWORD, deviceLabel: 'Phone' },
      ip: '203.0.113.9',
    });
    const phoneIdentity = identityOf(phone.body.accessToken);

    const list = await call<
      {
        id: string;
        deviceLabel: string;
        ip: string;
        current: boolean;
        createdAt: string;
        lastUsedAt: string;
      }[]
    >('GET', '/api/v1/auth/sessions', { as: user.identity });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    const phoneSession = list.body.find((session) => session.id === phoneIdentity.sessionId)!;
    expect(phoneSession).toMatchObject({ deviceLabel: 'Phone', ip: '203.0.113.9', current: false });
    expect(new Date(phoneSession.lastUsedAt).getTime()).toBeGreaterThan(0);
    expect(list.body.find((session) => session.id === user.identity.sessionId)).toMatchObject({
      deviceLabel: 'Laptop',
      current: true,
    });

    const revoked = await call('DELETE', `/api/v1/auth/sessions/${phoneIdentity.sessionId}`, {
      as: user.identity,
    });
    expect(revoked.status).toBe(204);
    const refreshed = await call<ErrorReply>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: phone.body.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect(refreshed.body.error.code).toBe('INVALID_REFRESH_TOKEN');
    const after = await call<unknown[]>('GET', '/api/v1/auth/sessions', { as: user.identity });
    expect(after.body).toHaveLength(1);

    const again = await call<ErrorReply>('DELETE', `/api/v1/auth/sessions/${phoneIdentity.sessionId}`, {
      as: user.identity,
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('SESSION_NOT_FOUND');

    // Someone else's session is not found either.
    const stranger = await register();
    const foreign = await call<ErrorReply>('DELETE', `/api/v1/auth/sessions/${user.identity.sessionId}`, {
      as: stranger.identity,
    });
    expect(foreign.status).toBe(404);
  });

  it('rotates refresh tokens and stores only their hashes', async () => {
    const user = await register();
    const first = await call<AuthBody>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    expect(identityOf(first.body.accessToken)).toEqual(user.identity);
    const second = await call<AuthBody>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(second.status).toBe(200);

    const stored = await auth.db.query<{ token_hash: string }>('select token_hash from refresh_tokens');
    const hashes = stored.rows.map((row) => row.token_hash);
    for (const token of [user.refreshToken, first.body.refreshToken, second.body.refreshToken]) {
      expect(hashes).not.toContain(token);
    }
    expect(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);

    const garbage = await call<ErrorReply>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: 'garbage' },
    });
    expect(garbage.status).toBe(401);
    expect(garbage.body.error.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('revokes the whole session when a used refresh token comes back', async () => {
    const user = await register();
    const rotated = await call<AuthBody>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(rotated.status).toBe(200);

    const replay = await call<ErrorReply>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REFRESH_TOKEN_REUSED');

    // The legitimate, never-used token of the same session stops working too.
    const legit = await call<ErrorReply>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(legit.status).toBe(401);
    expect(legit.body.error.code).toBe('INVALID_REFRESH_TOKEN');
    const sessions = await call<ErrorReply>('GET', '/api/v1/auth/sessions', { as: user.identity });
    expect(sessions.status).toBe(401);
    expect(sessions.body.error.code).toBe('SESSION_REVOKED');
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const user = await register();
    const replies = await Promise.all(
      [0, 1].map(() =>
        call<ErrorReply>('POST', '/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 401]);
  });

  it('logs out: the session refresh token stops working', async () => {
    const user = await register();
    const logout = await call('POST', '/api/v1/auth/logout', { as: user.identity });
    expect(logout.status).toBe(204);
    const refreshed = await call<ErrorReply>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect(refreshed.body.error.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await call('POST', '/api/v1/auth/logout', { as: user.identity })).status).toBe(204);
  });

  it('changes the password and revokes every other session', async () => {
    const user = await register();
    const other = await login(user.user.username);
    expect(other.status).toBe(200);

    const wrong = await call<ErrorReply>('POST', '/api/v1/auth/password', {
      as: user.identity,
      body: { currentPassword: 'not the password', newPassword: 'a brand new password' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_CURRENT_PASSWORD');

    const weak = await call<ErrorReply>('POST', '/api/v1/auth/password', {
      as: user.identity,
      body: { currentPassword: PASSWORD, newPassword: user.user.email },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect(weak.body.error.details?.[0]).toMatchObject({ field: 'body.newPassword', code: 'equals_email' });

    const changed = await call('POST', '/api/v1/auth/password', {
      as: user.identity,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(changed.status).toBe(204);

    const otherRefresh = await call<ErrorReply>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: other.body.refreshToken },
    });
    expect(otherRefresh.status).toBe(401);
    const ownRefresh = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(ownRefresh.status).toBe(200);

    expect((await login(user.user.username)).status).toBe(401);
    expect((await login(user.user.username, 'a brand new password')).status).toBe(200);
  });

  it('lists for the gateways the revoked sessions whose access tokens may still be valid', async () => {
    const [loggedOut, longAgo, live] = [await register(), await register(), await register()];
    expect((await call('POST', '/api/v1/auth/logout', { as: loggedOut.identity })).status).toBe(204);
    expect((await call('POST', '/api/v1/auth/logout', { as: longAgo.identity })).status).toBe(204);
    // Revoked longer ago than the access-token lifetime (900 s): its tokens have expired.
    await auth.db.query(`update sessions set revoked_at = now() - interval '901 seconds' where id = $1`, [
      longAgo.identity.sessionId,
    ]);
    const gateway: CallerIdentity = { userId: '0', sessionId: 'gateway:test' };

    expect((await call('GET', '/internal/v1/auth/revoked-sessions')).status).toBe(401);
    const reply = await call<{ sessions: { sessionId: string; expiresAt: string }[] }>(
      'GET',
      '/internal/v1/auth/revoked-sessions',
      { as: gateway },
    );
    expect(reply.status).toBe(200);
    const listed = reply.body.sessions.map((session) => session.sessionId);
    expect(listed).not.toContain(longAgo.identity.sessionId);
    expect(listed).not.toContain(live.identity.sessionId);
    const entry = reply.body.sessions.find((session) => session.sessionId === loggedOut.identity.sessionId);
    expect(entry).toMatchObject({ userId: loggedOut.user.id, reason: 'LOGGED_OUT' });
    const left = Date.parse(entry!.expiresAt) - Date.now();
    expect(left).toBeGreaterThan(890_000);
    expect(left).toBeLessThanOrEqual(900_000);
  });
});

describe('auth service: brute force and enumeration', () => {
  it('answers unknown accounts and wrong passwords alike, spending argon2 time on both', async () => {
    const user = await register();
    const timed = async (loginName: string) => {
      const started = performance.now();
      const reply = await login(loginName, 'wrong password here');
      return { reply, ms: performance.now() - started };
    };
    await timed(unique('warmup_')); // the dummy hash is made on first use
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let round = 0; round < 3; round++) {
      const a = await timed(unique('nobody_'));
      const b = await timed(user.user.username);
      expect(a.reply.status).toBe(401);
      expect(b.reply.status).toBe(401);
      expect(a.reply.body).toEqual(b.reply.body);
      expect(a.reply.body.error.code).toBe('INVALID_CREDENTIALS');
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[1]!;
    // Same order of magnitude: both are dominated by one argon2 verification.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
  });

  it('backs one account off from one address with a growing Retry-After, even for the right password', async () => {
    const user = await register();
    const ip = randomIp();
    for (let attempt = 0; attempt < PAIR_ALLOWANCE; attempt++) {
      expect((await login(user.user.username, `wrong-${attempt}-password`, ip)).status).toBe(401);
    }
    const first = await login(user.user.email, PASSWORD, ip);
    expect(first.status).toBe(429);
    expect(first.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    const firstWait = Number(first.headers.get('retry-after'));
    expect(firstWait).toBe(1);

    await sleep(firstWait * 1000 + 100);
    expect((await login(user.user.username, 'still-the-wrong-password', ip)).status).toBe(401);
    const second = await login(user.user.username, PASSWORD, ip);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBe(2);

    // Unknown accounts back off the same way (no enumeration through the lockout).
    const nobody = unique('nobody_');
    for (let attempt = 0; attempt < PAIR_ALLOWANCE; attempt++)
      expect((await login(nobody, 'x', ip)).status).toBe(401);
    expect((await login(nobody, 'x', ip)).status).toBe(429);
  });

  it('lets the owner log in from another address while an attacker fails 50 times from one', async () => {
    const user = await register();
    const attacker = randomIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      statuses.push((await login(user.user.username, `guess-${attempt}-password`, attacker)).status);
    }
    expect(statuses.slice(0, PAIR_ALLOWANCE)).toEqual(Array(PAIR_ALLOWANCE).fill(401));
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(40);
    expect((await login(user.user.username, PASSWORD, attacker)).status).toBe(429);

    const owner = await login(user.user.username, PASSWORD, randomIp());
    expect(owner.status).toBe(200);
    expect(owner.body.user.id).toBe(user.user.id);
  });

  it('limits failures per client address across accounts', async () => {
    const ip = randomIp();
    for (let attempt = 0; attempt < MAX_PER_IP; attempt++) {
      expect((await login(unique('nobody_'), 'x', ip)).status).toBe(401);
    }
    const blocked = await login(unique('nobody_'), 'x', ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(30);
    expect((await login(unique('nobody_'), 'x', randomIp())).status).toBe(401);
  });

  it('clears the pair counter on success', async () => {
    const user = await register();
    const ip = randomIp();
    for (let attempt = 0; attempt < PAIR_ALLOWANCE - 1; attempt++)
      expect((await login(user.user.username, 'wrong password', ip)).status).toBe(401);
    expect((await login(user.user.username, PASSWORD, ip)).status).toBe(200);
    for (let attempt = 0; attempt < PAIR_ALLOWANCE - 1; attempt++) {
      expect((await login(user.user.username, 'wrong password', ip)).status).toBe(401);
    }
    expect((await login(user.user.username, PASSWORD, ip)).status).toBe(200);
  });

  it('takes the client address only from the gateway-signed header, never from X-Forwarded-For', async () => {
    // Someone who reaches the service directly (not through the gateway) and sends X-Forwarded-For or an
    // unsigned address header, fresh on every attempt, must neither dodge the limits nor be recorded.
    const user = await register();
    const spoofed = (attempt: number) => ({
      [CLIENT_ADDRESS_HEADER]: `a1.${attempt}.forged`,
      'x-forwarded-for': `203.0.113.${attempt + 1}`,
    });
    const attempt = (password: string, index: number) =>
      call<AuthBody & ErrorReply>('POST', '/api/v1/auth/login', {
        body: { login: user.user.username, password },
        headers: spoofed(index),
      });
    for (let index = 0; index < PAIR_ALLOWANCE; index++)
      expect((await attempt('wrong', index)).status).toBe(401);
    expect((await attempt(PASSWORD, 10)).status).toBe(429);

    const other = await register();
    const session = await call<AuthBody>('POST', '/api/v1/auth/login', {
      body: { login: other.user.username, password: PASSWORD },
      headers: { 'x-forwarded-for': '203.0.113.200', [CLIENT_ADDRESS_HEADER]: 'a1.forged.too' },
    });
    expect(session.status).toBe(200);
    const signed = await call<AuthBody>('POST', '/api/v1/auth/login', {
      body: { login: other.user.username, password: PASSWORD },
      ip: '198.51.100.23',
      headers: { 'x-forwarded-for': '203.0.113.201' },
    });
    const sessions = await call<{ id: string; ip: string }[]>('GET', '/api/v1/auth/sessions', {
      as: identityOf(signed.body.accessToken),
    });
    const ipOf = (token: string) =>
      sessions.body.find((entry) => entry.id === identityOf(token).sessionId)?.ip;
    expect(ipOf(session.body.accessToken)).toBe('127.0.0.1');
    expect(ipOf(signed.body.accessToken)).toBe('198.51.100.23');
  });
});

describe('auth service: keys, identity and documents', () => {
  it('rotates the signing key and keeps the old kid in the JWKS; old tokens still verify', async () => {
    const before = await register();
    const oldKid = decodeProtectedHeader(before.accessToken).kid;
    await auth.service.app.get(SigningKeysService).rotate({ force: true });
    const after = await register();
    const newKid = decodeProtectedHeader(after.accessToken).kid;
    expect(newKid).not.toBe(oldKid);

    const keys = await jwks();
    expect(keys.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    for (const key of keys.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
    const verifier = createLocalJWKSet(keys);
    await expect(jwtVerify(before.accessToken, verifier, { audience: 'bonfire-api' })).resolves.toBeTruthy();
    await expect(jwtVerify(after.accessToken, verifier, { audience: 'bonfire-api' })).resolves.toBeTruthy();

    const stored = await auth.db.query<{ private_key_encrypted: string }>(
      'select private_key_encrypted from signing_keys',
    );
    expect(stored.rows.length).toBeGreaterThanOrEqual(2);
    for (const row of stored.rows) expect(row.private_key_encrypted).not.toContain('PRIVATE KEY');
  });

  it('refuses a missing or forged identity header with 401', async () => {
    const missing = await call<ErrorReply>('GET', '/api/v1/users/@me');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('UNAUTHORIZED');
    const user = await register();
    const forged = await call<ErrorReply>('GET', '/api/v1/users/@me', {
      headers: { 'x-bonfire-identity': signIdentity('another-secret-that-is-long-enough!!', user.identity) },
    });
    expect(forged.status).toBe(401);
    const bearerOnly = await call<ErrorReply>('GET', '/api/v1/auth/sessions', {
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(bearerOnly.status).toBe(401);
    expect((await call('POST', '/api/v1/auth/logout')).status).toBe(401);
  });

  it('serves its OpenAPI document publicly', async () => {
    const reply = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/openapi.json',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\./);
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/auth/sessions/{id}',
        '/api/v1/users/@me',
        '/api/v1/users/{id}',
        '/.well-known/jwks.json',
      ]),
    );
    expect(JSON.stringify(reply.body.paths['/api/v1/auth/register'])).toContain('username');
  });

  it('is ready (Postgres and Redis) and rejects oversized bodies', async () => {
    // Probes and scrapers carry no identity: health and metrics must stay public behind IdentityModule.
    const ready = await call<{ checks: Record<string, unknown> }>('GET', '/health/ready');
    const metrics = await fetch(`${auth.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['postgres', 'redis']);
    const big = await call<ErrorReply>('POST', '/api/v1/auth/login', {
      body: { login: 'x', password: 'y'.repeat(70_000) },
    });
    expect(big.status).toBe(413);
  });
});

describe('auth service: applications and bot tokens', () => {
  interface Application {
    id: string;
    name: string;
    description: string | null;
    ownerId: string;
    bot: { id: string; username: string; displayName: string | null; bot: boolean };
  }
  const verify = (token: string) =>
    call<{ userId: string; tokenId: string } & ErrorReply>('POST', '/internal/v1/bot-tokens/verify', {
      as: { userId: '0', sessionId: 'gateway:test' },
      body: { token },
    });

  it('creates an application with its bot user: flagged, no email, cannot log in', async () => {
    const owner = await register();
    const created = await call<Application>('POST', '/api/v1/applications', {
      as: owner.identity,
      body: { name: 'Ping Bot!', description: 'Answers pings.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Ping Bot!',
      description: 'Answers pings.',
      ownerId: owner.user.id,
      bot: { id: created.body.id, displayName: 'Ping Bot!', bot: true },
    });
    expect(created.body.bot.username).toMatch(/^ping_bot(_\d+)?$/);
    const row = await auth.db.query<{ email: string | null; password_hash: string | null; bot: boolean }>(
      'select email, password_hash, bot from users where id = $1',
      [created.body.id],
    );
    expect(row.rows[0]).toEqual({ email: null, password_hash: null, bot: true });
    expect((await login(created.body.bot.username, '')).status).toBe(400);
    expect((await login(created.body.bot.username, 'anything at all')).status).toBe(401);
    const profile = await call<{ bot: boolean }>('GET', `/api/v1/users/${created.body.id}`, {
      as: owner.identity,
    });
    expect(profile.body.bot).toBe(true);
    const me = await call<{ bot: boolean }>('GET', '/api/v1/users/@me', { as: owner.identity });
    expect(me.body.bot).toBe(false);
    const event = await auth.db.query<{ data: { bot: boolean } }>(
      `select envelope->'data' as data from outbox_events where key = $1 and envelope->>'type' = 'user.created'`,
      [created.body.id],
    );
    expect(event.rows[0]?.data.bot).toBe(true);
  });

  it('lists, reads, renames and deletes only the owner’s applications', async () => {
    const owner = await register();
    const other = await register();
    const app = (
      await call<Application>('POST', '/api/v1/applications', {
        as: owner.identity,
        body: { name: 'Helper' },
      })
    ).body;
    const mine = await call<Application[]>('GET', '/api/v1/applications', { as: owner.identity });
    expect(mine.body.map((item) => item.id)).toEqual([app.id]);
    expect((await call('GET', '/api/v1/applications', { as: other.identity })).body).toEqual([]);
    expect((await call('GET', `/api/v1/applications/${app.id}`, { as: other.identity })).status).toBe(404);
    expect(
      (await call('PATCH', `/api/v1/applications/${app.id}`, { as: other.identity, body: { name: 'x1' } }))
        .status,
    ).toBe(404);
    const renamed = await call<Application>('PATCH', `/api/v1/applications/${app.id}`, {
      as: owner.identity,
      body: { name: 'Helper Two', description: null },
    });
    expect(renamed.body).toMatchObject({ name: 'Helper Two', bot: { displayName: 'Helper Two' } });
    expect((await call('DELETE', `/api/v1/applications/${app.id}`, { as: other.identity })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/applications/${app.id}`, { as: owner.identity })).status).toBe(204);
    expect((await call('GET', `/api/v1/applications/${app.id}`, { as: owner.identity })).status).toBe(404);
  });

  it('shows a token once, stores only its hash, and a reset revokes the previous one', async () => {
    const owner = await register();
    const app = (
      await call<Application>('POST', '/api/v1/applications', {
        as: owner.identity,
        body: { name: 'Tokened' },
      })
    ).body;
    expect(app).not.toHaveProperty('token');
    const first = await call<{ token: string }>('POST', `/api/v1/applications/${app.id}/bot/reset-token`, {
      as: owner.identity,
    });
    expect(first.status).toBe(200);
    const [firstId, secret] = first.body.token.split('.');
    const stored = await auth.db.query<{ token_hash: string }>(
      'select token_hash from bot_tokens where id = $1',
      [firstId],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(secret);
    expect(
      JSON.stringify((await call('GET', `/api/v1/applications/${app.id}`, { as: owner.identity })).body),
    ).not.toContain(secret);

    expect((await verify(first.body.token)).body).toEqual({ userId: app.id, tokenId: firstId });
    expect((await verify(`${firstId}.${'A'.repeat(43)}`)).body.error.code).toBe('BOT_TOKEN_INVALID');
    expect((await verify('not a token')).status).toBe(401);

    const second = await call<{ token: string }>('POST', `/api/v1/applications/${app.id}/bot/reset-token`, {
      as: owner.identity,
    });
    expect(second.body.token).not.toBe(first.body.token);
    expect((await verify(first.body.token)).status).toBe(401);
    expect((await verify(second.body.token)).status).toBe(200);
    const revoked = await auth.db.query<{ data: { sessionId: string; userId: string } }>(
      `select envelope->'data' as data from outbox_events where envelope->>'type' = 'session.revoked' and key = $1`,
      [firstId],
    );
    expect(revoked.rows[0]?.data).toMatchObject({ sessionId: firstId, userId: app.id });

    expect((await call('DELETE', `/api/v1/applications/${app.id}`, { as: owner.identity })).status).toBe(204);
    expect((await verify(second.body.token)).status).toBe(401);
    expect(
      (await call('POST', `/api/v1/applications/${app.id}/bot/reset-token`, { as: owner.identity })).status,
    ).toBe(404);
  });
});
