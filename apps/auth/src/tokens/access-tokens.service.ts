import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { SIGNING_ALGORITHM, SigningKeysService } from './signing-keys.service';

const ACCESS_TOKEN_AUDIENCE = 'bonfire-api';

interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/**
 * Access tokens: JWTs signed with the active Ed25519 key (header `kid`), claims iss, aud=bonfire-api,
 * sub=user id, sid=session id, iat, exp, jti. The gateway verifies them locally against the JWKS.
 *
 * They are not revocable: logging out or revoking a session stops its refresh tokens at once, but an
 * access token already issued stays valid until it expires — which is why its TTL is short (15 minutes
 * by default, ACCESS_TOKEN_TTL_SECONDS).
 */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly keys: SigningKeysService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async issue(identity: { userId: string; sessionId: string }): Promise<IssuedAccessToken> {
    const key = await this.keys.activeKey();
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ sid: identity.sessionId })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(identity.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { accessToken, expiresIn: ttl };
  }
}
