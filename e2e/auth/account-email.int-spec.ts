import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BonfireApiError, BonfireClient } from '@bonfire/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { linkToken, type Mailbox, mailFolder, mailpit, waitForMail } from '../support/mail';
import { e2eShape, Stack } from '../support/stack';

/** Short enough to wait out in a test; the default is 30 minutes. */
const RESET_TTL_SECONDS = 6;

interface Me {
  email: string;
  emailVerified: boolean;
}

/**
 * Issue 21 items 1–2 through the gateway: the verification, password reset and email change links are read
 * from the mail that was really sent — from Mailpit over SMTP in the distributed shape, from the mail folder
 * (the embedded adapter) in the standalone one — and followed.
 */
describe(`mailed links through the gateway (${e2eShape} shape)`, () => {
  let stack: Stack;
  let api: Api;
  let mailbox: Mailbox;
  let folder: string | undefined;

  beforeAll(async () => {
    const auth: Record<string, string> = {
      AUTH_PASSWORD_RESET_TTL_SECONDS: String(RESET_TTL_SECONDS),
      AUTH_WEB_URL: 'http://bonfire.example.test',
      MAIL_POLL_INTERVAL_MS: '500',
    };
    if (e2eShape === 'standalone') {
      folder = mkdtempSync(join(tmpdir(), 'bonfire-e2e-mail-'));
      auth['MAIL_FOLDER'] = folder;
      mailbox = mailFolder(folder);
    } else {
      mailbox = mailpit();
    }
    stack = await Stack.start({ services: ['auth', 'gateway'], serviceEnv: { auth } });
    api = new Api(stack.gateway.url);
  });

  afterAll(async () => {
    await stack?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const emailOf = (user: AuthResult) => `${user.user.username}@example.test`;

  it('verifies the address with the link mailed at registration, once', async () => {
    const user = await registerUser(api);
    const me = api.withToken(user.accessToken);
    expect((await me.get<Me>('/api/v1/users/@me')).body.emailVerified).toBe(false);

    const mail = await waitForMail(mailbox, emailOf(user), 'Confirm your email address');
    expect(mail.text).toContain('http://bonfire.example.test/verify-email?token=');
    const token = linkToken(mail, '/verify-email');
    expect((await api.post('/api/v1/auth/verify-email', { token })).status).toBe(204);
    expect((await me.get<Me>('/api/v1/users/@me')).body.emailVerified).toBe(true);

    const again = await api.post<ErrorResponseBody>('/api/v1/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('INVALID_TOKEN');
    const resend = await api.post('/api/v1/auth/verify-email/resend', { email: emailOf(user) });
    expect(resend).toMatchObject({ status: 202, body: { accepted: true } });
  });

  it('resets the password with the mailed link: every session ends, the link works once', async () => {
    const user = await registerUser(api);
    const other = await api.post<AuthResult>('/api/v1/auth/login', {
      login: user.user.username,
      password: user.password,
    });
    expect(other.status).toBe(200);

    const unknown = await api.post('/api/v1/auth/password-reset', { email: 'nobody-at-all@example.test' });
    const known = await api.post('/api/v1/auth/password-reset', { email: emailOf(user) });
    expect(unknown).toMatchObject({ status: 202, body: { accepted: true } });
    expect(known).toMatchObject({ status: 202, body: { accepted: true } });

    const mail = await waitForMail(mailbox, emailOf(user), 'Reset your password');
    const token = linkToken(mail, '/reset-password');
    const password = 'a fresh passphrase for the reset';
    expect((await api.post('/api/v1/auth/password-reset/confirm', { token, password })).status).toBe(204);

    // Both sessions end at once: their access tokens are refused, their refresh tokens too.
    for (const session of [user, other.body]) {
      await eventually(async () => {
        const reply = await api.withToken(session.accessToken).get<ErrorResponseBody>('/api/v1/users/@me');
        expect(reply.status).toBe(401);
      });
      const refreshed = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(401);
    }
    const oldPassword = await api.post('/api/v1/auth/login', {
      login: user.user.username,
      password: user.password,
    });
    expect(oldPassword.status).toBe(401);
    const signedIn = await api.post<AuthResult>('/api/v1/auth/login', {
      login: user.user.username,
      password,
    });
    expect(signedIn.status).toBe(200);

    const reused = await api.post<ErrorResponseBody>('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'and yet another passphrase',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
    expect(await mailbox.read('nobody-at-all@example.test')).toEqual([]);
  });

  it('refuses an expired reset link', async () => {
    const user = await registerUser(api);
    await api.post('/api/v1/auth/password-reset', { email: emailOf(user) });
    const token = linkToken(
      await waitForMail(mailbox, emailOf(user), 'Reset your password'),
      '/reset-password',
    );
    await new Promise((resolve) => setTimeout(resolve, RESET_TTL_SECONDS * 1000 + 500));
    const expired = await api.post<ErrorResponseBody>('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'too late for this passphrase',
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe('INVALID_TOKEN');
    expect(
      (await api.post('/api/v1/auth/login', { login: user.user.username, password: user.password })).status,
    ).toBe(200);
  });

  it('changes the email only once the new address confirms, and tells the old one', async () => {
    const user = await registerUser(api);
    const me = api.withToken(user.accessToken);
    const newEmail = `new-${user.user.username}@example.test`;
    const wrong = await me.patch<ErrorResponseBody>('/api/v1/users/@me/email', {
      email: newEmail,
      password: 'not the password',
    });
    expect(wrong.status).toBe(403);
    const accepted = await me.patch('/api/v1/users/@me/email', { email: newEmail, password: user.password });
    expect(accepted).toMatchObject({ status: 202, body: { accepted: true } });

    const notice = await waitForMail(mailbox, emailOf(user), 'Your email address is being changed');
    expect(notice.text).toContain(newEmail);
    const confirm = await waitForMail(mailbox, newEmail, 'Confirm your new email address');
    expect((await me.get<Me>('/api/v1/users/@me')).body.email).toBe(emailOf(user));

    const token = linkToken(confirm, '/confirm-email');
    expect((await api.post('/api/v1/auth/email-change/confirm', { token })).status).toBe(204);
    expect((await me.get<Me>('/api/v1/users/@me')).body).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    expect((await api.post('/api/v1/auth/login', { login: newEmail, password: user.password })).status).toBe(
      200,
    );
    const reused = await api.post<ErrorResponseBody>('/api/v1/auth/email-change/confirm', { token });
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
  });

  it('offers every flow through the SDK', async () => {
    const client = new BonfireClient({ baseUrl: stack.gateway.url });
    try {
      const username = `sdk_${Date.now().toString(36)}`;
      const email = `${username}@example.test`;
      const registered = await client.auth.register({ email, username, password: 'an sdk passphrase' });
      expect(registered.user.emailVerified).toBe(false);
      await client.auth.verifyEmail(
        linkToken(await waitForMail(mailbox, email, 'Confirm your email address'), '/verify-email'),
      );
      expect((await client.users.me()).emailVerified).toBe(true);
      await client.auth.resendVerification(email);

      const newEmail = `new-${email}`;
      await client.auth.requestEmailChange(newEmail, 'an sdk passphrase');
      await client.auth.confirmEmailChange(
        linkToken(await waitForMail(mailbox, newEmail, 'Confirm your new email address'), '/confirm-email'),
      );
      expect((await client.users.me()).email).toBe(newEmail);

      await client.auth.requestPasswordReset(newEmail);
      const token = linkToken(await waitForMail(mailbox, newEmail, 'Reset your password'), '/reset-password');
      await client.auth.confirmPasswordReset(token, 'the sdk reset passphrase');
      const refused = await client.auth
        .confirmPasswordReset(token, 'again and again')
        .catch((error) => error);
      expect(refused).toBeInstanceOf(BonfireApiError);
      expect(refused).toMatchObject({ status: 400, code: 'INVALID_TOKEN' });
      await client.auth.login({ login: newEmail, password: 'the sdk reset passphrase' });
    } finally {
      client.close();
    }
  });
});
