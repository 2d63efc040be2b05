import { z } from 'zod';
import { tokenPairSchema } from '../sessions/sessions.dto';
import { displayNameSchema, privateUserSchema, usernameSchema } from '../users/users.dto';

// Passwords are only bounded here (the body limit bounds them too); the policy (8–256 characters, not the
// email or username) is checked by the service and answered as WEAK_PASSWORD.
const password = z.string().max(4096);
const deviceLabel = z.string().trim().min(1).max(128);

export const registerSchema = z.object({
  email: z.email().max(254),
  username: usernameSchema,
  password,
  displayName: displayNameSchema.optional(),
  deviceLabel: deviceLabel.optional(),
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
  newPassword: password,
});
export type ChangePasswordDto = z.infer<typeof changePasswordSchema>;

export const authResultSchema = tokenPairSchema.extend({ user: privateUserSchema });
export type AuthResult = z.infer<typeof authResultSchema>;
