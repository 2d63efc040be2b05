import { type Member, patchSchema } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { CHAT_LIMITS } from '../config';
import type { BansTable, MembersTable } from '../database/schema';
import { idSchema } from '../guilds/guild-common';

export type MemberRow = Selectable<MembersTable>;
export type BanRow = Selectable<BansTable>;

/** Empty or whitespace clears the nickname. */
const nickname = z
  .string()
  .trim()
  .max(CHAT_LIMITS.nicknameLength)
  .nullable()
  .transform((value) => (value ? value : null));

export const listMembersQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(CHAT_LIMITS.memberPageMax).default(100),
    after: idSchema.optional(),
  })
  .strict();
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

export const updateMemberSchema = patchSchema({
  nickname: nickname.optional(),
  roleIds: z
    .array(idSchema)
    .max(CHAT_LIMITS.rolesPerGuild)
    .refine((ids) => new Set(ids).size === ids.length, 'role ids must be unique')
    .optional(),
});
export type UpdateMemberDto = z.infer<typeof updateMemberSchema>;

export const updateMeSchema = z.object({ nickname }).strict();
export type UpdateMeDto = z.infer<typeof updateMeSchema>;

export const banBodySchema = z
  .object({ reason: z.string().trim().max(512).optional() })
  .strict()
  .optional();
export type BanBodyDto = z.infer<typeof banBodySchema>;

export const banSchema = z.object({
  guildId: z.string(),
  userId: z.string(),
  reason: z.string().nullable(),
  moderatorId: z.string(),
  createdAt: z.string(),
});
export type Ban = z.infer<typeof banSchema>;

export function toMember(row: MemberRow, roleIds: readonly string[]): Member {
  return {
    guildId: row.guildId,
    userId: row.userId,
    nickname: row.nickname,
    roleIds: [...roleIds],
    joinedAt: row.joinedAt.toISOString(),
  };
}

export function toBan(row: BanRow): Ban {
  return {
    guildId: row.guildId,
    userId: row.userId,
    reason: row.reason,
    moderatorId: row.moderatorId,
    createdAt: row.createdAt.toISOString(),
  };
}
