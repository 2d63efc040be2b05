import {
  bitfieldSchema,
  type Channel,
  type PermissionOverwriteDto,
  patchSchema,
  THREAD_AUTO_ARCHIVE_MINUTES,
  type ThreadMetadata,
} from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';
import type { ChannelsTable } from '../database/schema';
import { idSchema } from '../guilds/guild-common';

export type ChannelRow = Selectable<ChannelsTable>;

/** Names are normalised per type by normaliseChannelName; this only bounds the raw input. */
const channelName = z
  .string()
  .min(1)
  .max(CHAT_LIMITS.channelNameLength * 2);
const topic = z.string().max(CHAT_LIMITS.topicLength).nullable();
const position = z.number().int().min(0).max(100_000);
const slowmodeSeconds = z.number().int().min(0).max(21_600);
const userLimit = z.number().int().min(1).max(99).nullable();

const overwriteInputSchema = z
  .object({
    id: idSchema,
    type: z.enum(['role', 'member']),
    allow: bitfieldSchema.default('0'),
    deny: bitfieldSchema.default('0'),
  })
  .strict();

export const createChannelSchema = z
  .object({
    name: channelName,
    type: z.enum(['text', 'voice', 'category']).default('text'),
    topic: topic.optional(),
    parentId: idSchema.nullable().optional(),
    position: position.optional(),
    slowmodeSeconds: slowmodeSeconds.optional(),
    userLimit: userLimit.optional(),
    permissionOverwrites: z.array(overwriteInputSchema).max(100).default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    const onlyFor = (
      field: 'topic' | 'slowmodeSeconds' | 'userLimit' | 'parentId',
      ok: boolean,
      what: string,
    ) => {
      if (!ok && value[field] !== undefined && value[field] !== null) {
        ctx.addIssue({ code: 'custom', path: [field], message: `only ${what} have ${field}` });
      }
    };
    onlyFor('topic', value.type === 'text', 'text channels');
    onlyFor('slowmodeSeconds', value.type === 'text', 'text channels');
    onlyFor('userLimit', value.type === 'voice', 'voice channels');
    onlyFor('parentId', value.type !== 'category', 'text and voice channels');
    const ids = value.permissionOverwrites.map((overwrite) => overwrite.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['permissionOverwrites'],
        message: 'one overwrite per role or member',
      });
    }
  });
export type CreateChannelDto = z.infer<typeof createChannelSchema>;

export const updateChannelSchema = patchSchema({
  /** A guild channel's name (normalised, 1–100); a group DM's name (null or blank clears it). */
  name: z
    .string()
    .max(CHAT_LIMITS.channelNameLength * 2)
    .nullable()
    .optional(),
  topic: topic.optional(),
  parentId: idSchema.nullable().optional(),
  position: position.optional(),
  slowmodeSeconds: slowmodeSeconds.optional(),
  userLimit: userLimit.optional(),
  /** Threads only (owner or MANAGE_THREADS; locking and unlocking: MANAGE_THREADS). */
  archived: z.boolean().optional(),
  locked: z.boolean().optional(),
  autoArchiveMinutes: z.union(THREAD_AUTO_ARCHIVE_MINUTES.map((minutes) => z.literal(minutes))).optional(),
  invitable: z.boolean().optional(),
});
export type UpdateChannelDto = z.infer<typeof updateChannelSchema>;

export const channelPositionsSchema = z
  .array(z.object({ id: idSchema, position, parentId: idSchema.nullable().optional() }).strict())
  .min(1)
  .max(CHAT_LIMITS.channelsPerGuild)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, 'ids must be unique');
export type ChannelPositionsDto = z.infer<typeof channelPositionsSchema>;

export const putOverwriteSchema = z
  .object({
    type: z.enum(['role', 'member']),
    allow: bitfieldSchema.default('0'),
    deny: bitfieldSchema.default('0'),
  })
  .strict();
export type PutOverwriteDto = z.infer<typeof putOverwriteSchema>;

export function toChannel(
  row: ChannelRow,
  overwrites: readonly PermissionOverwriteDto[],
  recipientIds: readonly string[] = [],
): Channel {
  return {
    id: row.id,
    type: row.type,
    guildId: row.guildId,
    name: row.name,
    topic: row.topic,
    position: row.position,
    parentId: row.threadParentId ?? row.parentId,
    slowmodeSeconds: row.slowmodeSeconds,
    userLimit: row.userLimit,
    permissionOverwrites: [...overwrites],
    recipientIds: [...recipientIds],
    ownerId: row.ownerId,
    lastMessageId: row.lastMessageId,
    createdAt: row.createdAt.toISOString(),
    ...(row.threadParentId === null ? {} : { thread: threadMetadata(row) }),
  };
}

function threadMetadata(row: ChannelRow): ThreadMetadata {
  return {
    starterMessageId: row.starterMessageId,
    ownerId: row.ownerId ?? '0',
    archived: row.archived,
    autoArchiveMinutes: (row.autoArchiveMinutes ?? 1440) as ThreadMetadata['autoArchiveMinutes'],
    archiveTimestamp: (row.archiveTimestamp ?? row.createdAt).toISOString(),
    locked: row.locked,
    invitable: row.invitable,
    messageCount: row.messageCount,
    memberCount: row.memberCount,
  };
}

/** Guild channel order: position, then id (oldest first). */
export function compareChannels(a: ChannelRow, b: ChannelRow): number {
  return a.position - b.position || (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);
}
