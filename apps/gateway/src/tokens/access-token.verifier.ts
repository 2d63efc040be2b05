import { AppError, type CallerIdentity } from '@bonfire/platform';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

export const TOKEN_ERROR_CODES = {
  missing: 'TOKEN_MISSING',
  invalid: 'TOKEN_INVALID',
  expired: 'TOKEN_EXPIRED',
} as const;

export interface AccessTokenVerifierOptions {
  jwksUrl: URL;
  issuer: string;
  audience: string;
}

/**
 * Verifies access tokens locally against auth's JWKS, which jose caches and refetches only when a token
 * names an unknown key id (rotation) — no call to auth per request. Only EdDSA is accepted, so `alg: none`
 * and algorithm-confusion tokens fail before any key is looked at.
 */
export class AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: AccessTokenVerifierOptions) {
    this.keys = createRemoteJWKSet(options.jwksUrl, {
      timeoutDuration: 2_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async verify(authorization: string | undefined): Promise<CallerIdentity> {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match) {
      throw AppError.unauthorized(
        'An access token is required (Authorization: Bearer …).',
        TOKEN_ERROR_CODES.missing,
      );
    }
    try {
      const { payload } = await jwtVerify(match[1]!, this.keys, {
        algorithms: ['EdDSA'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'sid', 'exp'],
      });
      if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string')
        throw new errors.JWTInvalid('claims');
      return { userId: payload.sub, sessionId: payload['sid'] };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw AppError.unauthorized('The access token has expired; refresh it.', TOKEN_ERROR_CODES.expired);
      }
      if (error instanceof errors.JWKSTimeout || isNetworkError(error)) {
        throw new AppError(
          503,
          'AUTH_UNAVAILABLE',
          'Access tokens cannot be checked right now; try again shortly.',
        );
      }
      throw AppError.unauthorized('The access token is not valid.', TOKEN_ERROR_CODES.invalid);
    }
  }
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}
