import { patchSchema, snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { REGISTRATION_MODES } from './admin.schema';

const registrationModeSchema = z.enum(REGISTRATION_MODES);

/** GET /api/v1/instance: what any client may know before signing in. */
export const instanceInfoSchema = z.object({ registrationMode: registrationModeSchema });
export type InstanceInfo = z.infer<typeof instanceInfoSchema>;

export const instanceSettingsSchema = z.object({
  registrationMode: registrationModeSchema,
  /** The mode comes from AUTH_REGISTRATION_MODE (no admin has set one yet). */
  registrationModeFromConfig: z.boolean(),
});
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

export const updateInstanceSettingsSchema = patchSchema({
  registrationMode: registrationModeSchema.optional(),
});
export type UpdateInstanceSettingsDto = z.infer<typeof updateInstanceSettingsSchema>;

const ADMIN_USERS_PAGE_MAX = 100;

export const adminUsersQuerySchema = z
  .object({
    query: z.string().trim().max(254).optional(),
    cursor: snowflakeSchema.optional(),
    limit: z.coerce.number().int().min(1).max(ADMIN_USERS_PAGE_MAX).default(50),
  })
  .strict();
export type AdminUsersQuery = z.infer<typeof adminUsersQuerySchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  createdAt: z.string(),
  suspended: z.boolean(),
  suspendedAt: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  twoFactorEnabled: z.boolean(),
  emailVerified: z.boolean(),
  instanceAdmin: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersPageSchema = z.object({
  users: z.array(adminUserSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type AdminUsersPage = z.infer<typeof adminUsersPageSchema>;

export const suspendUserSchema = z.object({ reason: z.string().trim().min(1).max(512) });
export type SuspendUserDto = z.infer<typeof suspendUserSchema>;

const INVITE_MAX_USES = 10_000;
/** Thirty days at most; no expiry when absent. */
const INVITE_MAX_AGE_SECONDS = 30 * 86_400;

export const createInstanceInviteSchema = z.object({
  maxUses: z.number().int().min(1).max(INVITE_MAX_USES).nullable().optional(),
  maxAgeSeconds: z.number().int().min(60).max(INVITE_MAX_AGE_SECONDS).nullable().optional(),
});
export type CreateInstanceInviteDto = z.infer<typeof createInstanceInviteSchema>;

export const instanceInviteSchema = z.object({
  code: z.string(),
  createdBy: z.string().nullable(),
  maxUses: z.number().nullable(),
  uses: z.number(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InstanceInvite = z.infer<typeof instanceInviteSchema>;

export const instanceStatsSchema = z.object({
  /** People (bots apart). */
  users: z.number(),
  bots: z.number(),
  registeredLast7Days: z.number(),
  suspended: z.number(),
  /** Sessions neither revoked nor expired. */
  activeSessions: z.number(),
});
export type InstanceStats = z.infer<typeof instanceStatsSchema>;
