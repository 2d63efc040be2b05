import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../credentials/password-policy';

/** A mailed token as the link carries it (its exact shape is checked by the service: a bad one is 400 INVALID_TOKEN). */
const token = z.string().min(1).max(256);
const email = z.email().max(254);

export const verifyEmailSchema = z.object({ token });
export type VerifyEmailDto = z.infer<typeof verifyEmailSchema>;

export const resendVerificationSchema = z.object({ email });
export type ResendVerificationDto = z.infer<typeof resendVerificationSchema>;

export const passwordResetRequestSchema = z.object({ email });
export type PasswordResetRequestDto = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetConfirmSchema = z.object({
  token,
  password: z
    .string()
    .min(8, 'The password must be at least 8 characters long.')
    .max(4096)
    .meta({ maxLength: PASSWORD_MAX_LENGTH }),
});
export type PasswordResetConfirmDto = z.infer<typeof passwordResetConfirmSchema>;

export const emailChangeSchema = z.object({ email, password: z.string().min(1).max(4096) });
export type EmailChangeDto = z.infer<typeof emailChangeSchema>;

export const emailChangeConfirmSchema = z.object({ token });
export type EmailChangeConfirmDto = z.infer<typeof emailChangeConfirmSchema>;

/** The answer to requests whose outcome is mailed (202): never says whether an account exists. */
export const acceptedSchema = z.object({ accepted: z.literal(true) });
export type Accepted = z.infer<typeof acceptedSchema>;
