import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Account deletion (issue 21 item 4). A deleted account keeps its row as a tombstone — its id is still
 * the author of messages other services keep — with `deleted_at` set, no email, no password and a
 * `deleted_user_<id>` username (so the name and the address can be registered again). The credentials
 * check therefore admits a deleted account without email or password, as it does a bot.
 */
export const accountDeletionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table users add column deleted_at timestamptz;
      alter table users drop constraint users_credentials_or_bot;
      alter table users add constraint users_credentials_or_bot
        check (bot or deleted_at is not null or (email is not null and password_hash is not null));
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table users drop constraint users_credentials_or_bot;
      alter table users add constraint users_credentials_or_bot
        check (bot or (email is not null and password_hash is not null));
      alter table users drop column deleted_at;
    `.execute(db);
  },
};
