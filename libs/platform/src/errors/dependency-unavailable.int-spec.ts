import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Kysely, sql } from '../database/database';
import { createTestDatabase, type TestDatabase } from '../testing/test-kit';
import { freePort } from '../testing/free-port';
import { toAppError } from '../http/error.filter';

/** The error a query throws, or a failure of this test when it does not throw. */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('the query did not fail');
}

describe('a database that is down or drops the connection answers 503 (real Postgres)', () => {
  let database: TestDatabase;
  let db: Kysely<unknown> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('unavailable');
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('a query in flight when the server ends its connection', async () => {
    db = createDatabase<unknown>({ url: database.url, maxConnections: 1 });
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    // One pooled connection: the sleep runs on the session whose pid was read.
    const sleeping = errorOf(() => sql`select pg_sleep(10)`.execute(db!));
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      // Once the sleep runs on it, end that session as a restarting server would.
      let ended = false;
      for (let tries = 0; !ended && tries < 100; tries++) {
        const { rows: done } = await admin.query<{ ended: boolean }>(
          `select pg_terminate_backend(pid) as ended from pg_stat_activity
            where pid = $1 and state = 'active' and query like '%pg_sleep%'`,
          [rows[0]!.pid],
        );
        ended = done[0]?.ended === true;
        if (!ended) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(ended).toBe(true);
    } finally {
      await admin.end();
    }
    const appError = toAppError(await sleeping);
    expect({ status: appError.status, code: appError.code }).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    // The pool replaced the dead connection: the next query runs.
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('a query while nothing listens where the database should be', async () => {
    const url = new URL(database.url);
    url.port = String(await freePort());
    const unreachable = createDatabase<unknown>({ url: url.toString(), maxConnections: 1 });
    try {
      const appError = toAppError(await errorOf(() => sql`select 1`.execute(unreachable)));
      expect({ status: appError.status, code: appError.code }).toEqual({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
      });
    } finally {
      await unreachable.destroy();
    }
  });
});
