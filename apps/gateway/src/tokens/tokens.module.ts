import { Module } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { AccessTokenVerifier } from './access-token.verifier';
import { InMemorySessionDenylist } from './memory-session-denylist';
import { SessionDenylist } from './session-denylist';
import { SessionRevocations } from './session-revocations';

/**
 * Access-token checks shared by REST and realtime. The denylist lives in each gateway's memory in both
 * shapes: in the distributed one every gateway follows the revocations itself (SessionRevocations).
 */
@Module({
  providers: [
    { provide: SessionDenylist, useFactory: () => new InMemorySessionDenylist() },
    {
      provide: AccessTokenVerifier,
      inject: [GATEWAY_CONFIG, SessionDenylist],
      useFactory: (config: GatewayConfig, denylist: SessionDenylist) =>
        new AccessTokenVerifier({
          jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL),
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          denylist,
        }),
    },
    SessionRevocations,
  ],
  exports: [AccessTokenVerifier, SessionDenylist],
})
export class TokensModule {}
