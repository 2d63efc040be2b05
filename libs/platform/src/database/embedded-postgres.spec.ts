import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, migrateToLatest, sql, type Kysely } from './database';
import { EmbeddedPostgres } from './embedded-postgres';
import { uniqueViolation } from './transaction-runner';

interface Db {
  items: { id: string; name: string };
}

const migrations = {
  '0001_items': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('items')
        .addColumn('id', 'bigint', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .execute();
    },
  },
};

describe('EmbeddedPostgres (PGlite behind the pg.Pool shape Kysely uses)', () => {
  let directory: string;
  let database: EmbeddedPostgres;
  let chat: Kysely<Db>;
  let file: Kysely<Db>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bonfire-embedded-'));
    database = await EmbeddedPostgres.shared(directory);
    chat = createEmbeddedDatabase<Db>(await database.pool('chat'));
    file = createEmbeddedDatabase<Db>(await database.pool('file'));
    await migrateToLatest(chat as Kysely<unknown>, migrations, 'chat');
    await migrateToLatest(file as Kysely<unknown>, migrations, 'file');
  }, 60_000);

  afterAll(async () => {
    await chat.destroy();
    await file.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('is one database per folder, shared by every caller of the process', async () => {
    expect(await EmbeddedPostgres.shared(directory)).toBe(database);
  });

  it('keeps each service in its own schema with the same migrations, and bigint ids as strings', async () => {
    await chat.insertInto('items').values({ id: '9007199254740993', name: 'chat item' }).execute();
    await file.insertInto('items').values({ id: '1', name: 'file item' }).execute();
    expect(await chat.selectFrom('items').selectAll().execute()).toEqual([
      { id: '9007199254740993', name: 'chat item' },
    ]);
    expect(await file.selectFrom('items').selectAll().execute()).toEqual([{ id: '1', name: 'file item' }]);
  });

  it('reports affected rows as node-postgres does', async () => {
    await chat.insertInto('items').values({ id: '2', name: 'two' }).execute();
    const updated = await chat
      .updateTable('items')
      .set({ name: 'renamed' })
      .where('id', '=', '2')
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const deleted = await chat.deleteFrom('items').where('id', '=', '404').executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(0n);
  });

  it('serialises transactions of different services on the one session, each in its schema', async () => {
    const order: string[] = [];
    await Promise.all([
      chat.transaction().execute(async (trx) => {
        order.push('chat:begin');
        await trx.insertInto('items').values({ id: '10', name: 'in chat trx' }).execute();
        await new Promise((resolve) => setTimeout(resolve, 30));
        order.push('chat:commit');
      }),
      file.transaction().execute(async (trx) => {
        order.push('file:begin');
        await trx.insertInto('items').values({ id: '10', name: 'in file trx' }).execute();
        order.push('file:commit');
      }),
    ]);
    expect(order).toEqual(['chat:begin', 'chat:commit', 'file:begin', 'file:commit']);
    const chatRow = await chat.selectFrom('items').select('name').where('id', '=', '10').executeTakeFirst();
    const fileRow = await file.selectFrom('items').select('name').where('id', '=', '10').executeTakeFirst();
    expect([chatRow?.name, fileRow?.name]).toEqual(['in chat trx', 'in file trx']);
  });

  it('rolls a failed transaction back and lends the session again', async () => {
    await expect(
      chat.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: '20', name: 'rolled back' }).execute();
        await trx.insertInto('items').values({ id: '20', name: 'duplicate key' }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await chat.selectFrom('items').select('id').where('id', '=', '20').execute()).toEqual([]);
    // The error crosses from the database's thread with Postgres's fields, as services test them.
    const duplicate = await chat
      .insertInto('items')
      .values({ id: '2', name: 'again' })
      .execute()
      .catch((error: unknown) => error);
    expect(uniqueViolation(duplicate)).toBe('items_pkey');
    expect(duplicate).toMatchObject({ code: '23505', table: 'items', schema: 'chat' });
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(file);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('runs multi-statement scripts as migrations send them, semicolons in strings included', async () => {
    await sql
      .raw(
        "create table notes (body text); insert into notes values ('a; b'); " +
          'create function one() returns int as $$ select 1; $$ language sql',
      )
      .execute(chat);
    const { rows } = await sql<{ body: string; one: number }>`select body, one() as one from notes`.execute(
      chat,
    );
    expect(rows).toEqual([{ body: 'a; b', one: 1 }]);
  });

  it('keeps dates, bytea and json as values, not strings', async () => {
    const at = new Date('2026-12-07T10:00:00.123Z');
    const { rows } = await sql<{ at: Date; bytes: Uint8Array; doc: { a: number[] } }>`
      select ${at}::timestamptz as at, ${Buffer.from([0, 1, 255])}::bytea as bytes, '{"a":[1,2]}'::jsonb as doc
    `.execute(chat);
    expect(rows[0]!.at).toEqual(at);
    expect([...rows[0]!.bytes]).toEqual([0, 1, 255]);
    expect(rows[0]!.doc).toEqual({ a: [1, 2] });
  });

  it('runs queries off the event loop: timers keep firing while a long statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const { rows } = await sql<{ total: string }>`
      select sum(i)::text as total from generate_series(1, 3000000) as i
    `.execute(chat);
    const tookMs = performance.now() - started;
    clearInterval(timer);
    expect(rows).toEqual([{ total: '4500001500000' }]);
    // On the loop's own thread the statement would have held every timer until its end (ticks ≤ 1).
    expect(tookMs).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(Math.floor(tookMs / 5 / 4));
  });

  it('lets the process exit once idle, and keeps it alive while a query is in flight', () => {
    // A folder of its own: two processes must never open one data folder.
    const own = mkdtempSync(join(tmpdir(), 'bonfire-embedded-exit-'));
    const script = [
      `const { EmbeddedPostgres } = require(${JSON.stringify(join(__dirname, 'embedded-postgres.ts'))});`,
      `EmbeddedPostgres.shared(${JSON.stringify(own)}).then(async (db) => {`,
      `  const pool = await db.pool('chat');`,
      `  const { rows } = await pool.query('select 41 + 1 as n');`,
      `  console.log('answer', rows[0].n);`,
      `});`,
    ].join('\n');
    try {
      // tsx runs the TypeScript sources; with no close(), only the unref'd idle thread is left.
      const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(output).toMatch(/^answer 42$/m);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 30_000);

  it('delivers NOTIFY to listeners (the outbox relay wakes on commit)', async () => {
    let notified = 0;
    const unlisten = await database.listen('bonfire_test_channel', () => notified++);
    await sql`select pg_notify('bonfire_test_channel', '')`.execute(chat);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await unlisten();
    expect(notified).toBe(1);
  });
});
