import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Relationships and privacy settings (issue 20). One row per side: a friendship is two `friend` rows, a
 * pending request an `outgoing` row and an `incoming` row, a block one `blocked` row of the blocker.
 */
export const relationshipsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table relationships (
        user_id bigint not null,
        target_id bigint not null,
        type text not null check (type in ('friend', 'blocked', 'incoming', 'outgoing')),
        since timestamptz not null default now(),
        primary key (user_id, target_id),
        check (user_id <> target_id)
      );
      create index relationships_target_idx on relationships (target_id, type);

      create table privacy_settings (
        user_id bigint primary key,
        dms_from text not null default 'everyone'
          check (dms_from in ('everyone', 'guild_members', 'friends')),
        friend_requests_from text not null default 'everyone'
          check (friend_requests_from in ('everyone', 'guild_members', 'friends_of_friends', 'nobody')),
        updated_at timestamptz not null default now()
      );
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table privacy_settings; drop table relationships;`.execute(db);
  },
};
