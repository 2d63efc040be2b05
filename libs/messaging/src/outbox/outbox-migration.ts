import { sql, type Kysely } from 'kysely';
import { type Migration } from 'kysely/migration';

export const OUTBOX_TABLE = 'outbox_events';

/**
 * The transactional outbox: events a service commits together with its state, for the relay to publish.
 * `position` orders them (per key, the relay publishes in position order); the partial index keeps the
 * relay's "what is still unpublished" query cheap however many published rows remain.
 * Services add this to their own Kysely migrations (same in Postgres and PGlite).
 */
export const outboxMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable(OUTBOX_TABLE)
      .addColumn('position', 'bigserial', (col) => col.primaryKey())
      .addColumn('event_id', 'uuid', (col) => col.notNull().unique())
      .addColumn('topic', 'text', (col) => col.notNull())
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('envelope', 'jsonb', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('published_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('outbox_events_unpublished_idx')
      .on(OUTBOX_TABLE)
      .column('position')
      .where(sql.ref('published_at'), 'is', null)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable(OUTBOX_TABLE).execute();
  },
};
