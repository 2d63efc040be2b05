import { ConfigError, loadConfig } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { authConfigSchema } from './config';

const required = {
  AUTH_DATABASE_URL: 'postgres://bonfire:bonfire@127.0.0.1:5432/bonfire_auth',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_SECRET: 'x'.repeat(32),
  AUTH_KEY_ENCRYPTION_SECRET: 'y'.repeat(32),
};

describe('auth config', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig('auth', authConfigSchema, required)).toMatchObject({
      AUTH_HOST: '127.0.0.1',
      AUTH_PORT: 8081,
      AUTH_BODY_LIMIT: '64kb',
      JWT_ISSUER: 'bonfire',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      AUTH_KEY_ROTATION_DAYS: 30,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: 5,
      LOGIN_BACKOFF_BASE_SECONDS: 30,
      LOGIN_BACKOFF_MAX_SECONDS: 900,
      LOGIN_MAX_FAILURES_PER_IP: 50,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 1000,
      LOGIN_FAILURE_KEY_PREFIX: 'auth:login-failures',
      ARGON2_MEMORY_KIB: 19_456,
      ARGON2_TIME_COST: 2,
      ARGON2_PARALLELISM: 1,
      AUTH_OUTBOX_RELAY_ENABLED: true,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
    });
  });

  it('has no default for secrets and names each bad variable', () => {
    const { AUTH_KEY_ENCRYPTION_SECRET: _omitted, ...withoutKeySecret } = required;
    expect(() =>
      loadConfig('auth', authConfigSchema, { ...withoutKeySecret, INTERNAL_IDENTITY_SECRET: 'short' }),
    ).toThrow(ConfigError);
    try {
      loadConfig('auth', authConfigSchema, { ...withoutKeySecret, INTERNAL_IDENTITY_SECRET: 'short' });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems.some((problem) => problem.startsWith('AUTH_KEY_ENCRYPTION_SECRET: missing'))).toBe(
        true,
      );
      expect(problems.some((problem) => problem.startsWith('INTERNAL_IDENTITY_SECRET'))).toBe(true);
      expect(problems.join('\n')).not.toContain('short');
    }
  });
});

describe('auth config shapes', () => {
  const { AUTH_DATABASE_URL: _db, REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...secrets } = required;

  it('needs no real-server settings in the standalone shape', () => {
    const config = loadConfig('auth', authConfigSchema, { ...secrets, BONFIRE_MODE: 'standalone' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.BONFIRE_MODE).toBe('standalone');
  });

  it('reports REDIS_URL missing in the distributed shape', () => {
    const { REDIS_URL: _omitted, ...withoutRedis } = required;
    expect(() => loadConfig('auth', authConfigSchema, withoutRedis)).toThrow(/REDIS_URL: missing/);
  });
});
