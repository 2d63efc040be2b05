import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decideRefresh,
  generateRefreshToken,
  hashRefreshToken,
  isWellFormedRefreshToken,
} from './refresh-token';

const now = new Date('2026-03-01T12:00:00Z');
const later = new Date('2026-03-31T12:00:00Z');
const earlier = new Date('2026-02-01T12:00:00Z');

describe('refresh tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateRefreshToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(isWellFormedRefreshToken(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(isWellFormedRefreshToken('short')).toBe(false);
    expect(isWellFormedRefreshToken(`${'a'.repeat(42)}=`)).toBe(false);
  });

  it('are stored as their SHA-256 hex digest only', () => {
    const token = generateRefreshToken();
    const hash = hashRefreshToken(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashRefreshToken(token)).toBe(hash);
  });
});

describe('decideRefresh', () => {
  const live = { revokedAt: null, expiresAt: later };
  const fresh = { usedAt: null, expiresAt: later };

  it('rotates a fresh token of a live session', () => {
    expect(decideRefresh(fresh, live, now)).toEqual({ outcome: 'rotate' });
  });

  it('treats a used token as reuse', () => {
    expect(decideRefresh({ usedAt: earlier, expiresAt: later }, live, now)).toEqual({ outcome: 'reused' });
  });

  it('reports reuse even when the used token has expired since', () => {
    expect(decideRefresh({ usedAt: earlier, expiresAt: earlier }, live, now)).toEqual({ outcome: 'reused' });
  });

  it('rejects unknown tokens, revoked sessions and expired tokens or sessions', () => {
    expect(decideRefresh(null, null, now)).toEqual({ outcome: 'invalid', reason: 'unknown' });
    expect(decideRefresh(fresh, { revokedAt: earlier, expiresAt: later }, now)).toEqual({
      outcome: 'invalid',
      reason: 'session_revoked',
    });
    expect(
      decideRefresh({ usedAt: earlier, expiresAt: later }, { revokedAt: earlier, expiresAt: later }, now),
    ).toEqual({
      outcome: 'invalid',
      reason: 'session_revoked',
    });
    expect(decideRefresh({ usedAt: null, expiresAt: now }, live, now)).toEqual({
      outcome: 'invalid',
      reason: 'expired',
    });
    expect(decideRefresh(fresh, { revokedAt: null, expiresAt: earlier }, now)).toEqual({
      outcome: 'invalid',
      reason: 'expired',
    });
  });
});
