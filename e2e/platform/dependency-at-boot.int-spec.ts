import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/stack';

const workspaceRoot = resolve(__dirname, '../..');

/** Runs a service's build output to its end; resolves with its exit code and everything it printed. */
function runService(service: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(
      process.execPath,
      [resolve(workspaceRoot, 'apps', service, 'dist/main.js'), ...args],
      {
        env: { ...process.env, LOG_LEVEL: 'info', [`${service.toUpperCase()}_PORT`]: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      done({ code, output });
    });
  });
}

// A server that is down at boot (Postgres, Redis, Kafka, Elasticsearch; not S3) ends the service with exactly one fatal JSON line naming the dependency, the
// variable and the address, and exit code 69; no stack trace, no client library's retry noise.
describe('a dependency unreachable at boot', () => {
  it.each([
    {
      service: 'gateway',
      args: [],
      variable: 'REDIS_URL',
      dependency: 'redis',
      url: 'redis://127.0.0.1:PORT',
    },
    { service: 'chat', args: [], variable: 'KAFKA_BROKERS', dependency: 'kafka', url: '127.0.0.1:PORT' },
    {
      service: 'search',
      args: [],
      variable: 'ELASTICSEARCH_URL',
      dependency: 'elasticsearch',
      url: 'http://127.0.0.1:PORT',
    },
    {
      service: 'auth',
      args: [],
      variable: 'AUTH_DATABASE_URL',
      dependency: 'postgres',
      url: 'postgres://bonfire:bonfire@127.0.0.1:PORT/bonfire_auth',
    },
    {
      service: 'file',
      args: ['migrate'],
      variable: 'FILE_DATABASE_URL',
      dependency: 'postgres',
      url: 'postgres://bonfire:bonfire@127.0.0.1:PORT/bonfire_file',
    },
  ])(
    '$service $args: $variable closed → one fatal line naming $dependency, exit 69',
    async ({ service, args, variable, dependency, url }) => {
      const port = await freePort(); // free, so nothing listens there
      const { code, output } = await runService(service, args, {
        [variable]: url.replace('PORT', String(port)),
      });
      const lines = output.trim().split('\n');
      expect(lines, output).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(line).toMatchObject({
        level: 'fatal',
        service,
        dependency,
        variable,
        address: `127.0.0.1:${port}`,
        reason: 'connect ECONNREFUSED',
      });
      expect(line['msg']).toContain(`cannot reach ${dependency} at 127.0.0.1:${port} (${variable})`);
      expect(output).not.toMatch(/\n\s+at |"stack"/);
      expect(code).toBe(69);
    },
    30_000,
  );
});
