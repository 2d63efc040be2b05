import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, migrateToLatest, sql, type Kysely } from './database';
import { EmbeddedPostgres } from './embedded-postgres';

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

  it('delivers NOTIFY to listeners (the outbox relay wakes on commit)', async () => {
    let notified = 0;
    const unlisten = await database.listen('bonfire_test_channel', () => notified++);
    await sql`select pg_notify('bonfire_test_channel', '')`.execute(chat);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await unlisten();
    expect(notified).toBe(1);
  });
});
