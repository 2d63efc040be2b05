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
 * Columns are camelCase here and snake_case in Postgres (the CamelCasePlugin, `camelCase` in app.module).
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
  displayName: string | null;
  avatarFileId: string | null;
  /** An application's bot user (from auth's user events). */
  bot: Generated<boolean>;
  updatedAt: Generated<Date>;
}

export interface GuildsTable {
  id: string;
  name: string;
  iconFileId: string | null;
  description: string | null;
  ownerId: string;
  createdAt: Generated<Date>;
}

/** The @everyone role of a guild has the guild's id and position 0. */
export interface RolesTable {
  id: string;
  guildId: string;
  name: string;
  color: number;
  hoist: boolean;
  mentionable: boolean;
  position: number;
  permissions: ColumnType<string, string | bigint, string | bigint>;
  createdAt: Generated<Date>;
}

export interface MembersTable {
  guildId: string;
  userId: string;
  nickname: string | null;
  joinedAt: Generated<Date>;
}

export interface MemberRolesTable {
  guildId: string;
  userId: string;
  roleId: string;
}

export interface BansTable {
  guildId: string;
  userId: string;
  reason: string | null;
  moderatorId: string;
  createdAt: Generated<Date>;
}

export type ChannelTypeColumn =
  'text' | 'voice' | 'category' | 'dm' | 'group_dm' | 'public_thread' | 'private_thread';

export interface ChannelsTable {
  id: string;
  type: ChannelTypeColumn;
  /** Null for DMs and group DMs. */
  guildId: string | null;
  name: string | null;
  topic: string | null;
  position: Generated<number>;
  parentId: string | null;
  slowmodeSeconds: Generated<number>;
  userLimit: number | null;
  /** Group DMs: the owner. */
  ownerId: string | null;
  /** 1:1 DMs: "<lower user id>:<higher user id>", unique, so opening a DM twice finds the same one. */
  dmKey: string | null;
  lastMessageId: string | null;
  createdAt: Generated<Date>;
  /** Threads (apps/chat/src/threads): the text channel; null for every other channel. */
  threadParentId: ColumnType<string | null, string | null | undefined, string | null>;
  starterMessageId: ColumnType<string | null, string | null | undefined, string | null>;
  archived: Generated<boolean>;
  autoArchiveMinutes: ColumnType<number | null, number | null | undefined, number | null>;
  archiveTimestamp: ColumnType<Date | null, Date | null | undefined, Date | null>;
  locked: Generated<boolean>;
  invitable: Generated<boolean>;
  messageCount: Generated<number>;
  memberCount: Generated<number>;
  lastActivityAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Who joined a thread. */
export interface ThreadMembersTable {
  threadId: string;
  userId: string;
  joinedAt: Generated<Date>;
}

export interface PermissionOverwritesTable {
  channelId: string;
  /** A role id (the guild id for @everyone) or a user id. */
  targetId: string;
  targetType: 'role' | 'member';
  allow: ColumnType<string, string | bigint, string | bigint>;
  deny: ColumnType<string, string | bigint, string | bigint>;
}

/** Who is in a DM or group DM. */
export interface ChannelRecipientsTable {
  channelId: string;
  userId: string;
}

export interface InvitesTable {
  code: string;
  guildId: string;
  channelId: string | null;
  inviterId: string;
  maxUses: number | null;
  uses: Generated<number>;
  expiresAt: Date | null;
  createdAt: Generated<Date>;
}

export interface MessagesTable {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  /** The client's idempotency key: unique per (channel, author) while set. */
  nonce: string | null;
  replyToId: string | null;
  attachmentIds: ColumnType<string[], string[] | undefined, string[]>;
  /** The claimed attachments' metadata (JSON array of contracts' Attachment), in attachment_ids order. */
  attachments: ColumnType<Attachment[], string | undefined, string>;
  /** Link embeds (JSON array of contracts' Embed), flags (MESSAGE_FLAGS) and the last unfurl (0011). */
  embeds: ColumnType<Embed[], string | undefined, string>;
  flags: ColumnType<number, number | undefined, number>;
  embedsUnfurledAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  mentionUserIds: ColumnType<string[], string[] | undefined, string[]>;
  mentionRoleIds: ColumnType<string[], string[] | undefined, string[]>;
  mentionEveryone: Generated<boolean>;
  pinned: Generated<boolean>;
  revision: Generated<number>;
  editedAt: Date | null;
  createdAt: Generated<Date>;
  /** Set when a webhook posted it (author_id is then the webhook's id). */
  webhookId: ColumnType<string | null, string | null | undefined, string | null>;
  /** A webhook message's shown name and avatar file id (null for users' messages). */
  authorName: ColumnType<string | null, string | null | undefined, string | null>;
  authorAvatar: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WebhooksTable {
  id: string;
  guildId: string;
  channelId: string;
  name: string;
  avatar: string | null;
  creatorId: string;
  /** sha-256 of the token, hex. */
  tokenHash: string;
  createdAt: Generated<Date>;
}

export interface ReactionsTable {
  messageId: string;
  channelId: string;
  userId: string;
  emoji: string;
  createdAt: Generated<Date>;
}

export interface ReadStatesTable {
  userId: string;
  channelId: string;
  lastReadMessageId: string | null;
  updatedAt: Generated<Date>;
}

/** The moderation audit log (apps/chat/src/audit-log): one row per action, written in the action's transaction. */
export interface AuditLogEntriesTable {
  id: string;
  guildId: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** [{key, old?, new?}] of the fields that changed. */
  changes: ColumnType<unknown[], string, string>;
  /** Extra facts ({channelId} of a deleted message, …) as string values, or null. */
  options: ColumnType<Record<string, string> | null, string | null, string | null>;
  reason: string | null;
  createdAt: Generated<Date>;
}
