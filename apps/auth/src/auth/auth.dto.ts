import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../credentials/password-policy';
import { tokenPairSchema } from '../sessions/sessions.dto';
import { displayNameSchema, privateUserSchema, usernameSchema } from '../users/users.dto';

// A new password's length is checked here with the other fields, so one 400 lists every bad field; the
// rest of the policy (256 code points at most, not the email or username) needs the account and is
// checked by the service, answered as WEAK_PASSWORD. The document states the policy's length, in code
// points as JSON Schema counts them (zod's 4096 counts UTF-16 units: only a cheap guard before it).
const password = z.string().max(4096);
const newPassword = z
  .string()
  .min(8, 'The password must be at least 8 characters long.')
  .max(4096)
  .meta({ maxLength: PASSWORD_MAX_LENGTH });
const deviceLabel = z.string().trim().min(1).max(128);

export const registerSchema = z.object({
  email: z.email().max(254),
  username: usernameSchema,
  password: newPassword,
  displayName: displayNameSchema.optional(),
  deviceLabel: deviceLabel.optional(),
  /** An instance invite code: required when the registration mode is invite_only (admin/). */
  inviteCode: z.string().trim().min(1).max(64).optional(),
});
export type RegisterDto = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  /** Email or username. */
  login: z.string().trim().min(1).max(254),
  password: password.min(1),
  deviceLabel: deviceLabel.optional(),
});
export type LoginDto = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.object({
  currentPassword: password.min(1),
  newPassword,
});
export type ChangePasswordDto = z.infer<typeof changePasswordSchema>;

export const authResultSchema = tokenPairSchema.extend({ user: privateUserSchema });
export type AuthResult = z.infer<typeof authResultSchema>;

/** The answer to registering when AUTH_UNVERIFIED_POLICY=block: no session until the email is verified. */
export const pendingVerificationSchema = z.object({
  user: privateUserSchema,
  verificationRequired: z.literal(true),
});
export type PendingVerification = z.infer<typeof pendingVerificationSchema>;
