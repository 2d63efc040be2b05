import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { AccessTokenVerifier } from './access-token.verifier';
import { BotTokenVerifier } from './bot-token.verifier';
import { InMemorySessionDenylist } from './memory-session-denylist';
import { AuthRevokedSessionsSource, RevokedSessionsSource } from './revoked-sessions.source';
import { SessionDenylist } from './session-denylist';
import { SessionRevocations } from './session-revocations';

/** The boot-time load of revoked sessions; a failed load is retried (and readiness stays down). */
const AUTH_TIMEOUT_MS = 5_000;
/** A bot token's answer from auth is reused this long (resets reach the gateways through the denylist). */
const BOT_TOKEN_CACHE_MS = 30_000;
const BOT_TOKEN_TIMEOUT_MS = 3_000;

/**
 * Access-token checks shared by REST and realtime. The denylist lives in each gateway's memory in both
 * shapes: every gateway loads the recent revocations from auth at boot and then follows them itself
 * (SessionRevocations).
 */
@Module({
  providers: [
    { provide: SessionDenylist, useFactory: () => new InMemorySessionDenylist() },
    {
      provide: BotTokenVerifier,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new BotTokenVerifier({
          authUrl: config.AUTH_URL,
          identitySecret: config.INTERNAL_IDENTITY_SECRET,
          gatewayId: randomUUID(),
          timeoutMs: BOT_TOKEN_TIMEOUT_MS,
          cacheMs: BOT_TOKEN_CACHE_MS,
        }),
    },
    {
      provide: AccessTokenVerifier,
      inject: [GATEWAY_CONFIG, SessionDenylist, BotTokenVerifier],
      useFactory: (config: GatewayConfig, denylist: SessionDenylist, bots: BotTokenVerifier) =>
        new AccessTokenVerifier({
          jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL),
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          denylist,
          bots,
        }),
    },
    {
      provide: RevokedSessionsSource,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new AuthRevokedSessionsSource({
          authUrl: config.AUTH_URL,
          identitySecret: config.INTERNAL_IDENTITY_SECRET,
          gatewayId: randomUUID(),
          timeoutMs: AUTH_TIMEOUT_MS,
        }),
    },
    SessionRevocations,
  ],
  exports: [AccessTokenVerifier, SessionDenylist],
})
export class TokensModule {}
