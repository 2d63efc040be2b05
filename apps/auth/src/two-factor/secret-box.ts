import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The two-factor secrets at rest. TOTP secrets are encrypted with AES-256-GCM, and recovery codes are
 * stored as HMAC-SHA256, both under keys derived with HKDF-SHA256 from AUTH_KEY_ENCRYPTION_SECRET (the
 * secret that already protects the signing keys; its own HKDF labels keep the keys apart). So a copy of
 * the database alone yields neither the TOTP secrets nor a way to test guesses of recovery codes, and a
 * production instance cannot start without that secret (shipped or short values are refused).
 * The user id is bound as associated data: a ciphertext cannot be moved onto another user's row.
 * Format: `v1.<iv>.<tag>.<ciphertext>` (base64url parts), as tokens/key-encryption.ts.
 */
export class TwoFactorSecretBox {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('the key encryption secret must be at least 32 characters');
    const ikm = Buffer.from(secret, 'utf8');
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', ikm, 'bonfire-auth', 'totp-secret-encryption-v1', 32),
    );
    this.hashKey = Buffer.from(hkdfSync('sha256', ikm, 'bonfire-auth', 'recovery-code-hash-v1', 32));
  }

  encrypt(secret: Uint8Array, userId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(`totp:${userId}`, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the secret is wrong or the row was tampered with (or moved to another user). */
  decrypt(encrypted: string, userId: string): Buffer {
    const [version, iv, tag, ciphertext] = encrypted.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error('unsupported encrypted TOTP secret format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(`totp:${userId}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  }

  /** The stored form of a recovery code (already normalised), bound to its user. */
  hashRecoveryCode(userId: string, code: string): string {
    return createHmac('sha256', this.hashKey).update(`${userId}:${code}`).digest('base64url');
  }
}
