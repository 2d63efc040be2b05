import { z } from 'zod';
import { authResultSchema } from '../auth/auth.dto';

/** A TOTP code (six digits) or a recovery code (`xxxxx-xxxxx`); spaces are ignored. */
const code = z.string().trim().min(1).max(64);

export const enrolTotpSchema = z.object({ password: z.string().min(1).max(4096) });
export type EnrolTotpDto = z.infer<typeof enrolTotpSchema>;

export const totpCodeSchema = z.object({ code });
export type TotpCodeDto = z.infer<typeof totpCodeSchema>;

export const totpEnrolmentSchema = z.object({
  /** The secret in base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** The otpauth://totp/… URI the QR code holds. */
  otpauthUri: z.string(),
  /** The QR code of otpauthUri, an SVG document. */
  qrCodeSvg: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const recoveryCodesSchema = z.object({
  /** Ten single-use codes, shown this once (only their hashes are kept). */
  recoveryCodes: z.array(z.string()),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const mfaStatusSchema = z.object({
  /** Login asks for a second factor. */
  enabled: z.boolean(),
  /** An enrolment was started and waits for its confirming code. */
  pending: z.boolean(),
  /** Recovery codes not used yet. */
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof mfaStatusSchema>;

export const MFA_METHODS = ['totp', 'recovery'] as const;

/** The answer to a right password on an account with two-factor on: no tokens, a ticket for the code. */
export const mfaChallengeSchema = z.object({
  mfaRequired: z.literal(true),
  /** Single use, bound to the account; POST it with the code to /api/v1/auth/login/mfa. */
  ticket: z.string(),
  /** Seconds the ticket stays valid (300 by default). */
  expiresIn: z.number().int(),
  methods: z.array(z.enum(MFA_METHODS)),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

export const mfaLoginSchema = z.object({ ticket: z.string().min(1).max(128), code });
export type MfaLoginDto = z.infer<typeof mfaLoginSchema>;

export const mfaLoginResultSchema = authResultSchema;
export type MfaLoginResult = z.infer<typeof mfaLoginResultSchema>;

/** POST /auth/login answers either the session (two-factor off) or the challenge (two-factor on). */
export const loginAnswerSchema = z.union([authResultSchema, mfaChallengeSchema]);
