import { type Kysely, type Migration, sql } from '@bonfire/platform';

/** Data export jobs (issue 21 item 4). One statement per query (PGlite). */
export const dataExportsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table data_exports (
        id bigint primary key,
        user_id bigint not null,
        status text not null default 'pending' check (status in ('pending', 'running', 'ready', 'failed')),
        progress integer not null default 0 check (progress between 0 and 100),
        attempts integer not null default 0,
        file_id bigint,
        size bigint,
        expires_at timestamptz,
        error text,
        created_at timestamptz not null default now(),
        heartbeat_at timestamptz,
        finished_at timestamptz
      )
    `.execute(db);
    // At most one export of a user is pending or running at a time.
    await sql`
      create unique index data_exports_active_idx on data_exports (user_id) where status in ('pending', 'running')
    `.execute(db);
    await sql`create index data_exports_user_idx on data_exports (user_id, created_at desc)`.execute(db);
    // The workers' queue: pending jobs and running ones (a lapsed lease), oldest first.
    await sql`
      create index data_exports_queue_idx on data_exports (created_at) where status in ('pending', 'running')
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table data_exports`.execute(db);
  },
};
