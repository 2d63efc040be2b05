import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedDatabase, EmbeddedPostgres, migrateToLatest } from '@bonfire/platform';
import { describeMessageIndexContract } from './message-index.contract';
import { PostgresMessageIndex } from './postgres-message-index';
import { searchMigrations } from './postgres-migrations';

// The real thing: PGlite is Postgres (18) compiled to WebAssembly, in a folder of its own.
describeMessageIndexContract('Postgres (embedded)', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'bonfire-search-index-'));
  const database = await EmbeddedPostgres.shared(directory);
  const db = createEmbeddedDatabase<unknown>(await database.pool('search'));
  await migrateToLatest(db, searchMigrations, 'search');
  return {
    index: new PostgresMessageIndex(db),
    refresh: async () => undefined,
    dispose: async () => {
      await db.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});
