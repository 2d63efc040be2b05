import { channelSchema, snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';

const userId = snowflakeSchema;

/** `{recipientId}` opens (or finds) a 1:1 DM; `{recipientIds, name?}` creates a group DM. */
export const openDmSchema = z
  .object({
    recipientId: userId.optional(),
    recipientIds: z.array(userId).min(1).max(CHAT_LIMITS.groupDmRecipients).optional(),
    name: z.string().trim().min(1).max(CHAT_LIMITS.channelNameLength).optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if ((body.recipientId === undefined) === (body.recipientIds === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['recipientId'],
        message: 'give either recipientId or recipientIds',
      });
    }
    if (body.recipientId !== undefined && body.name !== undefined) {
      context.addIssue({ code: 'custom', path: ['name'], message: 'only group DMs have a name' });
    }
  });
export type OpenDmDto = z.infer<typeof openDmSchema>;

export const dmChannelSchema = channelSchema;
export const dmChannelListSchema = z.array(channelSchema);
