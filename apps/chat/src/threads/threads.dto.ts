import { THREAD_AUTO_ARCHIVE_MINUTES } from '@bonfire/contracts';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';

const name = z
  .string()
  .min(1)
  .max(CHAT_LIMITS.channelNameLength * 2);
const autoArchiveMinutes = z.union(THREAD_AUTO_ARCHIVE_MINUTES.map((minutes) => z.literal(minutes)));

export const createThreadFromMessageSchema = z
  .object({ name, autoArchiveMinutes: autoArchiveMinutes.optional() })
  .strict();
export type CreateThreadFromMessageDto = z.infer<typeof createThreadFromMessageSchema>;

export const createThreadSchema = z
  .object({
    name,
    type: z.enum(['public', 'private']).default('public'),
    autoArchiveMinutes: autoArchiveMinutes.optional(),
    /** Private threads: whether members other than moderators may add people (default true; public: ignored). */
    invitable: z.boolean().optional(),
  })
  .strict();
export type CreateThreadDto = z.infer<typeof createThreadSchema>;

/** The archived-threads page: threads archived before `before` (an ISO time), newest first. */
export const archivedThreadsQuerySchema = z
  .object({
    before: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type ArchivedThreadsQuery = z.infer<typeof archivedThreadsQuerySchema>;
