import { patchSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { publicUserSchema } from '../users/users.dto';

const name = z.string().trim().min(2).max(32);
const description = z.string().trim().max(400);

export const createApplicationSchema = z.object({
  name,
  description: description.optional(),
});
export type CreateApplicationDto = z.infer<typeof createApplicationSchema>;

export const updateApplicationSchema = patchSchema({
  name: name.optional(),
  description: description.nullable().optional(),
});
export type UpdateApplicationDto = z.infer<typeof updateApplicationSchema>;

export const applicationSchema = z.object({
  /** Also the bot user's id (as Discord's). */
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerId: z.string(),
  bot: publicUserSchema,
  createdAt: z.string(),
});
export type ApplicationView = z.infer<typeof applicationSchema>;
export const applicationListSchema = z.array(applicationSchema);

export const botTokenSchema = z.object({
  token: z
    .string()
    .describe('Shown once: send it as `Authorization: Bot <token>`. The previous token stops working.'),
});
export type BotTokenView = z.infer<typeof botTokenSchema>;
