import { distributedSetting, REDIS, type Redis } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { TokensModule } from '../tokens/tokens.module';
import { GatewayPeers, NoGatewayPeers, RedisGatewayPeers } from './gateway-peers';
import { InMemorySessionStore } from './memory-session-store';
import { RealtimeServer } from './realtime.server';
import { RedisSessionStore } from './redis-session-store';
import { SessionStore } from './session-store';

// Redis exists only in the distributed shape (RedisModule is imported there alone).
const REDIS_IF_DISTRIBUTED = [GATEWAY_CONFIG, { token: REDIS, optional: true }];

/** The realtime edge: socket.io at /realtime on the gateway's HTTP server (see RealtimeServer). */
@Module({
  imports: [TokensModule],
  providers: [
    RealtimeServer,
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
