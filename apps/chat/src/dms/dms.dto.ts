import { channelSchema, snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';
import { invalidField } from '../guilds/guild-common';

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

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A group DM's name as given in a rename: trimmed; null or blank clears it; control characters and more
 * than CHAT_LIMITS.channelNameLength characters are refused (400 naming `field`).
 */
export function groupDmName(raw: string | null, field: string): string | null {
  if (raw === null) return null;
  const name = raw.trim();
  if (name.length === 0) return null;
  if (CONTROL_CHARACTERS.test(name)) {
    throw invalidField(field, 'invalid_text', 'must not contain control characters');
  }
  if ([...name].length > CHAT_LIMITS.channelNameLength) {
    throw invalidField(field, 'too_big', `must be at most ${CHAT_LIMITS.channelNameLength} characters`);
  }
  return name;
}
