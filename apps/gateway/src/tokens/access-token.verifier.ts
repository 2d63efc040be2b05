import { ERROR } from '@bonfire/contracts';
import { AppError, type CallerIdentity } from '@bonfire/platform';
import type { BotTokenVerifier } from './bot-token.verifier';
import type { SessionDenylist } from './session-denylist';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

interface AccessTokenVerifierOptions {
  jwksUrl: URL;
  issuer: string;
  audience: string;
  /** Sessions ended before their tokens expire: their tokens are refused (SESSION_REVOKED). */
  denylist?: SessionDenylist;
  /** `Authorization: Bot <token>`: checked through auth (see BotTokenVerifier); absent, refused. */
  bots?: BotTokenVerifier;
}

/** A verified caller; `bot` when it authenticated with a bot token. */
export type VerifiedCaller = CallerIdentity & { bot?: boolean };

/**
 * Verifies access tokens locally against auth's JWKS, which jose caches and refetches only when a token
 * names an unknown key id (rotation) — no call to auth per request. Only EdDSA is accepted, so `alg: none`
 * and algorithm-confusion tokens fail before any key is looked at.
 */
export class AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens already verified, until they expire. A client sends the same token with every request for its
   * lifetime, and an EdDSA check through WebCrypto was the gateway's largest CPU cost per request; a cached
   * token is exactly as trustworthy as when it was checked; the denylist is consulted on every call.
   */
  private readonly verified = new Map<string, { identity: CallerIdentity; expiresAtMs: number }>();

  constructor(private readonly options: AccessTokenVerifierOptions) {
    this.keys = createRemoteJWKSet(options.jwksUrl, {
      timeoutDuration: 2_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async verify(authorization: string | undefined): Promise<VerifiedCaller> {
    if (this.options.bots && authorization?.startsWith('Bot ')) {
      const bot = await this.options.bots.verify(authorization.slice('Bot '.length));
      return this.notDenied(bot);
    }
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match) {
      throw new AppError(
        ERROR.TOKEN_MISSING,
        'An access token is required (Authorization: Bearer …, or Bot … for a bot).',
      );
    }
    const token = match[1]!;
    let identity: CallerIdentity;
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > Date.now()) return this.notDenied(cached.identity);
    if (cached) this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: ['EdDSA'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'sid', 'exp'],
      });
      if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string')
        throw new errors.JWTInvalid('claims');
      identity = { userId: payload.sub, sessionId: payload['sid'] };
      this.remember(token, identity, payload.exp! * 1000);
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new AppError(ERROR.TOKEN_EXPIRED, 'The access token has expired; refresh it.');
      }
      if (error instanceof errors.JWKSTimeout || isNetworkError(error)) {
        throw new AppError(
          ERROR.AUTH_UNAVAILABLE,
          'Access tokens cannot be checked right now; try again shortly.',
        );
      }
      throw new AppError(ERROR.TOKEN_INVALID, 'The access token is not valid.');
    }
    return this.notDenied(identity);
  }

  private notDenied<T extends CallerIdentity>(identity: T): T {
    if (this.options.denylist?.find(identity.sessionId)) {
      throw new AppError(
        ERROR.SESSION_REVOKED,
        'This session has ended (signed out, revoked or password changed); sign in again.',
      );
    }
    return identity;
  }

  private remember(token: string, identity: CallerIdentity, expiresAtMs: number): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // Oldest first (Map keeps insertion order): evict the entry checked longest ago.
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { identity, expiresAtMs });
  }
}

const VERIFIED_CACHE_SIZE = 50_000;

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}
