import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REALTIME_PATH, type SessionEndedPayload } from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser, uniqueName } from '../support/api';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';
import { totpCode } from '../support/totp';

interface AdminUser {
  id: string;
  suspended: boolean;
  twoFactorEnabled: boolean;
  instanceAdmin: boolean;
}
interface Stats {
  users: number;
  registeredLast7Days: number;
  suspended: number;
  activeSessions: number;
}

/** A live socket and what the server told it before closing it. */
async function openSocket(baseUrl: string, token: string) {
  const socket: Socket = connect(baseUrl, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
  });
  const ended = new Promise<SessionEndedPayload>((resolve) => socket.once('session.ended', resolve));
  const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('ready', () => resolve());
  });
  return { socket, ended, closed };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)),
  ]);
}

/**
 * Instance administration through the gateway on the real servers (issue 21 item 5): the first account is
 * the admin; registration modes; suspension (sessions and sockets end, login and refresh refused, then
 * lifted); an admin's two-factor reset; the statistics.
 */
describe(`instance administration (${e2eShape} shape)`, () => {
  let stack: Stack;
  let api: Api;
  let admin: Api;
  let adminId: string;
  let routesDir: string;

  beforeAll(async () => {
    // Every registration comes from one address: the real routing table, its limits raised.
    routesDir = mkdtempSync(join(tmpdir(), 'bonfire-admin-'));
    const routes = JSON.parse(readFileSync(resolve(__dirname, '../../apps/gateway/routes.json'), 'utf8')) as {
      rateLimits: { limit: number }[];
    };
    for (const limit of routes.rateLimits) limit.limit *= 100;
    writeFileSync(join(routesDir, 'routes.json'), JSON.stringify(routes));
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      ...(e2eShape === 'distributed' ? { extraGateways: 1 } : {}),
      env: { GATEWAY_ROUTES_FILE: join(routesDir, 'routes.json') },
    });
    api = new Api(stack.gateway.url);
    // This stack's auth database is new: the first account is the instance admin.
    const first = await registerUser(api);
    admin = api.withToken(first.accessToken);
    adminId = first.user.id;
  });

  afterAll(async () => {
    await stack?.stop();
    if (routesDir) rmSync(routesDir, { recursive: true, force: true });
  });

  const register = (extra: Record<string, unknown> = {}) => {
    const username = uniqueName('reg');
    return api.post<AuthResult & ErrorResponseBody>('/api/v1/auth/register', {
      email: `${username}@example.test`,
      username,
      password: 'a long enough password',
      ...extra,
    });
  };
  const setMode = (registrationMode: string) => admin.patch('/api/v1/admin/settings', { registrationMode });

  it('the first registered user is the instance admin; a member is refused 403, no token 401', async () => {
    const me = await admin.get<{ instanceAdmin: boolean }>('/api/v1/users/@me');
    expect(me.body.instanceAdmin).toBe(true);
    const member = await registerUser(api);
    const memberApi = api.withToken(member.accessToken);
    expect((await memberApi.get<{ instanceAdmin: boolean }>('/api/v1/users/@me')).body.instanceAdmin).toBe(
      false,
    );
    const refused = await memberApi.get<ErrorResponseBody>('/api/v1/admin/stats');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('INSTANCE_ADMIN_REQUIRED');
    expect((await api.get('/api/v1/admin/stats')).status).toBe(401);
    expect((await admin.get('/api/v1/admin/stats')).status).toBe(200);
  });

  it('modes: open → closed refuses; invite_only refuses without, with a bad or used-up code, takes a live one', async () => {
    expect((await api.get('/api/v1/instance')).body).toEqual({ registrationMode: 'open' });
    expect((await register()).status).toBe(201);

    expect((await setMode('closed')).status).toBe(200);
    expect((await api.get('/api/v1/instance')).body).toEqual({ registrationMode: 'closed' });
    const closed = await register();
    expect(closed.status).toBe(403);
    expect(closed.body.error.code).toBe('REGISTRATION_CLOSED');

    await setMode('invite_only');
    expect((await api.get('/api/v1/instance')).body).toEqual({ registrationMode: 'invite_only' });
    expect((await register()).body.error.code).toBe('INSTANCE_INVITE_REQUIRED');
    expect((await register({ inviteCode: 'not-a-real-code' })).body.error.code).toBe(
      'INSTANCE_INVITE_INVALID',
    );
    const invite = await admin.post<{ code: string }>('/api/v1/admin/invites', { maxUses: 1 });
    expect(invite.status).toBe(201);
    expect((await register({ inviteCode: invite.body.code })).status).toBe(201);
    const exhausted = await register({ inviteCode: invite.body.code });
    expect(exhausted.status).toBe(403);
    expect(exhausted.body.error.code).toBe('INSTANCE_INVITE_INVALID');
    const listed = await admin.get<{ code: string; uses: number }[]>('/api/v1/admin/invites');
    expect(listed.body.find((row) => row.code === invite.body.code)?.uses).toBe(1);

    await setMode('open');
    expect((await register()).status).toBe(201);
  });

  it('a suspended user is cut off at once (socket closed, login and refresh refused); unsuspending lets them in', async () => {
    const user = await registerUser(api);
    const socketGateway = stack.gateways[stack.gateways.length - 1]!.url;
    const live = await openSocket(socketGateway, user.accessToken);

    const suspended = await admin.post<AdminUser>(`/api/v1/admin/users/${user.user.id}/suspend`, {
      reason: 'spam',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.suspended).toBe(true);
    await Promise.all([
      within(live.ended, 2_000, 'session.ended').then((payload) =>
        expect(payload).toEqual({ reason: 'ACCOUNT_SUSPENDED' }),
      ),
      within(live.closed, 2_000, 'socket close'),
      eventually(async () => {
        expect((await api.withToken(user.accessToken).get('/api/v1/users/@me')).status).toBe(401);
      }, 2_000),
    ]);
    const login = await api.post<ErrorResponseBody>('/api/v1/auth/login', {
      login: user.user.username,
      password: user.password,
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('ACCOUNT_SUSPENDED');
    const refresh = await api.post<ErrorResponseBody>('/api/v1/auth/refresh', {
      refreshToken: user.refreshToken,
    });
    expect(refresh.status).toBe(401);
    expect(refresh.body.error.code).toBe('ACCOUNT_SUSPENDED');

    const self = await admin.post<ErrorResponseBody>(`/api/v1/admin/users/${adminId}/suspend`, {
      reason: 'x',
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('CANNOT_SUSPEND_ADMIN');

    expect((await admin.post(`/api/v1/admin/users/${user.user.id}/unsuspend`)).status).toBe(200);
    const again = await api.post<AuthResult>('/api/v1/auth/login', {
      login: user.user.username,
      password: user.password,
    });
    expect(again.status).toBe(200);
    expect((await api.withToken(again.body.accessToken).get('/api/v1/users/@me')).status).toBe(200);
  });

  it('reset-two-factor turns off a lost authenticator and ends the sessions', async () => {
    const user = await registerUser(api);
    const me = api.withToken(user.accessToken);
    const enrol = await me.post<{ secret: string }>('/api/v1/users/@me/mfa/totp', {
      password: user.password,
    });
    expect(enrol.status).toBe(200);
    const confirmed = await me.post('/api/v1/users/@me/mfa/totp/confirm', {
      code: totpCode(enrol.body.secret),
    });
    expect(confirmed.status).toBe(200);
    const challenged = await api.post<{ mfaRequired?: boolean }>('/api/v1/auth/login', {
      login: user.user.username,
      password: user.password,
    });
    expect(challenged.body.mfaRequired).toBe(true);

    const reset = await admin.post<AdminUser>(`/api/v1/admin/users/${user.user.id}/reset-two-factor`);
    expect(reset.status).toBe(200);
    expect(reset.body.twoFactorEnabled).toBe(false);
    await eventually(async () => expect((await me.get('/api/v1/users/@me')).status).toBe(401), 2_000);
    const login = await api.post<AuthResult>('/api/v1/auth/login', {
      login: user.user.username,
      password: user.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toBeTypeOf('string');
  });

  it('statistics count people, recent registrations, suspensions and live sessions', async () => {
    const before = (await admin.get<Stats>('/api/v1/admin/stats')).body;
    const user = await registerUser(api);
    const afterRegister = (await admin.get<Stats>('/api/v1/admin/stats')).body;
    expect(afterRegister).toMatchObject({
      users: before.users + 1,
      registeredLast7Days: before.registeredLast7Days + 1,
      suspended: before.suspended,
      activeSessions: before.activeSessions + 1,
    });
    await admin.post(`/api/v1/admin/users/${user.user.id}/suspend`, { reason: 'stats' });
    const afterSuspend = (await admin.get<Stats>('/api/v1/admin/stats')).body;
    expect(afterSuspend).toMatchObject({
      users: before.users + 1,
      suspended: before.suspended + 1,
      activeSessions: before.activeSessions,
    });
    const page = await admin.get<{ users: AdminUser[] }>(
      `/api/v1/admin/users?query=${encodeURIComponent(user.user.username)}`,
    );
    expect(page.body.users).toEqual([expect.objectContaining({ id: user.user.id, suspended: true })]);
  });
});
