import { baseServiceConfig, env } from '@bonfire/platform';
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
});

export type AuthConfig = z.infer<typeof authConfigSchema>;

/** Injection token for the validated config. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
