import { describe, expect, it } from 'vitest';
import { KeyEncryption } from './key-encryption';

const secret = 'a-test-secret-that-is-long-enough-000';
const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIP7...\n-----END PRIVATE KEY-----\n';

describe('KeyEncryption (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time', () => {
    const encryption = new KeyEncryption(secret);
    const first = encryption.encrypt(pem, 'kid-1');
    const second = encryption.encrypt(pem, 'kid-1');
    expect(first).not.toEqual(second);
    expect(first).not.toContain('PRIVATE KEY');
    expect(first.startsWith('v1.')).toBe(true);
    expect(encryption.decrypt(first, 'kid-1')).toBe(pem);
    expect(new KeyEncryption(secret).decrypt(second, 'kid-1')).toBe(pem);
  });

  it('fails with another secret, another key id, or a tampered ciphertext', () => {
    const encrypted = new KeyEncryption(secret).encrypt(pem, 'kid-1');
    expect(() => new KeyEncryption(`${secret}-other`).decrypt(encrypted, 'kid-1')).toThrow();
    expect(() => new KeyEncryption(secret).decrypt(encrypted, 'kid-2')).toThrow();
    const parts = encrypted.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => new KeyEncryption(secret).decrypt(parts.join('.'), 'kid-1')).toThrow();
    expect(() => new KeyEncryption(secret).decrypt('v0.x.y.z', 'kid-1')).toThrow('unsupported');
  });

  it('refuses a short secret', () => {
    expect(() => new KeyEncryption('short')).toThrow();
  });
});
