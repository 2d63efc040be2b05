import { type Guild, patchSchema } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';
import type { GuildsTable } from '../database/schema';
import { idSchema } from './guild-common';

export type GuildRow = Selectable<GuildsTable>;

const guildName = z.string().trim().min(2).max(CHAT_LIMITS.guildNameLength);
const description = z.string().trim().max(1_000).nullable();

export const createGuildSchema = z
  .object({
    name: guildName,
    description: description.optional(),
    iconFileId: idSchema.nullable().optional(),
  })
  .strict();
export type CreateGuildDto = z.infer<typeof createGuildSchema>;

export const updateGuildSchema = patchSchema({
  name: guildName.optional(),
  description: description.optional(),
  iconFileId: idSchema.nullable().optional(),
  /** Transfers ownership (owner only). */
  ownerId: idSchema.optional(),
});
export type UpdateGuildDto = z.infer<typeof updateGuildSchema>;

export const transferOwnershipSchema = z.object({ userId: idSchema }).strict();
export type TransferOwnershipDto = z.infer<typeof transferOwnershipSchema>;

export function toGuild(row: GuildRow): Guild {
  return {
    id: row.id,
    name: row.name,
    iconFileId: row.iconFileId,
    description: row.description,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
  };
}
