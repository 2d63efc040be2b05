import { baseServiceConfig, databaseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

/**
 * Everything the auth service reads from its environment. Secrets come only from here (never from code
 * defaults): INTERNAL_IDENTITY_SECRET and AUTH_KEY_ENCRYPTION_SECRET have no defaults.
 */
export const authConfigSchema = baseServiceConfig.extend({
  AUTH_HOST: env.host().default('127.0.0.1'),
  AUTH_PORT: env.port().default(8081),
  AUTH_DATABASE_URL: env.distributedOnly(env.url(['postgres', 'postgresql'])),
  AUTH_DATABASE_POOL_SIZE: env.positiveInt().default(10),
  ...databaseServiceConfig,
  /** JSON body limit for requests (express/body-parser syntax). */
  AUTH_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 64kb')
    .default('64kb'),
  REDIS_URL: env.distributedOnly(env.url(['redis', 'rediss'])),
  KAFKA_BROKERS: env.distributedOnly(env.list()),
  /** Publish the outbox to Kafka from this process (one relay per database holds the lock at a time). */
  AUTH_OUTBOX_RELAY_ENABLED: env.boolean().default(true),
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  /** Snowflake worker id; leave unset to lease a free one from Redis (each replica gets its own). */
  WORKER_ID: z.coerce.number().int().min(0).max(1023).optional(),

  JWT_ISSUER: z.string().min(1).default('bonfire'),
  ACCESS_TOKEN_TTL_SECONDS: env.positiveInt().max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: env.positiveInt().max(365).default(30),
  /** Encrypts the signing keys' private halves at rest (AES-256-GCM under a key derived with HKDF). */
  AUTH_KEY_ENCRYPTION_SECRET: z.string().min(32),
  AUTH_KEY_ROTATION_DAYS: env.positiveInt().default(30),

  /** Failed logins per window (see apps/auth/src/brute-force/brute-force.service.ts for the rules). */
  LOGIN_FAILURE_WINDOW_SECONDS: env.positiveInt().default(900),
  /** Where the failed-login counters live in Redis (tests give each run its own). */
  LOGIN_FAILURE_KEY_PREFIX: z.string().min(1).default('auth:login-failures'),
  /** Failures of one account from one address before back-off starts… */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: env.positiveInt().default(5),
  /** …then that pair waits this long, doubled by each further failure, up to the maximum. */
  LOGIN_BACKOFF_BASE_SECONDS: env.positiveInt().default(30),
  LOGIN_BACKOFF_MAX_SECONDS: env.positiveInt().default(900),
  /** Ceiling for one address across accounts. */
  LOGIN_MAX_FAILURES_PER_IP: env.positiveInt().default(50),
  /** Safety net for one account across addresses; it blocks the owner too, hence high. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: env.positiveInt().default(1000),

  /** argon2id cost. Defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane); raise them on strong hardware. */
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8_192).default(19_456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).default(2),
  ARGON2_PARALLELISM: z.coerce.number().int().min(1).max(16).default(1),

  /**
   * Where mails go. `auto`: SMTP_URL in the distributed shape, the folder BONFIRE_DATA_DIR/mail in the
   * standalone one (and in the distributed one when SMTP_URL is unset, with a warning at boot).
   */
  MAIL_TRANSPORT: z.enum(['auto', 'smtp', 'folder']).default('auto'),
  /** smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://host:465. */
  SMTP_URL: env.url(['smtp', 'smtps']).optional(),
  /** The From of every mail. */
  MAIL_FROM: z.string().min(3).default('Bonfire <no-reply@localhost>'),
  /** The folder of the `folder` transport (default BONFIRE_DATA_DIR/mail). */
  MAIL_FOLDER: z.string().min(1).optional(),
  /** How often the sender looks for due mail jobs (it is also woken after each commit that queues one). */
  MAIL_POLL_INTERVAL_MS: env.positiveInt().default(5_000),
  /** Tries per mail before it is marked failed; waits double from 5 s up to 15 min between tries. */
  MAIL_MAX_ATTEMPTS: env.positiveInt().default(12),
  /** The web client's address, the base of the links in mails (/verify-email?token=…, /reset-password…). */
  AUTH_WEB_URL: env.url(['http', 'https']).default('http://localhost:8080'),
  /** What an account whose email is not verified may do: `allow` everything, or `block` signing in. */
  AUTH_UNVERIFIED_POLICY: z.enum(['allow', 'block']).default('allow'),
  /** Lifetimes of the mailed links. */
  AUTH_VERIFY_EMAIL_TTL_SECONDS: env.positiveInt().default(172_800),
  AUTH_PASSWORD_RESET_TTL_SECONDS: env.positiveInt().default(1_800),
  AUTH_EMAIL_CHANGE_TTL_SECONDS: env.positiveInt().default(86_400),
  /** One verification or reset mail per account per this many seconds (further requests are ignored). */
  AUTH_MAIL_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Two-factor: the issuer authenticator apps show beside the account, and the login ticket's lifetime. */
  AUTH_TOTP_ISSUER: z.string().trim().min(1).max(64).default('Bonfire'),
  AUTH_MFA_TICKET_TTL_SECONDS: env.positiveInt().max(3_600).default(300),
  /** Who may register until an admin changes it (admin/): `open`, `invite_only` (an instance invite) or `closed`. */
  AUTH_REGISTRATION_MODE: z.enum(['open', 'invite_only', 'closed']).default('open'),
  /** Instance admins besides the first registered user, by email (comma list; the address must be verified). */
  BONFIRE_ADMIN_EMAILS: env.list().pipe(z.array(z.email())).optional(),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;

/** Injection token for the validated config. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
