import { describe, expect, it } from 'vitest';
import { hashWebhookToken, newWebhookToken, webhookTokenMatches } from './webhook-token';

describe('webhook tokens', () => {
  it('are 32 random bytes in base64url, different each time', () => {
    const token = newWebhookToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newWebhookToken()).not.toBe(token);
  });

  it('are stored as their sha-256 and matched against it', () => {
    const token = newWebhookToken();
    const hash = hashWebhookToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(webhookTokenMatches(token, hash)).toBe(true);
    expect(webhookTokenMatches(`${token}x`, hash)).toBe(false);
    expect(webhookTokenMatches('', hash)).toBe(false);
    expect(webhookTokenMatches(token, 'not-hex')).toBe(false);
  });
});
