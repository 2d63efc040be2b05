import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestDatabase } from '@bonfire/platform/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const workspaceRoot = resolve(__dirname, '../..');

function runService(service: string, args: string[], env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [resolve(workspaceRoot, 'apps', service, 'dist/main.js'), ...args], {
    env: { PATH: process.env['PATH'], ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('service commands', () => {
  it.each(['auth', 'chat'])(
    '`%s migrate` applies the migrations once and then reports up to date',
    async (service) => {
      const database = await createTestDatabase(`bonfire_${service}_migrate`);
      const variable = `${service.toUpperCase()}_DATABASE_URL`;
      try {
        const first = runService(service, ['migrate'], { [variable]: database.url });
        expect(first.status, first.stderr).toBe(0);
        expect(first.stdout).toMatch(/applied \d+ migration/);
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const tables = await client.query<{ count: string }>(
          "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'outbox_events'",
        );
        await client.end();
        expect(tables.rows[0]?.count).toBe('1');
        const second = runService(service, ['migrate'], { [variable]: database.url });
        expect(second.status).toBe(0);
        expect(second.stdout).toContain('database is up to date');
      } finally {
        await database.drop();
      }
    },
  );

  it('refuses to start with bad config, naming every bad variable, and exits 1', () => {
    const result = runService('gateway', [], { GATEWAY_PORT: 'eighty', REDIS_URL: 'http://nope' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration for gateway');
    for (const variable of ['GATEWAY_PORT', 'REDIS_URL', 'AUTH_URL', 'INTERNAL_IDENTITY_SECRET']) {
      expect(result.stderr).toContain(variable);
    }
  });

  it('rejects an unknown command', () => {
    const result = runService('auth', ['frobnicate'], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command');
  });
});
