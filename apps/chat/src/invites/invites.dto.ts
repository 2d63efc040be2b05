import type { Invite } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { InvitesTable } from '../database/schema';
import { idSchema } from '../guilds/guild-common';
import { DEFAULT_INVITE_MAX_AGE_SECONDS } from './invite-code';

export type InviteRow = Selectable<InvitesTable>;

export const createInviteSchema = z
  .object({
    /** 0 or absent: unlimited. */
    maxUses: z.number().int().min(0).max(1_000).optional(),
    /** Seconds until it expires; 0: never; default 7 days. */
    maxAgeSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 60 * 60)
      .default(DEFAULT_INVITE_MAX_AGE_SECONDS),
    channelId: idSchema.nullable().optional(),
  })
  .strict()
  .optional()
  .transform((value) => value ?? { maxAgeSeconds: DEFAULT_INVITE_MAX_AGE_SECONDS });
export type CreateInviteDto = z.infer<typeof createInviteSchema>;

export const invitePreviewSchema = z.object({
  code: z.string(),
  guild: z.object({
    id: z.string(),
    name: z.string(),
    iconFileId: z.string().nullable(),
    description: z.string().nullable(),
  }),
  memberCount: z.number().int().min(0),
  expiresAt: z.string().nullable(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export function toInvite(row: InviteRow): Invite {
  return {
    code: row.code,
    guildId: row.guildId,
    channelId: row.channelId,
    inviterId: row.inviterId,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
