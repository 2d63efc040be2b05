import { randomInt } from 'node:crypto';

const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: a code is read off paper and typed back.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

/** A recovery code as shown: two groups of five (about 49 bits), e.g. `k7qmz-r2xwd`. */
function newRecoveryCode(): string {
  let code = '';
  for (let index = 0; index < GROUP * 2; index++) {
    if (index === GROUP) code += '-';
    code += ALPHABET[randomInt(ALPHABET.length)];
  }
  return code;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** What is hashed and compared: lowercase, without the dash or spaces; null when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  return new RegExp(`^[${ALPHABET}]{${GROUP * 2}}$`).test(code) ? code : null;
}

/** A six-digit code is a TOTP code; anything else is tried as a recovery code. */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}
