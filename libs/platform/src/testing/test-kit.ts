import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type CallerIdentity, IDENTITY_HEADER, signIdentity } from '../identity/internal-identity';

/**
 * Helpers for integration tests of a service against the real local servers: a throwaway database
 * and an HTTP client that calls the service the way the gateway does (signed identity header).
 */

function adminUrl(env: NodeJS.ProcessEnv = process.env): string {
  const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_HOST, POSTGRES_PORT } = env;
  return `postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@${POSTGRES_HOST}:${POSTGRES_PORT}/postgres`;
}

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database named `<prefix>_<random>` on the local Postgres; `drop()` removes it. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await asAdmin(`create database "${name}"`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => dropDatabase(name) };
}

/**
 * Drops a test database. Connections of pools the test closed may still be on their way out (`pool.end()`
 * resolves before its clients' sockets close): they are waited for first, because FORCE would terminate them
 * and their clients would raise "terminating connection due to administrator command" as an unhandled error
 * after the test. FORCE then removes what is left (a leaked pool); a non-superuser cannot terminate an
 * autovacuum worker that happens to be in the database, so a refusal is retried for a few seconds.
 */
async function dropDatabase(name: string): Promise<void> {
  await waitForSessionsToLeave(name, 5_000);
  for (let attempt = 1; ; attempt++) {
    try {
      await asAdmin(`drop database if exists "${name}" with (force)`);
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((wait) => setTimeout(wait, 500));
    }
  }
}

async function waitForSessionsToLeave(name: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ sessions: number }>(
        `select count(*)::int as sessions from pg_stat_activity
         where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()`,
        [name],
      );
      if (rows[0]!.sessions === 0) return;
      await new Promise((wait) => setTimeout(wait, 50));
    }
  } finally {
    await client.end();
  }
}

export interface TestReply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Act as this user (the header the gateway would add); omit for an anonymous call. */
  as?: CallerIdentity | string;
  headers?: Record<string, string>;
}

/** Calls a service directly, as the gateway would. */
export class ServiceTestClient {
  constructor(
    readonly baseUrl: string,
    private readonly identitySecret: string,
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<TestReply<T>> {
    const identity = typeof options.as === 'string' ? { userId: options.as, sessionId: '1' } : options.as;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(identity ? { [IDENTITY_HEADER]: signIdentity(this.identitySecret, identity) } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. /metrics)
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }
}

/** Waits until `check` holds (polling every 25 ms), or fails after `timeoutMs`: for effects that travel. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
