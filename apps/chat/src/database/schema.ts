import type { Attachment, Embed } from '@bonfire/contracts';
import type { ColumnType, Generated } from 'kysely';
import type {
  NotificationChannelOverridesTable,
  NotificationGuildSettingsTable,
  PushSubscriptionsTable,
} from '../notifications/notifications.schema';
import type { PrivacySettingsTable, RelationshipsTable } from '../relationships/relationships.schema';
import type { EmojisTable } from '../emojis/emojis.schema';
import type { DataExportsTable } from '../data-exports/data-exports.schema';

/**
 * The chat service's tables as Kysely sees them. Ids are snowflakes: BIGINT in Postgres, strings here.
 * Permission bitfields are BIGINT too (strings here, bigint in code via parsePermissions).
 */
export interface ChatDatabase {
  users: UsersTable;
  guilds: GuildsTable;
  roles: RolesTable;
  members: MembersTable;
  member_roles: MemberRolesTable;
  bans: BansTable;
  channels: ChannelsTable;
  permission_overwrites: PermissionOverwritesTable;
  channel_recipients: ChannelRecipientsTable;
  invites: InvitesTable;
  messages: MessagesTable;
  reactions: ReactionsTable;
  read_states: ReadStatesTable;
  audit_log_entries: AuditLogEntriesTable;
  webhooks: WebhooksTable;
  thread_members: ThreadMembersTable;
  notification_guild_settings: NotificationGuildSettingsTable;
  notification_channel_overrides: NotificationChannelOverridesTable;
  push_subscriptions: PushSubscriptionsTable;
  relationships: RelationshipsTable;
  privacy_settings: PrivacySettingsTable;
  emojis: EmojisTable;
  data_exports: DataExportsTable;
}

/** Projection of auth's users (from auth.users events): who exists, and their names for mentions. */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string | null;
  avatar_file_id: string | null;
  /** An application's bot user (from auth's user events). */
  bot: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface GuildsTable {
  id: string;
  name: string;
  icon_file_id: string | null;
  description: string | null;
  owner_id: string;
  created_at: Generated<Date>;
}

/** The @everyone role of a guild has the guild's id and position 0. */
export interface RolesTable {
  id: string;
  guild_id: string;
  name: string;
  color: number;
  hoist: boolean;
  mentionable: boolean;
  position: number;
  permissions: ColumnType<string, string | bigint, string | bigint>;
  created_at: Generated<Date>;
}

export interface MembersTable {
  guild_id: string;
  user_id: string;
  nickname: string | null;
  joined_at: Generated<Date>;
}

export interface MemberRolesTable {
  guild_id: string;
  user_id: string;
  role_id: string;
}

export interface BansTable {
  guild_id: string;
  user_id: string;
  reason: string | null;
  moderator_id: string;
  created_at: Generated<Date>;
}

export type ChannelTypeColumn =
  'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';

export interface ChannelsTable {
  id: string;
  type: ChannelTypeColumn;
  /** Null for DMs and group DMs. */
  guild_id: string | null;
  name: string | null;
  topic: string | null;
  position: Generated<number>;
  parent_id: string | null;
  slowmode_seconds: Generated<number>;
  user_limit: number | null;
  /** Group DMs: the owner. */
  owner_id: string | null;
  /** 1:1 DMs: "<lower user id>:<higher user id>", unique, so opening a DM twice finds the same one. */
  dm_key: string | null;
  last_message_id: string | null;
  created_at: Generated<Date>;
  /** Threads (apps/chat/src/threads): the text channel; null for every other channel. */
  thread_parent_id: ColumnType<string | null, string | null | undefined, string | null>;
  starter_message_id: ColumnType<string | null, string | null | undefined, string | null>;
  archived: Generated<boolean>;
  auto_archive_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  archive_timestamp: ColumnType<Date | null, Date | null | undefined, Date | null>;
  locked: Generated<boolean>;
  invitable: Generated<boolean>;
  message_count: Generated<number>;
  member_count: Generated<number>;
  last_activity_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Who joined a thread. */
export interface ThreadMembersTable {
  thread_id: string;
  user_id: string;
  joined_at: Generated<Date>;
}

export interface PermissionOverwritesTable {
  channel_id: string;
  /** A role id (the guild id for @everyone) or a user id. */
  target_id: string;
  target_type: 'role' | 'member';
  allow: ColumnType<string, string | bigint, string | bigint>;
  deny: ColumnType<string, string | bigint, string | bigint>;
}

/** Who is in a DM or group DM. */
export interface ChannelRecipientsTable {
  channel_id: string;
  user_id: string;
}

export interface InvitesTable {
  code: string;
  guild_id: string;
  channel_id: string | null;
  inviter_id: string;
  max_uses: number | null;
  uses: Generated<number>;
  expires_at: Date | null;
  created_at: Generated<Date>;
}

export interface MessagesTable {
  id: string;
  channel_id: string;
  guild_id: string | null;
  author_id: string;
  content: string;
  /** The client's idempotency key: unique per (channel, author) while set. */
  nonce: string | null;
  reply_to_id: string | null;
  attachment_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** The claimed attachments' metadata (JSON array of contracts' Attachment), in attachment_ids order. */
  attachments: ColumnType<Attachment[], string | undefined, string>;
  /** Link embeds (JSON array of contracts' Embed), flags (MESSAGE_FLAGS) and the last unfurl (0011). */
  embeds: ColumnType<Embed[], string | undefined, string>;
  flags: ColumnType<number, number | undefined, number>;
  embeds_unfurled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  mention_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  mention_role_ids: ColumnType<string[], string[] | undefined, string[]>;
  mention_everyone: Generated<boolean>;
  pinned: Generated<boolean>;
  revision: Generated<number>;
  edited_at: Date | null;
  created_at: Generated<Date>;
  /** Set when a webhook posted it (author_id is then the webhook's id). */
  webhook_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A webhook message's shown name and avatar file id (null for users' messages). */
  author_name: ColumnType<string | null, string | null | undefined, string | null>;
  author_avatar: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WebhooksTable {
  id: string;
  guild_id: string;
  channel_id: string;
  name: string;
  avatar: string | null;
  creator_id: string;
  /** sha-256 of the token, hex. */
  token_hash: string;
  created_at: Generated<Date>;
}

export interface ReactionsTable {
  message_id: string;
  channel_id: string;
  user_id: string;
  emoji: string;
  created_at: Generated<Date>;
}

export interface ReadStatesTable {
  user_id: string;
  channel_id: string;
  last_read_message_id: string | null;
  updated_at: Generated<Date>;
}

/** The moderation audit log (apps/chat/src/audit-log): one row per action, written in the action's transaction. */
export interface AuditLogEntriesTable {
  id: string;
  guild_id: string;
  actor_id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** [{key, old?, new?}] of the fields that changed. */
  changes: ColumnType<unknown[], string, string>;
  /** Extra facts ({channelId} of a deleted message, …) as string values, or null. */
  options: ColumnType<Record<string, string> | null, string | null, string | null>;
  reason: string | null;
  created_at: Generated<Date>;
}
