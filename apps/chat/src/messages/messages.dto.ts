import { EDITABLE_MESSAGE_FLAGS, messageSchema, snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';

const snowflake = snowflakeSchema;

/** Length in user-perceived characters (code points), not UTF-16 units. */
function codePoints(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

export const messageContentSchema = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => codePoints(text) <= CHAT_LIMITS.messageLength, {
    message: `must be at most ${CHAT_LIMITS.messageLength} characters`,
  });

export const sendMessageSchema = z
  .object({
    content: messageContentSchema.default(''),
    /** The client's idempotency key: a retried send with the same nonce returns the first message. */
    nonce: z.string().min(1).max(64).optional(),
    replyTo: snowflake.optional(),
    attachments: z.array(snowflake).max(CHAT_LIMITS.attachmentsPerMessage).default([]),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.content.length === 0 && body.attachments.length === 0) {
      context.addIssue({ code: 'custom', path: ['content'], message: 'must not be empty' });
    }
  });
export type SendMessageDto = z.infer<typeof sendMessageSchema>;

export const editMessageSchema = z
  .object({
    /** The author only. */
    content: messageContentSchema
      .refine((text) => text.length > 0, { message: 'must not be empty' })
      .optional(),
    /**
     * MESSAGE_FLAGS: only SUPPRESS_EMBEDS (4) may be set or cleared — by the author, or by anyone with
     * MANAGE_MESSAGES. Setting it removes the embeds; clearing it unfurls the links again.
     */
    flags: z.literal([0, EDITABLE_MESSAGE_FLAGS]).optional(),
  })
  .strict()
  .meta({ minProperties: 1 })
  .superRefine((body, context) => {
    if (body.content === undefined && body.flags === undefined) {
      context.addIssue({ code: 'custom', path: ['content'], message: 'content or flags is required' });
    }
  });
export type EditMessageDto = z.infer<typeof editMessageSchema>;

export const messageListSchema = z.array(messageSchema);
export { messageSchema };
