import { describe, expect, it } from 'vitest';
import { generateInviteCode, inviteExpiry, isInviteCode, isInviteUsable } from './invite-code';

describe('invite codes', () => {
  it('are 10 url-safe characters and practically unique', () => {
    const codes = Array.from({ length: 2000 }, () => generateInviteCode());
    for (const code of codes) {
      expect(code).toMatch(/^[A-Za-z0-9]{10}$/);
      expect(encodeURIComponent(code)).toBe(code);
      expect(isInviteCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('refuses anything else as a code', () => {
    expect(isInviteCode('../x')).toBe(false);
    expect(isInviteCode('')).toBe(false);
    expect(isInviteCode('a'.repeat(33))).toBe(false);
  });
});

describe('invite expiry', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('adds the max age; 0 never expires', () => {
    expect(inviteExpiry(now, 3600)?.toISOString()).toBe('2026-03-01T13:00:00.000Z');
    expect(inviteExpiry(now, 0)).toBeNull();
  });

  it('is usable until it expires or its uses run out', () => {
    const later = new Date(now.getTime() + 1000);
    expect(isInviteUsable({ expiresAt: later, maxUses: null, uses: 50 }, now)).toBe(true);
    expect(isInviteUsable({ expiresAt: now, maxUses: null, uses: 0 }, now)).toBe(false);
    expect(isInviteUsable({ expiresAt: null, maxUses: 3, uses: 2 }, now)).toBe(true);
    expect(isInviteUsable({ expiresAt: null, maxUses: 3, uses: 3 }, now)).toBe(false);
  });
});
