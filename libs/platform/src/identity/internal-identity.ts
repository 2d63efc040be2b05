import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How the gateway tells a service who is calling. The gateway verifies the user's access token, drops
 * any identity header a client sent, and adds this one, signed with a secret only the gateway and the
 * services hold (INTERNAL_IDENTITY_SECRET). A client cannot forge it; a captured one expires quickly.
 */
export const IDENTITY_HEADER = 'x-bonfire-identity';

export interface CallerIdentity {
  userId: string;
  sessionId: string;
}

const VERSION = 'v1';
const MAX_AGE_MS = 60_000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest('base64url');
}

export function signIdentity(secret: string, identity: CallerIdentity, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: identity.userId, sid: identity.sessionId, iat: now }),
  ).toString('base64url');
  return `${VERSION}.${payload}.${sign(secret, payload)}`;
}

/** Returns the identity when the header is authentic and fresh, otherwise null. */
export function verifyIdentity(
  secret: string,
  header: string | undefined,
  now = Date.now(),
): CallerIdentity | null {
  if (!header) return null;
  const [version, payload, signature] = header.split('.');
  if (version !== VERSION || !payload || !signature) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      sub?: unknown;
      sid?: unknown;
      iat?: unknown;
    };
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.iat !== 'number')
      return null;
    if (Math.abs(now - claims.iat) > MAX_AGE_MS) return null;
    return { userId: claims.sub, sessionId: claims.sid };
  } catch {
    return null;
  }
}
