import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, describeConfig, env, loadConfig } from './load-config';
import { unsafeSecretProblems } from './production-secrets';

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

  it('reads an empty variable as unset: the default or optional applies, and a required one is missing', () => {
    const optional = z.object({
      SMTP_URL: env.url(['smtp']).optional(),
      WORKER_ID: z.coerce.number().int().min(0).optional(),
      GATEWAY_PORT: env.port().default(8080),
    });
    expect(loadConfig('auth', optional, { SMTP_URL: '', WORKER_ID: '', GATEWAY_PORT: '' })).toEqual({
      GATEWAY_PORT: 8080,
    });
    expect(() =>
      loadConfig('gateway', schema, { GATEWAY_PORT: '8080', REDIS_URL: '', DB_PASSWORD: 'long-enough' }),
    ).toThrow(/REDIS_URL/);
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

describe('loadConfig with NODE_ENV=production', () => {
  const secrets = z.object({
    NODE_ENV: z.string().optional(),
    INTERNAL_IDENTITY_SECRET: z.string().min(32),
    VOICE_TOKEN_SECRET: z.string().min(1),
    S3_ACCESS_KEY_ID: z.string().min(1),
    S3_SECRET_ACCESS_KEY: z.string().min(1),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number(),
    VOICE_DTLS_PRIVATE_KEY_FILE: z.string().optional(),
    AUTH_DATABASE_URL: env.url(['postgres']),
    REDIS_URL: env.url(['redis']),
  });
  const strong = (label: string) => `${label}-${'k'.repeat(40)}`;
  const safe = {
    NODE_ENV: 'production',
    INTERNAL_IDENTITY_SECRET: strong('identity'),
    VOICE_TOKEN_SECRET: strong('voice'),
    S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    S3_SECRET_ACCESS_KEY: strong('s3'),
    ACCESS_TOKEN_TTL_SECONDS: '900',
    VOICE_DTLS_PRIVATE_KEY_FILE: '/run/key.pem',
    AUTH_DATABASE_URL: `postgres://bonfire:${strong('db')}@db:5432/bonfire_auth`,
    REDIS_URL: 'redis://redis:6379',
  };

  function problemsOf(environment: Record<string, string>): readonly string[] {
    try {
      loadConfig('auth', secrets, environment);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    return [];
  }

  it('boots with long secrets of its own; identifiers, file paths and lifetimes are not secrets', () => {
    expect(problemsOf(safe)).toEqual([]);
  });

  it('refuses every secret shipped in bonfire.env or the compose file, naming each in one error', () => {
    const problems = problemsOf({
      ...safe,
      INTERNAL_IDENTITY_SECRET: 'dev-only-internal-identity-secret-change-me',
      VOICE_TOKEN_SECRET: 'dev-only-voice-token-secret-change-me-please',
      AUTH_DATABASE_URL: 'postgres://bonfire:bonfire@postgres:5432/bonfire_auth',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'INTERNAL_IDENTITY_SECRET',
      'VOICE_TOKEN_SECRET',
      'AUTH_DATABASE_URL',
    ]);
    expect(problems.every((problem) => problem.includes('shipped'))).toBe(true);
    expect(problems.join('\n')).not.toMatch(/dev-only|bonfire:bonfire/);
  });

  it('refuses secrets and URL passwords shorter than 32 bytes without showing them', () => {
    const problems = problemsOf({
      ...safe,
      S3_SECRET_ACCESS_KEY: 'short-secret',
      REDIS_URL: 'redis://:hunter2@redis:6379',
    });
    expect(problems).toEqual([
      'S3_SECRET_ACCESS_KEY: this secret is shorter than 32 bytes (NODE_ENV=production)',
      'REDIS_URL: the password in this URL is shorter than 32 bytes (NODE_ENV=production)',
    ]);
    // 32 bytes of UTF-8 are enough even when fewer characters.
    expect(problemsOf({ ...safe, S3_SECRET_ACCESS_KEY: 'é'.repeat(16) })).toEqual([]);
  });

  it("accepts an SMTP provider's short password in SMTP_URL, but not a shipped one", () => {
    expect(
      unsafeSecretProblems(['SMTP_URL'], { SMTP_URL: 'smtps://me:abcdefghijklmnop@smtp.example:465' }),
    ).toEqual([]);
    expect(
      unsafeSecretProblems(['SMTP_URL'], { SMTP_URL: 'smtp://bonfire:bonfire@smtp.example' }),
    ).toHaveLength(1);
  });

  it('reports unsafe secrets in the same error as malformed variables', () => {
    const problems = problemsOf({ ...safe, REDIS_URL: 'http://x', VOICE_TOKEN_SECRET: 'bonfire-dev-secret' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'REDIS_URL',
      'VOICE_TOKEN_SECRET',
    ]);
    // A secret the schema already refused is named once.
    const tooShort = problemsOf({ ...safe, INTERNAL_IDENTITY_SECRET: 'short' });
    expect(tooShort).toHaveLength(1);
    expect(tooShort[0]).toMatch(/^INTERNAL_IDENTITY_SECRET: /);
  });

  it('leaves development and tests alone', () => {
    const shipped = { ...safe, INTERNAL_IDENTITY_SECRET: 'dev-only-internal-identity-secret-change-me' };
    expect(problemsOf({ ...shipped, NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ ...shipped, NODE_ENV: 'test' })).toEqual([]);
    const { NODE_ENV: _unset, ...withoutNodeEnv } = shipped;
    expect(problemsOf(withoutNodeEnv)).toEqual([]);
  });
});
