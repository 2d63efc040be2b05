import { bitfieldSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { idSchema } from '../guilds/guild-common';

/** Discord's names: `client_id` (the application, also its bot user's id), `permissions`, `guild_id`. */
export const authorizeQuerySchema = z.object({
  client_id: idSchema,
  permissions: bitfieldSchema.default('0'),
  guild_id: idSchema.optional(),
});
export type AuthorizeQuery = z.infer<typeof authorizeQuerySchema>;

export const authorizeBotSchema = z
  .object({
    clientId: idSchema,
    guildId: idSchema,
    permissions: bitfieldSchema.default('0'),
  })
  .strict();
export type AuthorizeBotDto = z.infer<typeof authorizeBotSchema>;

const botUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  avatarFileId: z.string().nullable(),
  bot: z.literal(true),
});

export const authorizationInfoSchema = z.object({
  application: z.object({ id: z.string(), name: z.string() }),
  bot: botUser,
  permissions: z.string(),
  permissionNames: z.array(z.string()),
  guild: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const authorizedBotSchema = z.object({
  guildId: z.string(),
  userId: z.string(),
  /** The role granting the permissions (null when none were asked for). */
  roleId: z.string().nullable(),
  /** false when the bot was already a member (nothing changed). */
  added: z.boolean(),
});
export type AuthorizedBot = z.infer<typeof authorizedBotSchema>;
