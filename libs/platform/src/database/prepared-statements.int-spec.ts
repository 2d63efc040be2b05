import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/test-kit';
import { createDatabase, sql } from './database';
import { PreparingPool } from './prepared-statements';

interface PreparedRow {
  name: string;
  statement: string;
}

/** The prepared statements of the session that runs this (a one-connection pool: the only session). */
async function preparedHere(db: Kysely<unknown>): Promise<PreparedRow[]> {
  const { rows } =
    await sql<PreparedRow>`select name, statement from pg_prepared_statements order by name`.execute(db);
  return rows;
}

/** A schema change from another session, as a deploy's migration would make it. */
async function migrate(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('prepared statements on a real Postgres', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    database = await createTestDatabase('prepared');
    const setup = new pg.Client({ connectionString: database.url });
    await setup.connect();
    await setup.query('create table items (id int primary key, label text)');
    await setup.query(`insert into items select n, 'item ' || n from generate_series(1, 10) n`);
    await setup.end();
  });

  afterEach(async () => {
    await db?.destroy();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('runs a parameterised statement prepared from its second use on, with the same results', async () => {
    db = createDatabase<unknown>({ url: database.url, maxConnections: 1 });
    const label = (id: number) =>
      sql<{ label: string }>`select label from items where id = ${id}`.execute(db);

    expect((await label(1)).rows).toEqual([{ label: 'item 1' }]);
    expect(await preparedHere(db)).toEqual([]);
    const answers = [];
    for (const id of [2, 3, 4, 5, 6, 7, 8]) answers.push((await label(id)).rows[0]?.label);
    expect(answers).toEqual(['item 2', 'item 3', 'item 4', 'item 5', 'item 6', 'item 7', 'item 8']);
    expect(await preparedHere(db)).toEqual([
      { name: expect.stringMatching(/^bonfire_/), statement: 'select label from items where id = $1' },
    ]);
  });

  it('prepares nothing when switched off (DATABASE_PREPARED_STATEMENTS=false, e.g. behind an older PgBouncer)', async () => {
    db = createDatabase<unknown>({ url: database.url, maxConnections: 1, preparedStatements: false });
    const labels = [];
    for (const id of [1, 2, 3, 4]) {
      labels.push(
        (await sql<{ label: string }>`select label from items where id = ${id}`.execute(db)).rows[0]?.label,
      );
    }
    expect(labels).toEqual(['item 1', 'item 2', 'item 3', 'item 4']);
    expect(await preparedHere(db)).toEqual([]);
  });

  it('leaves statements without parameters unprepared', async () => {
    db = createDatabase<unknown>({ url: database.url, maxConnections: 1 });
    for (let run = 0; run < 3; run++) await sql`select count(*) from items`.execute(db);
    expect(await preparedHere(db)).toEqual([]);
  });

  it('keeps a prepared statement usable after the transaction that prepared it rolled back', async () => {
    db = createDatabase<unknown>({ url: database.url, maxConnections: 1 });
    const label = (executor: Kysely<unknown>, id: number) =>
      sql<{ label: string }>`select label from items where id = ${id}`.execute(executor);
    await label(db, 1);
    await expect(
      db.transaction().execute(async (trx) => {
        await label(trx, 2);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await label(db, 3)).rows).toEqual([{ label: 'item 3' }]);
    expect(await preparedHere(db)).toHaveLength(1);
  });

  it('prepares no more than its limit on one connection; the rest still run', async () => {
    const pool = new PreparingPool(new pg.Pool({ connectionString: database.url, max: 1 }), {
      maxPerConnection: 2,
    });
    db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    for (let id = 1; id <= 3; id++) {
      for (const column of [1, 2, 3]) {
        const { rows } = await sql<{ id: number; c: number }>`
          select id, ${sql.raw(String(column))} as c from items where id = ${id}`.execute(db);
        expect(rows).toEqual([{ id, c: column }]);
      }
    }
    expect(await preparedHere(db)).toHaveLength(2);
  });

  it('runs a statement unprepared once a migration changed what it returns', async () => {
    db = createDatabase<unknown>({ url: database.url, maxConnections: 1 });
    /** `select *` from a new one-row table, run twice: prepared on this connection. */
    const preparedSelectAll = async (table: string) => {
      await sql`create table ${sql.table(table)} (id int primary key)`.execute(db);
      await sql`insert into ${sql.table(table)} values (1)`.execute(db);
      const select = (executor: Kysely<unknown>) =>
        sql<Record<string, unknown>>`select * from ${sql.table(table)} where id = ${1}`.execute(executor);
      await select(db);
      await select(db);
      return select;
    };

    const note = await preparedSelectAll('notes');
    expect(await preparedHere(db)).toHaveLength(1);
    await migrate(database.url, 'alter table notes add column body text');
    // Outside a transaction: retried unprepared at once, the caller sees only the new shape.
    expect((await note(db)).rows).toEqual([{ id: 1, body: null }]);

    // Inside one, the failed statement aborted it: that transaction fails, the next runs.
    const tag = await preparedSelectAll('tags');
    await migrate(database.url, 'alter table tags add column name text');
    await expect(db.transaction().execute((trx) => tag(trx))).rejects.toThrow(
      /cached plan must not change result type/,
    );
    expect((await db.transaction().execute((trx) => tag(trx))).rows).toEqual([{ id: 1, name: null }]);
  });
});
