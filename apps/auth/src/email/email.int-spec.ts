import { randomBytes, randomInt } from 'node:crypto';
import { type CallerIdentity } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailpitInbox, type ReceivedMail, tokenIn, waitForMail } from '../mail/mail-reader.test-kit';
import {
  type AuthCallOptions,
  AuthTestApp,
  type AuthTestClient,
  TEST_PASSWORD as PASSWORD,
} from '../testing/auth-test-app';

// Medium tests of the mailed-link flows: auth on a fresh Postgres database, mails through the real SMTP
// server infra/ runs (Mailpit), read back through its HTTP API.
const mailpitUrl = process.env.MAILPIT_URL!;
const WEB_URL = 'http://web.example.test:8080';
const COOLDOWN_SECONDS = 1;

let auth: AuthTestApp;
let blocking: AuthTestClient;

interface Reply<T> {
  status: number;
  body: T;
}
interface ErrorReply {
  error: { code: string; details?: { field?: string; code: string }[] };
}
interface User {
  id: string;
  email: string;
  username: string;
  emailVerified: boolean;
}
interface AuthBody {
  user: User;
  accessToken: string;
  refreshToken: string;
}

const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls the `allow` replica, or the one `on` names: status and body only, as tests compare whole replies. */
async function call<T = ErrorReply>(
  method: string,
  path: string,
  { on, ...options }: AuthCallOptions & { on?: AuthTestClient } = {},
): Promise<Reply<T>> {
  const { status, body } = await (on ?? auth).call<T>(method, path, options);
  return { status, body };
}

async function register(): Promise<AuthBody & { identity: CallerIdentity }> {
  const account = await auth.register('mail');
  return { ...(account.body as AuthBody), identity: account.as };
}

const inbox = (to: string) => mailpitInbox(mailpitUrl, to);
const mailTo = (to: string, subject: string) =>
  waitForMail(
    () => inbox(to),
    (mail) => mail.subject === subject,
  );

function linkOf(mail: ReceivedMail, path: string): string {
  const token = tokenIn(mail);
  expect(mail.text).toContain(`${WEB_URL}${path}?token=${token}`);
  expect(mail.html).toContain(`href="${WEB_URL}${path}?token=${token}"`);
  return token;
}

const login = (loginName: string, password: string, on?: AuthTestClient) =>
  call<AuthBody & ErrorReply>('POST', '/api/v1/auth/login', {
    body: { login: loginName, password },
    ...(on ? { on } : {}),
  });

const mailSettings = {
  BONFIRE_MODE: 'distributed',
  MAIL_TRANSPORT: 'auto',
  AUTH_WEB_URL: WEB_URL,
  AUTH_MAIL_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
  MAIL_POLL_INTERVAL_MS: '200',
};

beforeAll(async () => {
  auth = await AuthTestApp.start('mail', mailSettings);
  // A second replica on the same database, for operators who block unverified accounts.
  blocking = await auth.replica({ ...mailSettings, AUTH_UNVERIFIED_POLICY: 'block' });
});

afterAll(async () => {
  await auth?.stop();
});

describe('email verification', () => {
  it('mails a single-use link on register; opening it verifies the address', async () => {
    const user = await register();
    expect(user.user.emailVerified).toBe(false);
    const mail = await mailTo(user.user.email, 'Confirm your email address');
    expect(mail.to).toEqual([user.user.email]);
    expect(mail.text).toContain(`Hi ${user.user.username},`);
    const token = linkOf(mail, '/verify-email');

    const { rows } = await auth.db.query('select token_hash from email_tokens where user_id = $1', [
      user.user.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token); // stored hashed

    expect((await call('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
    const me = await call<User>('GET', '/api/v1/users/@me', { as: user.identity });
    expect(me.body.emailVerified).toBe(true);

    const again = await call('POST', '/api/v1/auth/verify-email', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('INVALID_TOKEN');
    const malformed = await call('POST', '/api/v1/auth/verify-email', { body: { token: 'nope' } });
    expect(malformed.body.error.code).toBe('INVALID_TOKEN');
    const missing = await call('POST', '/api/v1/auth/verify-email', { body: {} });
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('resends a new link (the old one stops working), at most once per cooldown, and says 202 to anyone', async () => {
    const user = await register();
    const first = tokenIn(await mailTo(user.user.email, 'Confirm your email address'));
    await sleep(COOLDOWN_SECONDS * 1000 + 100);

    const [resent, twice] = [
      await call<{ accepted: boolean }>('POST', '/api/v1/auth/verify-email/resend', {
        body: { email: user.user.email.toUpperCase() },
      }),
      await call<{ accepted: boolean }>('POST', '/api/v1/auth/verify-email/resend', {
        body: { email: user.user.email },
      }),
    ];
    expect(resent).toEqual({ status: 202, body: { accepted: true } });
    expect(twice.status).toBe(202);
    const unknown = await call('POST', '/api/v1/auth/verify-email/resend', {
      body: { email: `${unique('nobody_')}@example.com` },
    });
    expect(unknown).toEqual({ status: 202, body: { accepted: true } });

    const second = await waitForMail(
      () => inbox(user.user.email),
      (mail) => tokenIn(mail) !== first,
    );
    await sleep(500);
    expect(await inbox(user.user.email)).toHaveLength(2); // the second resend fell in the cooldown
    expect((await call('POST', '/api/v1/auth/verify-email', { body: { token: first } })).status).toBe(400);
    expect(
      (await call('POST', '/api/v1/auth/verify-email', { body: { token: tokenIn(second) } })).status,
    ).toBe(204);
  });

  it('refuses an expired link', async () => {
    const user = await register();
    const token = tokenIn(await mailTo(user.user.email, 'Confirm your email address'));
    await auth.db.query(
      `update email_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.user.id],
    );
    const reply = await call('POST', '/api/v1/auth/verify-email', { body: { token } });
    expect(reply.body.error.code).toBe('INVALID_TOKEN');
  });

  it('with AUTH_UNVERIFIED_POLICY=block, signs in only once the address is verified', async () => {
    const name = unique('blocked_');
    const email = `${name}@example.com`;
    const registered = await call<{ user: User; verificationRequired: boolean; accessToken?: string }>(
      'POST',
      '/api/v1/auth/register',
      { on: blocking, body: { email, username: name, password: PASSWORD } },
    );
    expect(registered.status).toBe(202);
    expect(registered.body).toMatchObject({
      verificationRequired: true,
      user: { email, emailVerified: false },
    });
    expect(registered.body.accessToken).toBeUndefined();

    const refused = await login(email, PASSWORD, blocking);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('EMAIL_NOT_VERIFIED');
    expect((await login(email, PASSWORD)).status).toBe(200); // the `allow` replica lets them in

    const token = tokenIn(await mailTo(email, 'Confirm your email address'));
    expect((await call('POST', '/api/v1/auth/verify-email', { body: { token }, on: blocking })).status).toBe(
      204,
    );
    expect((await login(email, PASSWORD, blocking)).status).toBe(200);
  });
});

describe('password reset', () => {
  it('mails a link that sets the password once, revoking every session', async () => {
    const user = await register();
    const second = await login(user.user.username, PASSWORD);
    const reply = await call('POST', '/api/v1/auth/password-reset', { body: { email: user.user.email } });
    expect(reply).toEqual({ status: 202, body: { accepted: true } });
    const mail = await mailTo(user.user.email, 'Reset your password');
    expect(mail.text).toContain('expires in 30 minutes');
    const token = linkOf(mail, '/reset-password');

    // A weak password is refused without spending the token.
    const weak = await call('POST', '/api/v1/auth/password-reset/confirm', {
      body: { token, password: user.user.username },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');

    const newPassword = 'a brand new passphrase';
    const confirmed = await call('POST', '/api/v1/auth/password-reset/confirm', {
      body: { token, password: newPassword },
    });
    expect(confirmed.status).toBe(204);

    for (const refreshToken of [user.refreshToken, second.body.refreshToken]) {
      const refreshed = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
      expect(refreshed.status).toBe(401);
    }
    const { rows } = await auth.db.query(
      'select revoked_reason from sessions where user_id = $1 and revoked_at is not null',
      [user.user.id],
    );
    expect(rows.map((row) => row.revoked_reason)).toEqual(['password_reset', 'password_reset']);
    expect((await login(user.user.username, PASSWORD)).status).toBe(401);
    const signedIn = await login(user.user.username, newPassword);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.emailVerified).toBe(true); // the link proved the mailbox

    const reused = await call('POST', '/api/v1/auth/password-reset/confirm', {
      body: { token, password: 'yet another passphrase' },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const email = `${unique('ghost_')}@example.com`;
    const reply = await call('POST', '/api/v1/auth/password-reset', { body: { email } });
    expect(reply).toEqual({ status: 202, body: { accepted: true } });
    await sleep(800);
    expect(await inbox(email)).toEqual([]);
  });

  it('refuses an expired link, and an older link once a newer one was sent', async () => {
    const user = await register();
    await call('POST', '/api/v1/auth/password-reset', { body: { email: user.user.email } });
    const older = tokenIn(await mailTo(user.user.email, 'Reset your password'));
    await sleep(COOLDOWN_SECONDS * 1000 + 100);
    await call('POST', '/api/v1/auth/password-reset', { body: { email: user.user.email } });
    const newer = tokenIn(
      await waitForMail(
        () => inbox(user.user.email),
        (mail) => mail.subject === 'Reset your password' && tokenIn(mail) !== older,
      ),
    );
    const stale = await call('POST', '/api/v1/auth/password-reset/confirm', {
      body: { token: older, password: 'a brand new passphrase' },
    });
    expect(stale.body.error.code).toBe('INVALID_TOKEN');

    await auth.db.query(
      `update email_tokens set expires_at = now() - interval '1 second' where user_id = $1 and purpose = 'password_reset'`,
      [user.user.id],
    );
    const expired = await call('POST', '/api/v1/auth/password-reset/confirm', {
      body: { token: newer, password: 'a brand new passphrase' },
    });
    expect(expired.body.error.code).toBe('INVALID_TOKEN');
    expect((await login(user.user.username, PASSWORD)).status).toBe(200);
  });
});

describe('email change', () => {
  it('confirms through the new address, tells the old one, and changes only when confirmed', async () => {
    const user = await register();
    const other = await register();
    const newEmail = `${unique('new_')}@example.com`;
    const path = '/api/v1/users/@me/email';

    const wrong = await call('PATCH', path, {
      as: user.identity,
      body: { email: newEmail, password: 'wrong one' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_CURRENT_PASSWORD');
    const taken = await call('PATCH', path, {
      as: user.identity,
      body: { email: other.user.email.toUpperCase(), password: PASSWORD },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');
    const same = await call('PATCH', path, {
      as: user.identity,
      body: { email: user.user.email, password: PASSWORD },
    });
    expect(same.body.error.code).toBe('EMAIL_UNCHANGED');
    expect((await call('PATCH', path, { body: { email: newEmail, password: PASSWORD } })).status).toBe(401);

    const accepted = await call('PATCH', path, {
      as: user.identity,
      body: { email: newEmail, password: PASSWORD },
    });
    expect(accepted).toEqual({ status: 202, body: { accepted: true } });
    const confirmation = await mailTo(newEmail, 'Confirm your new email address');
    const notice = await mailTo(user.user.email, 'Your email address is being changed');
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toMatch(/token=/);
    const token = linkOf(confirmation, '/confirm-email');

    expect((await call<User>('GET', '/api/v1/users/@me', { as: user.identity })).body.email).toBe(
      user.user.email,
    );
    expect((await call('POST', '/api/v1/auth/email-change/confirm', { body: { token } })).status).toBe(204);
    const me = await call<User>('GET', '/api/v1/users/@me', { as: user.identity });
    expect(me.body).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await login(newEmail, PASSWORD)).status).toBe(200);
    expect((await login(user.user.email, PASSWORD)).status).toBe(401);

    const reused = await call('POST', '/api/v1/auth/email-change/confirm', { body: { token } });
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses the link when another account took the address meanwhile', async () => {
    const user = await register();
    const newEmail = `${unique('race_')}@example.com`;
    await call('PATCH', '/api/v1/users/@me/email', {
      as: user.identity,
      body: { email: newEmail, password: PASSWORD },
    });
    const token = tokenIn(await mailTo(newEmail, 'Confirm your new email address'));
    const name = unique('taker_');
    await call('POST', '/api/v1/auth/register', {
      body: { email: newEmail, username: name, password: PASSWORD },
    });
    const reply = await call('POST', '/api/v1/auth/email-change/confirm', { body: { token } });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('EMAIL_TAKEN');
  });
});

describe('mail outbox', () => {
  it('sends a job committed before a crash (found by the next poll), then deletes it', async () => {
    const to = `${unique('crash_')}@example.com`;
    await auth.db.query(
      `insert into mail_jobs (id, template, locale, to_address, params) values ($1, 'emailChangeNotice', 'en', $2, $3)`,
      [
        String(BigInt(Date.now()) * 1000n + BigInt(randomInt(1000))),
        to,
        JSON.stringify({ username: 'x', email: 'y@example.com' }),
      ],
    );
    const mail = await mailTo(to, 'Your email address is being changed');
    expect(mail.text).toContain('y@example.com');
    await sleep(200);
    const { rows } = await auth.db.query('select 1 from mail_jobs where to_address = $1', [to]);
    expect(rows).toEqual([]);
  });

  it('retries a job that fails, later, and records why', async () => {
    const to = `${unique('broken_')}@example.com`;
    await auth.db.query(
      `insert into mail_jobs (id, template, locale, to_address, params) values ($1, 'noSuchTemplate', 'en', $2, '{}')`,
      [String(BigInt(Date.now()) * 1000n + BigInt(randomInt(1000))), to],
    );
    let row:
      { attempts: number; last_error: string; next_attempt_at: Date; failed_at: Date | null } | undefined;
    for (let i = 0; i < 50 && !row?.attempts; i++) {
      await sleep(100);
      row = (await auth.db.query('select * from mail_jobs where to_address = $1', [to])).rows[0];
    }
    expect(row).toMatchObject({ attempts: 1, failed_at: null });
    expect(row!.last_error).toContain('noSuchTemplate');
    expect(row!.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    await auth.db.query('delete from mail_jobs where to_address = $1', [to]);
  });
});
