import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-kit';
import { createDatabase, type Kysely, sql } from './database';
import { PrecompiledQuery } from './precompiled-query';

interface Db {
  items: { id: number; ownerId: string; itemLabel: string };
}

describe('PrecompiledQuery on a real Postgres', () => {
  let database: TestDatabase;
  let db: Kysely<Db>;

  beforeAll(async () => {
    database = await createTestDatabase('precompiled');
    const setup = new pg.Client({ connectionString: database.url });
    await setup.connect();
    await setup.query('create table items (id int primary key, owner_id text, item_label text)');
    await setup.query(
      `insert into items select n, case when n % 2 = 0 then 'even' else 'odd' end, 'item ' || n
         from generate_series(1, 10) n`,
    );
    await setup.end();
    db = createDatabase<Db>({ url: database.url, camelCase: true });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  type ItemArgs = { owner: string; below: number; ids: number[] };
  const itemsQuery = (kysely: Kysely<Db>, args: ItemArgs) =>
    kysely
      .selectFrom('items')
      .select(['id', 'itemLabel'])
      .select(sql<boolean>`owner_id = ${args.owner}`.as('ownedByThem'))
      .where('ownerId', '=', args.owner)
      .where('id', '<', args.below)
      .where('id', '=', sql<number>`any(${args.ids}::int[])`)
      .where('itemLabel', 'like', 'item %')
      .orderBy('id');

  it('answers as the same query built each time, for each run’s arguments (camelCased keys too)', async () => {
    const query = new PrecompiledQuery(itemsQuery);
    const cases = [
      { owner: 'even', below: 9, ids: [1, 2, 4, 8, 10] },
      { owner: 'odd', below: 8, ids: [1, 3, 7, 9] },
      { owner: 'nobody', below: 100, ids: [] },
    ];
    for (const args of cases) {
      const expected = await itemsQuery(db, args).execute();
      expect((await query.execute(db, args)).rows).toEqual(expected);
    }
    expect((await query.execute(db, cases[0]!)).rows).toEqual([
      { id: 2, itemLabel: 'item 2', ownedByThem: true },
      { id: 4, itemLabel: 'item 4', ownedByThem: true },
      { id: 8, itemLabel: 'item 8', ownedByThem: true },
    ]);
  });

  it('runs inside a transaction on that transaction’s connection', async () => {
    const count = new PrecompiledQuery((kysely: Kysely<Db>, args: { owner: string }) =>
      kysely
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('ownerId', '=', args.owner),
    );
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('items').values({ id: 11, ownerId: 'new', itemLabel: 'item 11' }).execute();
        expect((await count.execute(trx, { owner: 'new' })).rows).toEqual([{ count: '1' }]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect((await count.execute(db, { owner: 'new' })).rows).toEqual([{ count: '0' }]);
  });

  it('refuses a query that puts an argument inside a larger value', async () => {
    const query = new PrecompiledQuery((kysely: Kysely<Db>, args: { prefix: string }) =>
      kysely.selectFrom('items').select('id').where('itemLabel', 'like', `${args.prefix}%`),
    );
    await expect(query.execute(db, { prefix: 'item 1' })).rejects.toThrow(/part of a larger value/);
  });

  it('refuses a query that writes an argument into its SQL text', async () => {
    const query = new PrecompiledQuery((kysely: Kysely<Db>, args: { column: string }) =>
      kysely.selectFrom('items').select(sql.ref(args.column).as('picked')),
    );
    await expect(query.execute(db, { column: 'item_label' })).rejects.toThrow(/written into the SQL text/);
  });
});
