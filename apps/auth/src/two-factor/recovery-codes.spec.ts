import { describe, expect, it } from 'vitest';
import { isTotpCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { TwoFactorSecretBox } from './secret-box';

describe('recovery codes', () => {
  it('makes ten distinct codes of two groups of five', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('normalises what the user types and refuses what cannot be a code', () => {
    expect(normalizeRecoveryCode(' K7QMZ-R2XWD ')).toBe('k7qmzr2xwd');
    expect(normalizeRecoveryCode('k7qmzr2xwd')).toBe('k7qmzr2xwd');
    expect(normalizeRecoveryCode('k7qmz-r2xw')).toBeNull();
    expect(normalizeRecoveryCode('k7qmz-r2xw0')).toBeNull();
    expect(isTotpCode('123456')).toBe(true);
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('k7qmz-r2xwd')).toBe(false);
  });
});

describe('TwoFactorSecretBox', () => {
  const box = new TwoFactorSecretBox('a'.repeat(32));

  it('round-trips a TOTP secret and binds it to its user', () => {
    const secret = Buffer.from('12345678901234567890');
    const encrypted = box.encrypt(secret, '42');
    expect(encrypted).not.toContain(secret.toString('base64url'));
    expect(box.decrypt(encrypted, '42')).toEqual(secret);
    expect(() => box.decrypt(encrypted, '43')).toThrow();
    expect(() => new TwoFactorSecretBox('b'.repeat(32)).decrypt(encrypted, '42')).toThrow();
  });

  it('hashes recovery codes per user under a key of its own', () => {
    expect(box.hashRecoveryCode('42', 'k7qmzr2xwd')).toBe(box.hashRecoveryCode('42', 'k7qmzr2xwd'));
    expect(box.hashRecoveryCode('42', 'k7qmzr2xwd')).not.toBe(box.hashRecoveryCode('43', 'k7qmzr2xwd'));
    expect(new TwoFactorSecretBox('b'.repeat(32)).hashRecoveryCode('42', 'k7qmzr2xwd')).not.toBe(
      box.hashRecoveryCode('42', 'k7qmzr2xwd'),
    );
  });
});
