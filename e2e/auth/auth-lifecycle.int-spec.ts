import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser, uniqueName } from '../support/api';
import { e2eShape, Stack } from '../support/stack';

interface SessionView {
  id: string;
  deviceLabel: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

/** The account and session lifecycle of issue 3, driven only through the gateway. */
describe(`auth lifecycle through the gateway (${e2eShape} shape)`, () => {
  let stack: Stack;
  let api: Api;

  beforeAll(async () => {
    stack = await Stack.start({ services: ['auth', 'gateway'] });
    api = new Api(stack.gateway.url);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function login(loginName: string, password: string, deviceLabel?: string) {
    return api.post<AuthResult & ErrorResponseBody>('/api/v1/auth/login', {
      login: loginName,
      password,
      deviceLabel,
    });
  }

  it('registers, rejects duplicates ignoring case, and validates each field', async () => {
    const username = uniqueName('ada');
    const first = await api.post<AuthResult>('/api/v1/auth/register', {
      email: `${username}@Example.test`,
      username,
      password: 'a long enough password',
      displayName: 'Ada',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      user: { username, displayName: 'Ada' },
      expiresIn: expect.any(Number),
    });

    const sameName = await api.post<ErrorResponseBody>('/api/v1/auth/register', {
      email: `other-${username}@example.test`,
      username: username.toUpperCase(),
      password: 'a long enough password',
    });
    expect(sameName.status).toBe(409);
    const sameEmail = await api.post<ErrorResponseBody>('/api/v1/auth/register', {
      email: `${username}@EXAMPLE.test`,
      username: uniqueName('ada'),
      password: 'a long enough password',
    });
    expect(sameEmail.status).toBe(409);

    const invalid = await api.post<ErrorResponseBody>('/api/v1/auth/register', {
      email: 'not-an-email',
      username: 'X',
      password: 'short',
    });
    expect(invalid.status).toBe(400);
    const fields = invalid.body.error.details?.map((detail) => detail.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.username', 'body.password']));
  });

  it('logs in by email or username; a wrong password and an unknown account look the same', async () => {
    const account = await registerUser(api);
    const byName = await login(account.user.username, account.password);
    expect(byName.status).toBe(200);
    const byEmail = await login(`${account.user.username}@example.test`, account.password);
    expect(byEmail.status).toBe(200);
    const wrong = await login(account.user.username, 'not the password');
    const unknown = await login(uniqueName('ghost'), 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
  });

  it('reads and updates the profile; the public profile hides the email', async () => {
    const account = await registerUser(api);
    const me = api.withToken(account.accessToken);
    const updated = await me.patch<{ displayName: string; about: string }>('/api/v1/users/@me', {
      displayName: 'Grace',
      about: 'compilers',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ displayName: 'Grace', about: 'compilers' });
    const other = await registerUser(api);
    const profile = await api
      .withToken(other.accessToken)
      .get<Record<string, unknown>>(`/api/v1/users/${account.user.id}`);
    expect(profile.status).toBe(200);
    expect(profile.body['displayName']).toBe('Grace');
    expect(profile.body).not.toHaveProperty('email');
  });

  it('rotates refresh tokens, and reusing a used one revokes the whole session', async () => {
    const account = await registerUser(api);
    const first = await api.post<AuthResult>('/api/v1/auth/refresh', { refreshToken: account.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(account.refreshToken);

    const reuse = await api.post<ErrorResponseBody>('/api/v1/auth/refresh', {
      refreshToken: account.refreshToken,
    });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    // The session is gone: even the newest refresh token no longer works.
    const afterReuse = await api.post<ErrorResponseBody>('/api/v1/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(afterReuse.status).toBe(401);
  });

  it('lists sessions, revokes one, logs out, and a password change ends the other sessions', async () => {
    const account = await registerUser(api);
    const laptop = await login(account.user.username, account.password, 'laptop');
    const phone = await login(account.user.username, account.password, 'phone');
    const asLaptop = api.withToken(laptop.body.accessToken);

    const sessions = await asLaptop.get<SessionView[]>('/api/v1/auth/sessions');
    expect(sessions.status).toBe(200);
    expect(sessions.body.length).toBeGreaterThanOrEqual(3);
    expect(sessions.body.filter((session) => session.current).map((s) => s.deviceLabel)).toEqual(['laptop']);

    const phoneSession = sessions.body.find((session) => session.deviceLabel === 'phone')!;
    expect((await asLaptop.delete(`/api/v1/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    const phoneRefresh = await api.post('/api/v1/auth/refresh', { refreshToken: phone.body.refreshToken });
    expect(phoneRefresh.status).toBe(401);

    const changed = await asLaptop.post('/api/v1/auth/password', {
      currentPassword: account.password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(204);
    const registrationRefresh = await api.post('/api/v1/auth/refresh', {
      refreshToken: account.refreshToken,
    });
    expect(registrationRefresh.status).toBe(401);
    expect((await login(account.user.username, 'a brand new passphrase')).status).toBe(200);

    expect((await asLaptop.post('/api/v1/auth/logout')).status).toBe(204);
    const laptopRefresh = await api.post('/api/v1/auth/refresh', { refreshToken: laptop.body.refreshToken });
    expect(laptopRefresh.status).toBe(401);
  });
});
