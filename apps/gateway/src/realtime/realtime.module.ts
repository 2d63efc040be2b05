import { distributedSetting, REDIS, type Redis, ServiceLogger } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { TokensModule } from '../tokens/tokens.module';
import { GatewayPeers, NoGatewayPeers, RedisGatewayPeers } from './gateway-peers';
import { InMemorySessionStore } from './memory-session-store';
import { ChatRealtimeClient } from './chat-realtime.client';
import { ConnectionService } from './connection.service';
import { FanOutService } from './fan-out.service';
import { IntentsFilter } from './intents-filter';
import { PresenceRealtimeClient } from './presence-realtime.client';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimeNode } from './realtime-node';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeServer } from './realtime.server';
import { ResumeService } from './resume.service';
import { SessionRegistry } from './session-registry';
import { TypingService } from './typing.service';
import { VisibilityService } from './visibility.service';
import { RedisSessionStore } from './redis-session-store';
import { SessionStore } from './session-store';

// Redis exists only in the distributed shape (RedisModule is imported there alone).
const REDIS_IF_DISTRIBUTED = [GATEWAY_CONFIG, { token: REDIS, optional: true }];

/**
 * The realtime edge: the RealtimeGateway (@WebSocketGateway, socket.io at /realtime on the gateway's HTTP
 * server through RealtimeIoAdapter, which bootstrap.ts registers) and the providers doing its work.
 */
@Module({
  imports: [TokensModule],
  providers: [
    RealtimeGateway,
    RealtimeServer,
    RealtimeNode,
    RealtimeMetrics,
    SessionRegistry,
    VisibilityService,
    FanOutService,
    IntentsFilter,
    ResumeService,
    ConnectionService,
    TypingService,
    {
      provide: ChatRealtimeClient,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new ChatRealtimeClient({
          baseUrl: config.CHAT_URL,
          identitySecret: config.INTERNAL_IDENTITY_SECRET,
          timeoutMs: config.REALTIME_CHAT_TIMEOUT_MS,
          permissionCacheMs: 30_000,
        }),
    },
    {
      provide: PresenceRealtimeClient,
      inject: [GATEWAY_CONFIG, RealtimeNode, ServiceLogger],
      useFactory: (config: GatewayConfig, node: RealtimeNode, serviceLogger: ServiceLogger) => {
        const logger = serviceLogger.for('realtime-presence');
        return new PresenceRealtimeClient({
          baseUrl: config.PRESENCE_URL,
          identitySecret: config.INTERNAL_IDENTITY_SECRET,
          gatewayId: node.id,
          timeoutMs: config.PRESENCE_TIMEOUT_MS,
          heartbeatMs: config.PRESENCE_HEARTBEAT_INTERVAL_MS,
          onError: (error, what) => logger.warn({ err: error }, `${what} failed`),
        });
      },
    },
    {
      provide: SessionStore,
      inject: REDIS_IF_DISTRIBUTED,
      useFactory: (config: GatewayConfig, redis?: Redis): SessionStore => {
        const options = { windowSeconds: config.REALTIME_RESUME_WINDOW_SECONDS };
        return config.BONFIRE_MODE === 'standalone'
          ? new InMemorySessionStore(options)
          : new RedisSessionStore(distributedSetting(redis, 'REDIS_URL'), options);
      },
    },
    {
      provide: GatewayPeers,
      inject: REDIS_IF_DISTRIBUTED,
      useFactory: (config: GatewayConfig, redis?: Redis): GatewayPeers =>
        config.BONFIRE_MODE === 'standalone'
          ? new NoGatewayPeers()
          : new RedisGatewayPeers(distributedSetting(redis, 'REDIS_URL')),
    },
  ],
  exports: [RealtimeServer],
})
export class RealtimeModule {}
