import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
const REFRESH_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Refresh tokens are opaque random strings. Only their SHA-256 is stored (a database leak yields no usable
 * token; no slow hash is needed for 256 bits of entropy). Every use exchanges the token for a new one of
 * the same session (the session is the token family); presenting an already-exchanged token means it was
 * copied, so the whole session is revoked (reuse detection).
 */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedRefreshToken(token: string): boolean {
  return REFRESH_TOKEN_SHAPE.test(token);
}

interface RefreshTokenState {
  usedAt: Date | null;
  expiresAt: Date;
}

interface SessionState {
  revokedAt: Date | null;
  expiresAt: Date;
}

export type RefreshDecision =
  | { outcome: 'rotate' }
  | { outcome: 'reused' }
  | { outcome: 'invalid'; reason: 'unknown' | 'session_revoked' | 'expired' };

/** What presenting a refresh token leads to. Pure, so the rules are unit-tested on their own. */
export function decideRefresh(
  token: RefreshTokenState | null,
  session: SessionState | null,
  now: Date,
): RefreshDecision {
  if (!token || !session) return { outcome: 'invalid', reason: 'unknown' };
  // A dead session's tokens are simply invalid (even an old one: nothing left to protect).
  if (session.revokedAt) return { outcome: 'invalid', reason: 'session_revoked' };
  if (token.usedAt) return { outcome: 'reused' };
  if (token.expiresAt <= now || session.expiresAt <= now) return { outcome: 'invalid', reason: 'expired' };
  return { outcome: 'rotate' };
}
