import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, sql } from './database';

const env = process.env;
const url = `postgres://${env['POSTGRES_USER']}:${env['POSTGRES_PASSWORD']}@${env['POSTGRES_HOST']}:${env['POSTGRES_PORT']}/postgres`;

describe('createDatabase on a real Postgres', () => {
  // Regression (fault suite, SIGKILL postgres): a connection that dies while it is checked out and between
  // two queries (a transaction waiting on something else) emitted 'error' on its pg Client with nobody
  // listening, which crashed the whole service. Now the next query fails and the pool goes on.
  it('survives a checked-out connection dying between two queries of a transaction', async () => {
    const db = createDatabase<unknown>({ url, maxConnections: 2 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const outcome = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        // The server's FATAL message arrives while no query runs on the connection.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`select 1`.execute(trx);
      });
      await expect(outcome).rejects.toThrow();
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });
});
