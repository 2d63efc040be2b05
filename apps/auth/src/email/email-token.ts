import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters — the shape of every mailed token. */
const EMAIL_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Mailed tokens (verification, password reset, email change) are opaque random strings, single-use and
 * expiring. Only their SHA-256 is stored: a database leak yields no usable link.
 */
export function generateEmailToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedEmailToken(token: string): boolean {
  return EMAIL_TOKEN_SHAPE.test(token);
}
