import { createdWebhookSchema, snowflakeSchema, webhookSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { messageContentSchema } from '../messages/messages.dto';

/** Longest webhook name (and per-message username override), as Discord. */
const WEBHOOK_NAME_MAX = 80;
/** Most webhooks one channel may have, as Discord. */
export const WEBHOOKS_PER_CHANNEL = 15;

const name = z
  .string()
  .min(1)
  .max(WEBHOOK_NAME_MAX)
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, { message: 'must not be blank' });

export const createWebhookSchema = z
  .object({
    name,
    /** A file id (an uploaded avatar image), as a user's avatar; null or absent: none. */
    avatar: snowflakeSchema.nullable().optional(),
  })
  .strict();
export type CreateWebhookDto = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    name: name.optional(),
    avatar: snowflakeSchema.nullable().optional(),
    /** Move the webhook to another text channel of the same guild (MANAGE_WEBHOOKS there too). */
    channelId: snowflakeSchema.optional(),
  })
  .strict();
export type UpdateWebhookDto = z.infer<typeof updateWebhookSchema>;

/** What a webhook posts: a message's content (same rules as users'), optionally another name and avatar. */
export const executeWebhookSchema = z
  .object({
    content: messageContentSchema.refine((text) => text.length > 0, { message: 'must not be empty' }),
    /** This message's author name instead of the webhook's. */
    username: name.optional(),
    /** This message's avatar (a file id) instead of the webhook's. */
    avatar: snowflakeSchema.nullable().optional(),
  })
  .strict();
export type ExecuteWebhookDto = z.infer<typeof executeWebhookSchema>;

export const executeQuerySchema = z.object({
  /** true: answer 201 with the message; otherwise 204 (as Discord). */
  wait: z.enum(['true', 'false']).optional(),
});
export type ExecuteQuery = z.infer<typeof executeQuerySchema>;

export { createdWebhookSchema, webhookSchema };
export const webhookListSchema = z.array(webhookSchema);
