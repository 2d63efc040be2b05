import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, migrateToLatest, sql, type Kysely } from './database';
import { EmbeddedPostgres } from './embedded-postgres';

interface Db {
  notes: {
    id: string;
    createdBy: string;
    details: Record<string, unknown>;
  };
}

const migrations = {
  '0001_notes': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('notes')
        .addColumn('id', 'bigint', (column) => column.primaryKey())
        .addColumn('created_by', 'text', (column) => column.notNull())
        .addColumn('details', 'jsonb', (column) => column.notNull())
        .execute();
    },
  },
};

describe('the camelCase option (Kysely CamelCasePlugin over snake_case columns)', () => {
  let directory: string;
  let db: Kysely<Db>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bonfire-camel-'));
    const database = await EmbeddedPostgres.shared(directory);
    db = createEmbeddedDatabase<Db>(await database.pool('notes'), { camelCase: true });
    await migrateToLatest(db.withoutPlugins() as Kysely<unknown>, migrations, 'notes');
  }, 60_000);

  afterAll(async () => {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes and reads camelCase names, stores snake_case columns, and leaves JSON keys alone', async () => {
    await db
      .insertInto('notes')
      .values({ id: '1', createdBy: 'ada', details: { snake_key: 1, camelKey: 2 } })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ createdBy: 'ada' }))
      .execute();

    const rows = await db.selectFrom('notes').selectAll().where('createdBy', '=', 'ada').execute();
    expect(rows).toEqual([{ id: '1', createdBy: 'ada', details: { snake_key: 1, camelKey: 2 } }]);

    // Plain-text identifiers in raw SQL are not transformed; result keys still are.
    const raw = await sql<{ createdBy: string }>`select created_by from notes`.execute(db);
    expect(raw.rows).toEqual([{ createdBy: 'ada' }]);
    const columns = await sql<{ columnName: string }>`
      select column_name from information_schema.columns
      where table_schema = 'notes' and table_name = 'notes' order by ordinal_position`.execute(db);
    expect(columns.rows.map((row) => row.columnName)).toEqual(['id', 'created_by', 'details']);
  });
});
