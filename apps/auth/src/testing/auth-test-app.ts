import { randomBytes, randomInt } from 'node:crypto';
import {
  type CallerIdentity,
  CLIENT_ADDRESS_HEADER,
  type RunningService,
  signClientAddress,
} from '@bonfire/platform';
import { createTestDatabase, ServiceTestClient, type TestDatabase } from '@bonfire/platform/testing';
import { decodeJwt } from 'jose';
import pg from 'pg';
import { startAuth } from '../bootstrap';
import { base32Decode, hotp, totpStep } from '../two-factor/totp';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface AuthReply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface AuthCallOptions {
  body?: unknown;
  /** Act as this signed-in user (the identity the gateway would sign); omit for an anonymous call. */
  as?: CallerIdentity;
  /** The client address the gateway would sign; a random one by default, so the per-address limits stay apart. */
  ip?: string;
  /** More headers, which win over the signed ones (e.g. a forged client address). */
  headers?: Record<string, string>;
}

/** What register sends, beyond the defaults. */
interface RegisterOptions {
  password?: string;
  /** The exact username, instead of `<prefix>_<random>`. */
  username?: string;
  /** The address, instead of `<username>@example.com`. */
  email?: string;
  /** More fields of the register body (e.g. `deviceLabel`, `inviteCode`). */
  extra?: Record<string, unknown>;
}

/** The body register answers. */
export interface RegisterBody {
  user: { id: string };
  accessToken: string;
  refreshToken: string;
}

/** A registered account: its ids, name and the identity of the session register opened. */
export interface TestAccount {
  userId: string;
  username: string;
  email: string;
  accessToken: string;
  refreshToken: string;
  as: CallerIdentity;
  /** The body register answered, as it came. */
  body: RegisterBody;
}

/** What turning two-factor on gives a test: the TOTP secret and the ten recovery codes. */
interface TwoFactorSecrets {
  secret: Buffer;
  recoveryCodes: string[];
}

/** The TOTP code of the step `offset` steps from now (0: the current one). */
export function totpCode(secret: Buffer, offset = 0): string {
  return hotp(secret, totpStep(Date.now()) + offset);
}

export const randomIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** The identity (user and session) an access token carries, as the gateway would sign it. */
export function identityOf(accessToken: string): CallerIdentity {
  const claims = decodeJwt(accessToken);
  return { userId: String(claims.sub), sessionId: String(claims.sid) };
}

/**
 * The auth service for a medium test: started in this process on a throwaway database of the local Postgres,
 * called as the gateway calls it (signed identity and client address), with a direct connection to its
 * database for the assertions a test makes on what is stored.
 */
export class AuthTestApp {
  private constructor(
    readonly service: RunningService,
    readonly database: TestDatabase,
    /** A direct connection to the service's database. */
    readonly db: pg.Client,
    private readonly primary: AuthTestClient,
    private readonly identitySecret: string,
    private readonly replicas: RunningService[],
  ) {}

  /** Starts auth with the test settings plus `settings` (e.g. limits made small enough to reach). */
  static async start(prefix: string, settings: Record<string, string> = {}): Promise<AuthTestApp> {
    const identitySecret = process.env.INTERNAL_IDENTITY_SECRET ?? 'test-internal-identity-secret-0123456789';
    const database = await createTestDatabase(`bonfire_auth_${prefix}`);
    const service = await startAuth(
      { ...authTestEnv(database.url, identitySecret), ...settings },
      { handleSignals: false },
    );
    const db = new pg.Client(database.url);
    await db.connect();
    return new AuthTestApp(
      service,
      database,
      db,
      new AuthTestClient(new ServiceTestClient(service.url, identitySecret), identitySecret),
      identitySecret,
      [],
    );
  }

  /** Another replica of the service on the same database, with other settings. */
  async replica(settings: Record<string, string>): Promise<AuthTestClient> {
    const service = await startAuth(
      { ...authTestEnv(this.database.url, this.identitySecret), ...settings },
      { handleSignals: false },
    );
    this.replicas.push(service);
    return new AuthTestClient(new ServiceTestClient(service.url, this.identitySecret), this.identitySecret);
  }

  get url(): string {
    return this.service.url;
  }

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: AuthCallOptions = {},
  ): Promise<AuthReply<T>> {
    return this.primary.call<T>(method, path, options);
  }

  /** Registers a new account `<prefix>_<random>` (201 expected) and answers it. */
  register(prefix: string, options: RegisterOptions = {}): Promise<TestAccount> {
    return this.primary.register(prefix, options);
  }
  /** Turns two-factor on for `account` (enrol with `password`, confirm with a current code). */
  enableTwoFactor(account: TestAccount, password = TEST_PASSWORD): Promise<TwoFactorSecrets> {
    return this.primary.enableTwoFactor(account, password);
  }

  async stop(): Promise<void> {
    await this.db.end();
    for (const replica of this.replicas) await replica.stop();
    await this.service.stop();
    await this.database.drop();
  }
}

/** Calls one auth replica as the gateway would. */
export class AuthTestClient {
  constructor(
    private readonly client: ServiceTestClient,
    private readonly identitySecret: string,
  ) {}

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: AuthCallOptions = {},
  ): Promise<AuthReply<T>> {
    return this.client.call<T>(method, path, {
      body: options.body,
      as: options.as,
      headers: {
        [CLIENT_ADDRESS_HEADER]: signClientAddress(this.identitySecret, options.ip ?? randomIp()),
        ...options.headers,
      },
    });
  }

  async register(prefix: string, options: RegisterOptions = {}): Promise<TestAccount> {
    const username = options.username ?? `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
    const email = options.email ?? `${username}@example.com`;
    const password = options.password ?? TEST_PASSWORD;
    const reply = await this.call<RegisterBody>('POST', '/api/v1/auth/register', {
      body: { email, username, password, ...options.extra },
    });
    if (reply.status !== 201) {
      throw new Error(`register ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    const { accessToken, refreshToken } = reply.body;
    return {
      userId: reply.body.user.id,
      username,
      email,
      accessToken,
      refreshToken,
      as: identityOf(accessToken),
      body: reply.body,
    };
  }
  async enableTwoFactor(account: TestAccount, password = TEST_PASSWORD): Promise<TwoFactorSecrets> {
    const enrol = await this.call<{ secret: string }>('POST', '/api/v1/users/@me/mfa/totp', {
      as: account.as,
      body: { password },
    });
    if (enrol.status !== 200) throw new Error(`enrol: ${enrol.status} ${JSON.stringify(enrol.body)}`);
    const secret = base32Decode(enrol.body.secret);
    const confirmed = await this.call<{ recoveryCodes: string[] }>(
      'POST',
      '/api/v1/users/@me/mfa/totp/confirm',
      {
        as: account.as,
        body: { code: totpCode(secret, -1) },
      },
    );
    if (confirmed.status !== 200)
      throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes };
  }
}

function authTestEnv(databaseUrl: string, identitySecret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AUTH_PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_DATABASE_URL: databaseUrl,
    INTERNAL_IDENTITY_SECRET: identitySecret,
    AUTH_KEY_ENCRYPTION_SECRET:
      process.env.AUTH_KEY_ENCRYPTION_SECRET ?? 'test-key-encryption-secret-0123456789abcdef',
    // Failed-login counters of this run only (e2e through the gateway counts failures of 127.0.0.1 too).
    LOGIN_FAILURE_KEY_PREFIX: `auth-test:${databaseUrl.slice(databaseUrl.lastIndexOf('/') + 1)}`,
  };
}
