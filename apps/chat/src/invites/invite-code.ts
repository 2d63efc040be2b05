import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const INVITE_CODE_LENGTH = 10;
/** One week, as Discord. */
export const DEFAULT_INVITE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** A random url-safe code: 10 characters of [A-Za-z0-9] (about 59 bits). */
export function generateInviteCode(length = INVITE_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes clients may send: anything else names no invite. */
export function isInviteCode(value: string): boolean {
  return /^[A-Za-z0-9]{4,32}$/.test(value);
}

/** When an invite made now with this max age expires; 0 means never. */
export function inviteExpiry(now: Date, maxAgeSeconds: number): Date | null {
  return maxAgeSeconds === 0 ? null : new Date(now.getTime() + maxAgeSeconds * 1000);
}

/** Whether an invite may still be used: not expired and uses left. */
export function isInviteUsable(
  invite: { expiresAt: Date | null; maxUses: number | null; uses: number },
  now: Date,
): boolean {
  if (invite.expiresAt !== null && invite.expiresAt.getTime() <= now.getTime()) return false;
  return invite.maxUses === null || invite.uses < invite.maxUses;
}
