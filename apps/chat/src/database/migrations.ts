import { outboxMigration, processedEventsMigration } from '@bonfire/messaging';
import { type Kysely, type Migration, sql } from '@bonfire/platform';
import { messageEmbedsMigration } from '../embeds/embeds.migration';
import { notificationSettingsMigration } from '../notifications/notifications.migration';
import { relationshipsMigration } from '../relationships/relationships.migration';
import { customEmojiMigration } from '../emojis/emojis.migration';
import { dataExportsMigration } from '../data-exports/data-exports.migration';

const chatSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table users (
        id bigint primary key,
        username text not null,
        display_name text,
        avatar_file_id bigint,
        updated_at timestamptz not null default now()
      );
      create index users_username_idx on users (username);

      create table guilds (
        id bigint primary key,
        name text not null,
        icon_file_id bigint,
        description text,
        owner_id bigint not null,
        created_at timestamptz not null default now()
      );

      create table roles (
        id bigint primary key,
        guild_id bigint not null references guilds (id) on delete cascade,
        name text not null,
        color integer not null default 0,
        hoist boolean not null default false,
        mentionable boolean not null default false,
        position integer not null,
        permissions bigint not null,
        created_at timestamptz not null default now()
      );
      create index roles_guild_idx on roles (guild_id, position);

      create table members (
        guild_id bigint not null references guilds (id) on delete cascade,
        user_id bigint not null,
        nickname text,
        joined_at timestamptz not null default now(),
        primary key (guild_id, user_id)
      );
      create index members_user_idx on members (user_id, guild_id);

      create table member_roles (
        guild_id bigint not null,
        user_id bigint not null,
        role_id bigint not null references roles (id) on delete cascade,
        primary key (guild_id, user_id, role_id),
        foreign key (guild_id, user_id) references members (guild_id, user_id) on delete cascade
      );
      create index member_roles_role_idx on member_roles (role_id);

      create table bans (
        guild_id bigint not null references guilds (id) on delete cascade,
        user_id bigint not null,
        reason text,
        moderator_id bigint not null,
        created_at timestamptz not null default now(),
        primary key (guild_id, user_id)
      );

      create table channels (
        id bigint primary key,
        type text not null check (type in ('text', 'voice', 'category', 'dm', 'group_dm')),
        guild_id bigint references guilds (id) on delete cascade,
        name text,
        topic text,
        position integer not null default 0,
        parent_id bigint references channels (id) on delete set null,
        slowmode_seconds integer not null default 0 check (slowmode_seconds between 0 and 21600),
        user_limit integer check (user_limit is null or user_limit between 1 and 99),
        owner_id bigint,
        dm_key text unique,
        last_message_id bigint,
        created_at timestamptz not null default now(),
        check ((type in ('dm', 'group_dm')) = (guild_id is null))
      );
      create index channels_guild_idx on channels (guild_id, position);

      create table permission_overwrites (
        channel_id bigint not null references channels (id) on delete cascade,
        target_id bigint not null,
        target_type text not null check (target_type in ('role', 'member')),
        allow bigint not null default 0,
        deny bigint not null default 0,
        primary key (channel_id, target_id)
      );

      create table channel_recipients (
        channel_id bigint not null references channels (id) on delete cascade,
        user_id bigint not null,
        primary key (channel_id, user_id)
      );
      create index channel_recipients_user_idx on channel_recipients (user_id, channel_id);

      create table invites (
        code text primary key,
        guild_id bigint not null references guilds (id) on delete cascade,
        channel_id bigint references channels (id) on delete cascade,
        inviter_id bigint not null,
        max_uses integer check (max_uses is null or max_uses > 0),
        uses integer not null default 0,
        expires_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index invites_guild_idx on invites (guild_id);

      create table messages (
        id bigint primary key,
        channel_id bigint not null references channels (id) on delete cascade,
        guild_id bigint,
        author_id bigint not null,
        content text not null,
        nonce text,
        reply_to_id bigint,
        attachment_ids bigint[] not null default '{}',
        mention_user_ids bigint[] not null default '{}',
        mention_role_ids bigint[] not null default '{}',
        mention_everyone boolean not null default false,
        pinned boolean not null default false,
        revision integer not null default 0,
        edited_at timestamptz,
        created_at timestamptz not null default now()
      );
      -- History pages: one index range scan per page, newest first or oldest first.
      create unique index messages_channel_id_idx on messages (channel_id, id);
      -- Idempotent send: a retried request with the same nonce finds the first message.
      create unique index messages_nonce_idx on messages (channel_id, author_id, nonce) where nonce is not null;
      create index messages_pinned_idx on messages (channel_id, id) where pinned;
      create index messages_mentions_idx on messages using gin (mention_user_ids);

      create table reactions (
        message_id bigint not null references messages (id) on delete cascade,
        channel_id bigint not null,
        user_id bigint not null,
        emoji text not null,
        created_at timestamptz not null default now(),
        primary key (message_id, emoji, user_id)
      );

      create table read_states (
        user_id bigint not null,
        channel_id bigint not null references channels (id) on delete cascade,
        last_read_message_id bigint,
        updated_at timestamptz not null default now(),
        primary key (user_id, channel_id)
      );
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
      drop table read_states, reactions, messages, invites, channel_recipients, permission_overwrites,
        channels, bans, member_roles, members, roles, guilds, users cascade
    `.execute(db);
  },
};

/** Attachments as messages show them (metadata the file service returned when the send claimed them). */
const messageAttachments: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table messages add column attachments jsonb not null default '[]'`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table messages drop column attachments`.execute(db);
  },
};

/** Incoming webhooks of guild text channels, and the author override of the messages they post. */
const webhooks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table webhooks (
        id bigint primary key,
        guild_id bigint not null references guilds (id) on delete cascade,
        channel_id bigint not null references channels (id) on delete cascade,
        name text not null,
        avatar bigint,
        creator_id bigint not null,
        -- sha-256 of the token (hex); the token itself is shown once and never stored.
        token_hash text not null,
        created_at timestamptz not null default now()
      );
      create index webhooks_channel_idx on webhooks (channel_id, id);
      create index webhooks_guild_idx on webhooks (guild_id, id);
      alter table messages add column webhook_id bigint;
      alter table messages add column author_name text;
      alter table messages add column author_avatar bigint;
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table messages drop column webhook_id, drop column author_name, drop column author_avatar;
      drop table webhooks;
    `.execute(db);
  },
};

/**
 * The moderation audit log: newest-first pages per guild (guild_id, id desc), and the retention prune by
 * age (created_at). No foreign key to guilds: a deleted guild's entries go with the prune.
 */
const auditLog: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table audit_log_entries (
        id bigint primary key,
        guild_id bigint not null,
        actor_id bigint not null,
        action text not null,
        target_type text not null,
        target_id text,
        changes jsonb not null default '[]',
        options jsonb,
        reason text check (char_length(reason) <= 512),
        created_at timestamptz not null default now()
      );
      create index audit_log_entries_guild_idx on audit_log_entries (guild_id, id desc);
      create index audit_log_entries_created_idx on audit_log_entries (created_at);
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table audit_log_entries`.execute(db);
  },
};

/**
 * Threads: channel rows of type public_thread/private_thread under a text channel (thread_parent_id,
 * deleted with it; parent_id stays the category link of ordinary channels), their state, and members.
 * last_activity_at drives the auto-archive sweep (the newest message, or the creation/unarchive time).
 */
const threads: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table channels drop constraint channels_type_check;
      alter table channels add constraint channels_type_check
        check (type in ('text', 'voice', 'category', 'dm', 'group_dm', 'public_thread', 'private_thread'));
      alter table channels add column thread_parent_id bigint references channels (id) on delete cascade;
      alter table channels add column starter_message_id bigint;
      alter table channels add column archived boolean not null default false;
      alter table channels add column auto_archive_minutes integer;
      alter table channels add column archive_timestamp timestamptz;
      alter table channels add column locked boolean not null default false;
      alter table channels add column invitable boolean not null default true;
      alter table channels add column message_count integer not null default 0;
      alter table channels add column member_count integer not null default 0;
      alter table channels add column last_activity_at timestamptz;
      alter table channels add constraint channels_thread_check
        check ((type in ('public_thread', 'private_thread')) = (thread_parent_id is not null));
      create index channels_thread_parent_idx on channels (thread_parent_id, archived, archive_timestamp desc)
        where thread_parent_id is not null;
      create index channels_thread_activity_idx on channels (last_activity_at)
        where thread_parent_id is not null and not archived;
      create unique index channels_thread_starter_idx on channels (starter_message_id)
        where starter_message_id is not null;
      create table thread_members (
        thread_id bigint not null references channels (id) on delete cascade,
        user_id bigint not null,
        joined_at timestamptz not null default now(),
        primary key (thread_id, user_id)
      );
      create index thread_members_user_idx on thread_members (user_id);
      -- Existing roles and overwrites: who may send may send in threads and start them (2048 = SEND_MESSAGES;
      -- 34359738368 | 68719476736 | 274877906944 = CREATE_PUBLIC_THREADS | CREATE_PRIVATE_THREADS |
      -- SEND_MESSAGES_IN_THREADS), and an overwrite denying sends denies them in threads too.
      update roles set permissions = permissions | 377957122048 where permissions & 2048 <> 0;
      update permission_overwrites set allow = allow | 274877906944 where allow & 2048 <> 0;
      update permission_overwrites set deny = deny | 274877906944 where deny & 2048 <> 0;
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`
      drop table thread_members;
      delete from channels where thread_parent_id is not null;
      alter table channels drop constraint channels_thread_check;
      alter table channels drop column thread_parent_id, drop column starter_message_id, drop column archived,
        drop column auto_archive_minutes, drop column archive_timestamp, drop column locked,
        drop column invitable, drop column message_count, drop column member_count,
        drop column last_activity_at;
      alter table channels drop constraint channels_type_check;
      alter table channels add constraint channels_type_check
        check (type in ('text', 'voice', 'category', 'dm', 'group_dm'));
    `.execute(db);
  },
};

/** Bots (issue 19 item 2): the users projection learns which users are applications' bot users. */
const botUsers: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table users add column bot boolean not null default false`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table users drop column bot`.execute(db);
  },
};

/**
 * A user's own messages, found without a scan of the whole table: the data export lists the channels they wrote
 * in and pages through each, and account deletion in remove mode deletes them in batches.
 */
const messagesByAuthor: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index messages_author_idx on messages (author_id, channel_id, id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index messages_author_idx`.execute(db);
  },
};

/** Applied in name order at boot (DatabaseModule). The outbox and processed-events tables come from libs/messaging. */
export const chatMigrations: Record<string, Migration> = {
  '0001_chat_schema': chatSchema,
  '0002_outbox': outboxMigration,
  '0003_processed_events': processedEventsMigration,
  '0004_message_attachments': messageAttachments,
  '0005_webhooks': webhooks,
  '0006_audit_log': auditLog,
  '0007_threads': threads,
  '0008_bot_users': botUsers,
  '0009_relationships': relationshipsMigration,
  '0010_notification_settings': notificationSettingsMigration,
  '0011_message_embeds': messageEmbedsMigration,
  '0012_custom_emoji': customEmojiMigration,
  '0014_data_exports': dataExportsMigration,
  '0015_messages_by_author': messagesByAuthor,
};
