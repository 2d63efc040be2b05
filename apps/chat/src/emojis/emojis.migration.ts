import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Custom emoji of guilds (0012). An emoji's id is its image's file id (the file service made it), so one
 * uploaded image is at most one emoji. Names are unique per guild, compared as written.
 */
export const customEmojiMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table emojis (
        id bigint primary key,
        guild_id bigint not null references guilds (id) on delete cascade,
        name text not null,
        animated boolean not null,
        creator_id bigint,
        created_at timestamptz not null default now(),
        unique (guild_id, name)
      )
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table emojis`.execute(db);
  },
};
