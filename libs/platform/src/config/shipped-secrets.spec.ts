import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretHeldBy } from './production-secrets';
import { FORMERLY_SHIPPED_SECRETS, SHIPPED_SECRETS } from './shipped-secrets';

const root = resolve(__dirname, '../../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

/** KEY=VALUE lines of bonfire.env. */
function envFileSettings(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!]);
}

/**
 * `KEY: value` lines of the compose file, with every `${VAR:-fallback}` replaced by its fallback and every
 * required `${VAR:?message}` by nothing (it ships no value).
 */
function composeSettings(text: string): [string, string][] {
  const withFallbacks = text
    .replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1')
    .replace(/\$\{[A-Z0-9_]+:\?[^}]*\}/g, '');
  return withFallbacks
    .split('\n')
    .map((line) => /^\s*([A-Z][A-Z0-9_]*):\s*['"]?(.*?)['"]?\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!]);
}

/** `${SECRET_NAME:-fallback}` anywhere in the compose file (also inside URLs and under other names). */
function composeFallbacks(text: string): [string, string][] {
  return [...text.matchAll(/\$\{([A-Z0-9_]+):-([^}]*)\}/g)].map((match) => [match[1]!, match[2]!]);
}

function secretsIn(settings: [string, string][]): string[] {
  return settings.flatMap(([name, value]) => {
    const held = secretHeldBy(name, value);
    return held ? [held.secret] : [];
  });
}

describe('SHIPPED_SECRETS', () => {
  const envFile = read('bonfire.env');
  const compose = read('docker/docker-compose.yml');
  const found = new Set([
    ...secretsIn(envFileSettings(envFile)),
    ...secretsIn(composeSettings(compose)),
    ...secretsIn(composeFallbacks(compose)),
  ]);

  it('lists every secret value bonfire.env and docker-compose.yml ship, and nothing else', () => {
    expect(found.size).toBeGreaterThanOrEqual(5);
    expect([...found].sort()).toEqual([...SHIPPED_SECRETS].sort());
  });

  it('ships no secret in docker-compose.yml: every one is required (${VAR:?})', () => {
    expect(secretsIn(composeFallbacks(compose))).toEqual([]);
    for (const name of [
      'POSTGRES_PASSWORD',
      'S3_SECRET_ACCESS_KEY',
      'INTERNAL_IDENTITY_SECRET',
      'AUTH_KEY_ENCRYPTION_SECRET',
      'VOICE_TOKEN_SECRET',
    ]) {
      expect(compose).toContain(`\${${name}:?`);
    }
  });

  it('still refuses values earlier versions shipped', () => {
    expect(FORMERLY_SHIPPED_SECRETS.every((secret) => !SHIPPED_SECRETS.includes(secret))).toBe(true);
  });

  it('finds the secrets the way the production check reads them (whole values and URL passwords)', () => {
    expect(
      secretsIn(envFileSettings('INTERNAL_IDENTITY_SECRET=abc\nS3_ACCESS_KEY_ID=id\nGATEWAY_PORT=1')),
    ).toEqual(['abc']);
    expect(
      secretsIn(composeSettings('  X_DATABASE_URL: postgres://u:${P:-pw}@h/db\n  REDIS_URL: redis://h:6379')),
    ).toEqual(['pw']);
  });
});
