import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, describeConfig, env, loadConfig } from './load-config';

const schema = z.object({
  GATEWAY_PORT: env.port(),
  REDIS_URL: env.url(['redis']),
  DB_PASSWORD: z.string().min(8),
});

describe('loadConfig', () => {
  it('returns typed values when the environment is valid', () => {
    const config = loadConfig('gateway', schema, {
      GATEWAY_PORT: '8080',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DB_PASSWORD: 'long-enough',
    });
    expect(config).toEqual({
      GATEWAY_PORT: 8080,
      REDIS_URL: 'redis://127.0.0.1:6379',
      DB_PASSWORD: 'long-enough',
    });
  });

  it('names every missing or malformed variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig('gateway', schema, { GATEWAY_PORT: 'eighty', DB_PASSWORD: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('GATEWAY_PORT'))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith('REDIS_URL'))).toContain('missing');
    const password = problems.find((p) => p.startsWith('DB_PASSWORD'));
    expect(password).toContain('***');
    expect(password).not.toContain('short');
    expect((caught as Error).message).toContain('Invalid configuration for gateway');
  });

  it('rejects a URL with the wrong protocol', () => {
    expect(() =>
      loadConfig('gateway', schema, {
        GATEWAY_PORT: '1',
        REDIS_URL: 'http://127.0.0.1',
        DB_PASSWORD: 'long-enough',
      }),
    ).toThrow(/REDIS_URL: must be a redis URL/);
  });
});

describe('describeConfig', () => {
  it('masks secrets and URL passwords', () => {
    expect(
      describeConfig({
        S3_SECRET_ACCESS_KEY: 'abc',
        AUTH_DATABASE_URL: 'postgres://bonfire:hunter2@127.0.0.1:5432/bonfire_auth',
        GATEWAY_PORT: 8080,
      }),
    ).toEqual({
      S3_SECRET_ACCESS_KEY: '***',
      AUTH_DATABASE_URL: 'postgres://bonfire:***@127.0.0.1:5432/bonfire_auth',
      GATEWAY_PORT: 8080,
    });
  });
});
