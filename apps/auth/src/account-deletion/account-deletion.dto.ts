import { z } from 'zod';

export const deleteAccountSchema = z.object({
  /** The account's current password. */
  password: z.string().min(1).max(4096),
  /** With two-factor on: a TOTP code or a recovery code. */
  code: z.string().trim().min(1).max(64).optional(),
});
export type DeleteAccountDto = z.infer<typeof deleteAccountSchema>;
