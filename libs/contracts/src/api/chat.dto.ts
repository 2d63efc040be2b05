import { z } from 'zod';
import { bitfieldSchema, snowflakeSchema } from './input';
import { embedSchema } from './embeds.dto';

/**
 * Public shapes of the chat domain, as the REST API returns them and as events carry them.
 * Ids are snowflakes as decimal strings; permission bitfields are decimal strings; times are ISO 8601.
 */
const id = snowflakeSchema;
const timestamp = z.iso.datetime({ offset: true });
const bitfield = bitfieldSchema;

export const guildSchema = z.object({
  id,
  name: z.string(),
  iconFileId: id.nullable(),
  description: z.string().nullable(),
  ownerId: id,
  createdAt: timestamp,
});
export type Guild = z.infer<typeof guildSchema>;

export const CHANNEL_TYPES = [
  'text',
  'voice',
  'category',
  'dm',
  'group_dm',
  'public_thread',
  'private_thread',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const THREAD_TYPES = ['public_thread', 'private_thread'] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];
export function isThreadType(type: string): type is ThreadType {
  return type === 'public_thread' || type === 'private_thread';
}

/** Inactivity periods (minutes) after which a thread archives itself, as Discord's. */
export const THREAD_AUTO_ARCHIVE_MINUTES = [60, 1440, 4320, 10080] as const;

/** What a thread (a channel of type public_thread/private_thread, parentId = its text channel) adds. */
export const threadMetadataSchema = z.object({
  /** The message the thread was started from (null: started in the channel). */
  starterMessageId: id.nullable(),
  ownerId: id,
  archived: z.boolean(),
  autoArchiveMinutes: z.union(THREAD_AUTO_ARCHIVE_MINUTES.map((minutes) => z.literal(minutes))),
  /** When it was last archived or unarchived. */
  archiveTimestamp: timestamp,
  /** Only MANAGE_THREADS holders may send or unarchive. */
  locked: z.boolean(),
  /** Private threads: whether members other than moderators may add people. */
  invitable: z.boolean(),
  messageCount: z.number().int().min(0),
  memberCount: z.number().int().min(0),
});
export type ThreadMetadata = z.infer<typeof threadMetadataSchema>;

export const permissionOverwriteSchema = z.object({
  id,
  type: z.enum(['role', 'member']),
  allow: bitfield,
  deny: bitfield,
});
export type PermissionOverwriteDto = z.infer<typeof permissionOverwriteSchema>;

export const channelSchema = z.object({
  id,
  type: z.enum(CHANNEL_TYPES),
  /** null for DMs and group DMs. */
  guildId: id.nullable(),
  name: z.string().nullable(),
  topic: z.string().nullable(),
  position: z.number().int(),
  /** The category a channel sits in. */
  parentId: id.nullable(),
  slowmodeSeconds: z.number().int().min(0),
  /** Voice channels: most people connected at once (null: unlimited). */
  userLimit: z.number().int().positive().nullable(),
  permissionOverwrites: z.array(permissionOverwriteSchema),
  /** DMs and group DMs: who is in it. */
  recipientIds: z.array(id),
  /** Group DMs: who owns it. */
  ownerId: id.nullable(),
  lastMessageId: id.nullable(),
  createdAt: timestamp,
  /** Set for threads only (parentId is then the thread's text channel). */
  thread: threadMetadataSchema.optional(),
});
export type Channel = z.infer<typeof channelSchema>;

export const threadMemberSchema = z.object({ threadId: id, userId: id, joinedAt: timestamp });
export type ThreadMember = z.infer<typeof threadMemberSchema>;

/** A page of a channel's threads (active: all of them; archived: newest archive first, `hasMore`). */
export const threadListSchema = z.object({ threads: z.array(channelSchema), hasMore: z.boolean() });
export type ThreadList = z.infer<typeof threadListSchema>;

export const roleSchema = z.object({
  id,
  guildId: id,
  name: z.string(),
  /** RGB as an integer (0 = no colour). */
  color: z.number().int().min(0).max(0xffffff),
  hoist: z.boolean(),
  mentionable: z.boolean(),
  position: z.number().int().min(0),
  permissions: bitfield,
  createdAt: timestamp,
});
export type Role = z.infer<typeof roleSchema>;

export const memberSchema = z.object({
  guildId: id,
  userId: id,
  nickname: z.string().nullable(),
  roleIds: z.array(id),
  joinedAt: timestamp,
});
export type Member = z.infer<typeof memberSchema>;

export const inviteSchema = z.object({
  code: z.string(),
  guildId: id,
  channelId: id.nullable(),
  inviterId: id,
  maxUses: z.number().int().positive().nullable(),
  uses: z.number().int().min(0),
  expiresAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type Invite = z.infer<typeof inviteSchema>;

export const attachmentSchema = z.object({
  id,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const reactionCountSchema = z.object({
  emoji: z.string(),
  count: z.number().int().positive(),
  /** Whether the user reading the message reacted with this emoji (always false in events). */
  me: z.boolean(),
});

export const messageSchema = z.object({
  id,
  channelId: id,
  guildId: id.nullable(),
  authorId: id,
  content: z.string(),
  nonce: z.string().nullable(),
  replyToId: id.nullable(),
  attachments: z.array(attachmentSchema),
  mentions: z.object({ userIds: z.array(id), roleIds: z.array(id), everyone: z.boolean() }),
  pinned: z.boolean(),
  /** Grows by one with every change; consumers keep the highest they have seen. */
  revision: z.number().int().min(0),
  editedAt: timestamp.nullable(),
  createdAt: timestamp,
  reactions: z.array(reactionCountSchema),
  /** Set when an incoming webhook posted the message (authorId is then the webhook's id). */
  webhookId: id.optional(),
  /**
   * Who the message shows as, when that is not a user account: for a webhook's message its id, the name
   * it was posted under (the webhook's name or the per-message override), its avatar (a file id) and
   * `bot: true`. Absent for messages of users.
   */
  author: z.object({ id, username: z.string(), avatar: id.nullable(), bot: z.boolean() }).optional(),
  /** Link embeds (issue 20), when there are any; they arrive later through `message.updated`. */
  embeds: z.array(embedSchema).optional(),
  /** MESSAGE_FLAGS bits (SUPPRESS_EMBEDS), when any is set. */
  flags: z.number().int().min(0).optional(),
  /** The thread started from this message ("N replies"), when there is one. */
  thread: z
    .object({ id, name: z.string(), messageCount: z.number().int().min(0), archived: z.boolean() })
    .optional(),
});
export type Message = z.infer<typeof messageSchema>;

/** An incoming webhook of a guild text channel; its token is shown only once, when it is created. */
export const webhookSchema = z.object({
  id,
  guildId: id,
  channelId: id,
  name: z.string(),
  /** A file id, as a user's avatar. */
  avatar: id.nullable(),
  creatorId: id,
  createdAt: timestamp,
});
export type Webhook = z.infer<typeof webhookSchema>;

/** The answer to creating a webhook: the webhook, its secret token and the path that executes it. */
export const createdWebhookSchema = webhookSchema.extend({
  token: z.string(),
  /** `/api/v1/webhooks/{id}/{token}`, relative to the gateway. */
  url: z.string(),
});
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const readStateSchema = z.object({
  channelId: id,
  lastReadMessageId: id.nullable(),
  unreadCount: z.number().int().min(0),
  mentionCount: z.number().int().min(0),
});
export type ReadState = z.infer<typeof readStateSchema>;

export const MEMBER_LEFT_REASONS = ['left', 'kicked', 'banned'] as const;

/**
 * The moderation audit log (issue 19): what a moderator did, recorded in the transaction of the action.
 * The catalogue is stable (names as Discord's audit log events); clients filter on it with `action_type`.
 */
export const AUDIT_LOG_ACTIONS = [
  'GUILD_UPDATE',
  'CHANNEL_CREATE',
  'CHANNEL_UPDATE',
  'CHANNEL_DELETE',
  'CHANNEL_OVERWRITE_UPDATE',
  'CHANNEL_OVERWRITE_DELETE',
  'ROLE_CREATE',
  'ROLE_UPDATE',
  'ROLE_DELETE',
  'MEMBER_ROLE_UPDATE',
  'MEMBER_UPDATE',
  'MEMBER_KICK',
  'MEMBER_BAN_ADD',
  'MEMBER_BAN_REMOVE',
  'MESSAGE_DELETE',
  'MESSAGE_PIN',
  'MESSAGE_UNPIN',
  'INVITE_CREATE',
  'INVITE_DELETE',
  'WEBHOOK_CREATE',
  'WEBHOOK_UPDATE',
  'WEBHOOK_DELETE',
  'BOT_ADD',
  'VOICE_MEMBER_MOVE',
  'VOICE_MEMBER_DISCONNECT',
  'EMOJI_CREATE',
  'EMOJI_UPDATE',
  'EMOJI_DELETE',
] as const;
export type AuditLogAction = (typeof AUDIT_LOG_ACTIONS)[number];

export const AUDIT_LOG_TARGET_TYPES = [
  'guild',
  'channel',
  'role',
  'user',
  'message',
  'invite',
  'webhook',
  'emoji',
] as const;
export type AuditLogTargetType = (typeof AUDIT_LOG_TARGET_TYPES)[number];

/** Longest `X-Audit-Log-Reason` kept (characters, after decoding). */
export const AUDIT_LOG_REASON_MAX_LENGTH = 512;

/**
 * The `X-Audit-Log-Reason` header as the audit log keeps it (chat's routes and voice's moves use it).
 * Clients URL-encode it (as Discord's); a value that is not valid percent-encoding is taken as it is.
 * Control characters (C0, DEL, C1) are replaced by spaces, not refused — a reason is a note, and a
 * moderation action must not fail over its note — then the value is trimmed and cut to 512 characters
 * (code points). Empty → null.
 */
export function parseAuditLogReason(header: string | string[] | undefined | null): string | null {
  const raw = Array.isArray(header) ? header.join(', ') : header;
  if (raw === undefined || raw === null) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // not percent-encoding: keep the raw value
  }
  // eslint-disable-next-line no-control-regex
  const cleaned = decoded.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  const kept = [...cleaned].slice(0, AUDIT_LOG_REASON_MAX_LENGTH).join('').trim();
  return kept === '' ? null : kept;
}

/** One changed field: `old` absent on creation, `new` absent on deletion. */
export const auditLogChangeSchema = z.object({
  key: z.string(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
});
export type AuditLogChange = z.infer<typeof auditLogChangeSchema>;

export const auditLogEntrySchema = z.object({
  id,
  guildId: id,
  /** Who did it. */
  actorId: id,
  action: z.enum(AUDIT_LOG_ACTIONS),
  targetType: z.enum(AUDIT_LOG_TARGET_TYPES),
  /** The target's id (an invite's code for invites); null when the target has no id. */
  targetId: z.string().nullable(),
  /** Only the fields that changed. */
  changes: z.array(auditLogChangeSchema),
  /** Extra facts that are not changes of the target (the channel of a deleted message, a moved member's channels). */
  options: z.record(z.string(), z.string()).nullable(),
  reason: z.string().max(AUDIT_LOG_REASON_MAX_LENGTH).nullable(),
  createdAt: timestamp,
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

/** The actors and target users of a page of entries, as Discord sends them beside the entries. */
export const auditLogUserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string().nullable(),
  avatarFileId: id.nullable(),
});
export type AuditLogUser = z.infer<typeof auditLogUserSchema>;

export const auditLogPageSchema = z.object({
  /** Newest first. */
  entries: z.array(auditLogEntrySchema),
  users: z.array(auditLogUserSchema),
});
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
