import { patchSchema, snowflakeSchema } from '@bonfire/contracts';
import { z } from 'zod';
import { isInstanceAdmin } from '../admin/instance-admins';
import type { UserRow } from './users.repository';

/** Usernames: 2–32 of a-z 0-9 _ . — typed in any case, stored lowercase. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.]{2,32}$/, 'must be 2–32 characters of a-z, 0-9, _ and .');

export const displayNameSchema = z.string().trim().min(1).max(32);
const aboutSchema = z.string().max(190);

export const updateMeSchema = patchSchema({
  displayName: displayNameSchema.nullable().optional(),
  avatarFileId: snowflakeSchema.nullable().optional(),
  about: aboutSchema.nullable().optional(),
});
export type UpdateMeDto = z.infer<typeof updateMeSchema>;

export const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  avatarFileId: z.string().nullable(),
  about: z.string().nullable(),
  /** An application's bot user (applications/). */
  bot: z.boolean(),
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

/** A bot has no email. `emailVerified`: the user opened a link mailed to `email`. */
export const privateUserSchema = publicUserSchema.extend({
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  /** Login asks for a second factor (two-factor/). */
  mfaEnabled: z.boolean(),
  /** An instance admin (admin/): shown to the user themself only, never in public profiles. */
  instanceAdmin: z.boolean(),
});
export type PrivateUser = z.infer<typeof privateUserSchema>;

/** What anyone may see of a user: never the email. Also the payload of auth.users events. */
export function toPublicUser(user: UserRow): PublicUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    avatarFileId: user.avatarFileId,
    about: user.about,
    bot: user.bot,
    createdAt: user.createdAt.toISOString(),
  };
}

/** What the user sees of themselves (`adminEmails`: BONFIRE_ADMIN_EMAILS, for `instanceAdmin`). */
export function toPrivateUser(user: UserRow, adminEmails?: readonly string[]): PrivateUser {
  return {
    ...toPublicUser(user),
    email: user.email,
    emailVerified: user.emailVerified,
    mfaEnabled: user.mfaEnabled,
    instanceAdmin: isInstanceAdmin(user, adminEmails),
  };
}
