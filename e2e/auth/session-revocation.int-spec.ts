import { REALTIME_PATH, type SessionEndedPayload } from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { e2eShape, Stack } from '../support/stack';

interface SessionView {
  id: string;
  current: boolean;
}

/** How soon an ended session must stop working everywhere (issue 15, item 2). */
const WITHIN_MS = 1_000;

/** A live socket and what the server told it before closing it. */
interface LiveSocket {
  socket: Socket;
  ended: Promise<SessionEndedPayload>;
  closed: Promise<void>;
}

function socketTo(baseUrl: string, token: string): Socket {
  return connect(baseUrl, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
  });
}

async function openSocket(baseUrl: string, token: string): Promise<LiveSocket> {
  const socket = socketTo(baseUrl, token);
  const ended = new Promise<SessionEndedPayload>((resolve) => socket.once('session.ended', resolve));
  const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('ready', () => resolve());
  });
  return { socket, ended, closed };
}

function refusal(baseUrl: string, token: string): Promise<string> {
  const socket = socketTo(baseUrl, token);
  return new Promise((resolve) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.once('ready', () => {
      socket.close();
      resolve('ACCEPTED');
    });
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms),
    ),
  ]);
}

/**
 * Ending a session (logout, revoke, password change, refresh-token reuse) stops its access token at once:
 * REST answers 401 SESSION_REVOKED and its live sockets get `session.ended` and are closed, within a
 * second — not when the token expires. In the distributed shape the socket is on a second gateway, so the
 * revocation must reach every gateway.
 */
describe(`ended sessions stop at once (${e2eShape} shape)`, () => {
  let stack: Stack;
  let api: Api;
  let socketGateway: string;

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      ...(e2eShape === 'distributed' ? { extraGateways: 1 } : {}),
    });
    api = new Api(stack.gateway.url);
    socketGateway = stack.gateways[stack.gateways.length - 1]!.url;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function login(username: string, password: string): Promise<AuthResult> {
    const response = await api.post<AuthResult>('/api/v1/auth/login', { login: username, password });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function expectRefusedSoon(accessToken: string): Promise<void> {
    await eventually(async () => {
      const response = await api.withToken(accessToken).get<ErrorResponseBody>('/api/v1/users/@me');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('SESSION_REVOKED');
    }, WITHIN_MS);
  }

  it('logout: the same access token is refused by REST and its socket is closed within 1 s', async () => {
    const account = await registerUser(api);
    const me = api.withToken(account.accessToken);
    expect((await me.get('/api/v1/users/@me')).status).toBe(200);
    const live = await openSocket(socketGateway, account.accessToken);

    expect((await me.post('/api/v1/auth/logout')).status).toBe(204);
    await Promise.all([
      expectRefusedSoon(account.accessToken),
      within(live.ended, WITHIN_MS, 'session.ended').then((payload) =>
        expect(payload).toEqual({ reason: 'LOGGED_OUT' }),
      ),
      within(live.closed, WITHIN_MS, 'socket close'),
    ]);
    expect(await refusal(socketGateway, account.accessToken)).toBe('SESSION_REVOKED');
    expect(await refusal(stack.gateway.url, account.accessToken)).toBe('SESSION_REVOKED');
  });

  it('a session revoked from another session stops; the revoking one goes on', async () => {
    const account = await registerUser(api);
    const phone = await login(account.user.username, account.password);
    const live = await openSocket(socketGateway, phone.accessToken);
    const laptop = api.withToken(account.accessToken);
    const sessions = await laptop.get<SessionView[]>('/api/v1/auth/sessions');
    const others = sessions.body.filter((session) => !session.current);
    expect(others).toHaveLength(1);

    expect((await laptop.delete(`/api/v1/auth/sessions/${others[0]!.id}`)).status).toBe(204);
    await Promise.all([
      expectRefusedSoon(phone.accessToken),
      within(live.ended, WITHIN_MS, 'session.ended').then((payload) =>
        expect(payload).toEqual({ reason: 'SESSION_REVOKED' }),
      ),
      within(live.closed, WITHIN_MS, 'socket close'),
    ]);
    expect((await laptop.get('/api/v1/users/@me')).status).toBe(200);
  });

  it('a password change ends every other session at once', async () => {
    const account = await registerUser(api);
    const other = await login(account.user.username, account.password);
    const otherSocket = await openSocket(socketGateway, other.accessToken);
    const ownSocket = await openSocket(socketGateway, account.accessToken);
    const me = api.withToken(account.accessToken);

    const changed = await me.post('/api/v1/auth/password', {
      currentPassword: account.password,
      newPassword: 'a brand new long password',
    });
    expect(changed.status).toBe(204);
    await Promise.all([
      expectRefusedSoon(other.accessToken),
      within(otherSocket.ended, WITHIN_MS, 'session.ended').then((payload) =>
        expect(payload).toEqual({ reason: 'PASSWORD_CHANGED' }),
      ),
      within(otherSocket.closed, WITHIN_MS, 'socket close'),
    ]);
    expect((await me.get('/api/v1/users/@me')).status).toBe(200);
    expect(ownSocket.socket.connected).toBe(true);
    ownSocket.socket.close();
  });

  it('refresh-token reuse ends the session: old and new access tokens stop at once', async () => {
    const account = await registerUser(api);
    const live = await openSocket(socketGateway, account.accessToken);
    const rotated = await api.post<AuthResult>('/api/v1/auth/refresh', {
      refreshToken: account.refreshToken,
    });
    expect(rotated.status).toBe(200);

    const reuse = await api.post<ErrorResponseBody>('/api/v1/auth/refresh', {
      refreshToken: account.refreshToken,
    });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    await Promise.all([
      expectRefusedSoon(account.accessToken),
      expectRefusedSoon(rotated.body.accessToken),
      within(live.ended, WITHIN_MS, 'session.ended').then((payload) =>
        expect(payload).toEqual({ reason: 'REFRESH_TOKEN_REUSED' }),
      ),
      within(live.closed, WITHIN_MS, 'socket close'),
    ]);
  });
});
