import { bitfieldSchema, patchSchema, type Role } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';
import type { RolesTable } from '../database/schema';
import { idSchema } from '../guilds/guild-common';

export type RoleRow = Selectable<RolesTable>;

const roleName = z.string().trim().min(1).max(CHAT_LIMITS.roleNameLength);
const color = z.number().int().min(0).max(0xffffff);

export const createRoleSchema = z
  .object({
    name: roleName.default('new role'),
    color: color.default(0),
    hoist: z.boolean().default(false),
    mentionable: z.boolean().default(false),
    permissions: bitfieldSchema.default('0'),
  })
  .strict();
export type CreateRoleDto = z.infer<typeof createRoleSchema>;

export const updateRoleSchema = patchSchema({
  name: roleName.optional(),
  color: color.optional(),
  hoist: z.boolean().optional(),
  mentionable: z.boolean().optional(),
  permissions: bitfieldSchema.optional(),
});
export type UpdateRoleDto = z.infer<typeof updateRoleSchema>;

export const rolePositionsSchema = z
  .array(z.object({ id: idSchema, position: z.number().int().min(1).max(10_000) }).strict())
  .min(1)
  .max(CHAT_LIMITS.rolesPerGuild)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, 'ids must be unique');
export type RolePositionsDto = z.infer<typeof rolePositionsSchema>;

export function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    guildId: row.guildId,
    name: row.name,
    color: row.color,
    hoist: row.hoist,
    mentionable: row.mentionable,
    position: row.position,
    permissions: String(row.permissions),
    createdAt: row.createdAt.toISOString(),
  };
}
