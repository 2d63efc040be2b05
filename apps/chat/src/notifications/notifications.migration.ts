import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Notification settings (issue 20 part 1): per user per guild, per user per channel (guild channels,
 * threads and DMs), and the Web Push subscriptions of each user's browsers. A missing row is the default.
 */
export const notificationSettingsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table notification_guild_settings (
        user_id bigint not null,
        guild_id bigint not null references guilds (id) on delete cascade,
        level text not null check (level in ('all', 'mentions', 'nothing')),
        suppress_everyone boolean not null default false,
        muted boolean not null default false,
        muted_until timestamptz,
        updated_at timestamptz not null default now(),
        primary key (user_id, guild_id)
      );
      -- The recipients of an ordinary message: the few who chose "all" in its guild.
      create index notification_guild_settings_all on notification_guild_settings (guild_id) where level = 'all';
      create table notification_channel_overrides (
        user_id bigint not null,
        channel_id bigint not null references channels (id) on delete cascade,
        guild_id bigint,
        level text not null check (level in ('inherit', 'all', 'mentions', 'nothing')),
        muted boolean not null default false,
        muted_until timestamptz,
        updated_at timestamptz not null default now(),
        primary key (user_id, channel_id)
      );
      create index notification_channel_overrides_channel on notification_channel_overrides (channel_id);
      create index notification_channel_overrides_guild on notification_channel_overrides (user_id, guild_id);
      create table push_subscriptions (
        id bigint primary key,
        user_id bigint not null,
        endpoint text not null unique,
        p256dh text not null,
        auth text not null,
        created_at timestamptz not null default now()
      );
      create index push_subscriptions_user on push_subscriptions (user_id);
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
      drop table push_subscriptions;
      drop table notification_channel_overrides;
      drop table notification_guild_settings;
    `.execute(db);
  },
};
