import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Data exports (issue 21 item 4): the `export` purpose (a ZIP chat built for its owner) and when the file
 * service removes it. One statement per query (PGlite).
 */
export const exportPurposeMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table files drop constraint files_purpose_check`.execute(db);
    await sql`
      alter table files add constraint files_purpose_check
        check (purpose in ('attachment', 'avatar', 'icon', 'emoji', 'export'))
    `.execute(db);
    await sql`alter table files add column expires_at timestamptz`.execute(db);
    // The sweep removes expired exports, oldest first.
    await sql`create index files_expiring_idx on files (expires_at) where expires_at is not null and status = 'ready'`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index files_expiring_idx`.execute(db);
    await sql`alter table files drop column expires_at`.execute(db);
    await sql`delete from files where purpose = 'export'`.execute(db);
    await sql`alter table files drop constraint files_purpose_check`.execute(db);
    await sql`
      alter table files add constraint files_purpose_check
        check (purpose in ('attachment', 'avatar', 'icon', 'emoji'))
    `.execute(db);
  },
};
