import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new webhook token: 32 random bytes, base64url (43 characters, safe in a URL path). */
export function newWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token: its sha-256, hex. */
export function hashWebhookToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one whose hash is stored; compares the hashes in constant time. */
export function webhookTokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
