import { z } from 'zod';

/**
 * Public shapes of the chat domain, as the REST API returns them and as events carry them.
 * Ids are snowflakes as decimal strings; permission bitfields are decimal strings; times are ISO 8601.
 */
const id = z.string().regex(/^\d{1,20}$/, 'must be a snowflake id');
const timestamp = z.iso.datetime({ offset: true });
const bitfield = z.string().regex(/^\d{1,20}$/, 'must be a decimal bitfield');

export const guildSchema = z.object({
  id,
  name: z.string(),
  iconFileId: id.nullable(),
  description: z.string().nullable(),
  ownerId: id,
  createdAt: timestamp,
});
export type Guild = z.infer<typeof guildSchema>;

export const CHANNEL_TYPES = ['text', 'voice', 'category', 'dm', 'group_dm'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

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
});
export type Channel = z.infer<typeof channelSchema>;

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
});
export type Message = z.infer<typeof messageSchema>;

export const readStateSchema = z.object({
  channelId: id,
  lastReadMessageId: id.nullable(),
  unreadCount: z.number().int().min(0),
  mentionCount: z.number().int().min(0),
});
export type ReadState = z.infer<typeof readStateSchema>;

export const MEMBER_LEFT_REASONS = ['left', 'kicked', 'banned'] as const;
