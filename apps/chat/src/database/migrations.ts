import { outboxMigration, processedEventsMigration } from '@bonfire/messaging';
import { type Kysely, type Migration, sql } from '@bonfire/platform';

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

/** Applied in name order at boot (DatabaseModule). The outbox and processed-events tables come from libs/messaging. */
export const chatMigrations: Record<string, Migration> = {
  '0001_chat_schema': chatSchema,
  '0002_outbox': outboxMigration,
  '0003_processed_events': processedEventsMigration,
  '0004_message_attachments': messageAttachments,
  '0005_webhooks': webhooks,
  '0006_audit_log': auditLog,
};
