import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How the gateway tells a service who is calling. The gateway verifies the user's access token, drops
 * any identity header a client sent, and adds this one, signed with a secret only the gateway and the
 * services hold (INTERNAL_IDENTITY_SECRET). A client cannot forge it; a captured one expires quickly.
 */
export const IDENTITY_HEADER = 'x-bonfire-identity';

/**
 * The client address the gateway decided on (from its socket, or from the proxies TRUST_PROXY_HOPS
 * trusts), signed the same way, on every proxied request (public routes too): a service reached directly
 * cannot be told another address through X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = 'x-bonfire-client-address';

export interface CallerIdentity {
  userId: string;
  sessionId: string;
}

const IDENTITY_VERSION = 'v1';
const ADDRESS_VERSION = 'a1';
const MAX_AGE_MS = 60_000;

function sign(secret: string, version: string, payload: string): string {
  return createHmac('sha256', secret).update(`${version}.${payload}`).digest('base64url');
}

function signClaims(secret: string, version: string, claims: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${version}.${payload}.${sign(secret, version, payload)}`;
}

/** The claims of an authentic header of this version issued within MAX_AGE_MS, otherwise null. */
function verifyClaims(
  secret: string,
  version: string,
  header: string | undefined,
  now: number,
): Record<string, unknown> | null {
  if (!header) return null;
  const [given, payload, signature] = header.split('.');
  if (given !== version || !payload || !signature) return null;
  const expected = Buffer.from(sign(secret, version, payload));
  const received = Buffer.from(signature);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    if (typeof claims['iat'] !== 'number' || Math.abs(now - claims['iat']) > MAX_AGE_MS) return null;
    return claims;
  } catch {
    return null;
  }
}

export function signIdentity(secret: string, identity: CallerIdentity, now = Date.now()): string {
  return signClaims(secret, IDENTITY_VERSION, { sub: identity.userId, sid: identity.sessionId, iat: now });
}

/** Returns the identity when the header is authentic and fresh, otherwise null. */
export function verifyIdentity(
  secret: string,
  header: string | undefined,
  now = Date.now(),
): CallerIdentity | null {
  const claims = verifyClaims(secret, IDENTITY_VERSION, header, now);
  if (typeof claims?.['sub'] !== 'string' || typeof claims['sid'] !== 'string') return null;
  return { userId: claims['sub'], sessionId: claims['sid'] };
}

export function signClientAddress(secret: string, ip: string, now = Date.now()): string {
  return signClaims(secret, ADDRESS_VERSION, { ip, iat: now });
}

/** Returns the address when the header is authentic and fresh, otherwise null. */
export function verifyClientAddress(
  secret: string,
  header: string | undefined,
  now = Date.now(),
): string | null {
  const claims = verifyClaims(secret, ADDRESS_VERSION, header, now);
  return typeof claims?.['ip'] === 'string' ? claims['ip'] : null;
}
