import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Account deletion (issue 21 item 4): the ids of deleted accounts (user.deleted), so that their files
 * removed later — the attachments of messages chat removes after the deletion — lose their rows too.
 * An id alone names nobody once auth has made the account a tombstone. One statement (PGlite).
 */
export const accountDeletionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table deleted_accounts (
        user_id bigint primary key,
        deleted_at timestamptz not null default now()
      )
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('deleted_accounts').execute();
  },
};
