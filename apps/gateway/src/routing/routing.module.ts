import { distributedSetting, REDIS, type Redis } from '@bonfire/platform';
import {
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { InMemoryRateLimiter } from '../rate-limit/memory-rate-limiter';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RedisRateLimiter } from '../rate-limit/redis-rate-limiter';
import { TokensModule } from '../tokens/tokens.module';
import { EdgeMiddleware } from './edge.middleware';
import { HttpProxy } from './http-proxy';
import { RoutingTable } from './routing-table';

@Module({
  imports: [TokensModule],
  providers: [
    {
      provide: RoutingTable,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        RoutingTable.fromFile(
          config.GATEWAY_ROUTES_FILE,
          (service) => process.env[`${service.toUpperCase()}_URL`],
        ),
    },
    {
      provide: RateLimiter,
      // Redis exists only in the distributed shape (RedisModule is imported there alone).
      inject: [GATEWAY_CONFIG, { token: REDIS, optional: true }],
      useFactory: (config: GatewayConfig, redis?: Redis): RateLimiter =>
        config.BONFIRE_MODE === 'standalone'
          ? new InMemoryRateLimiter()
          : new RedisRateLimiter(distributedSetting(redis, 'REDIS_URL'), config.RATE_LIMIT_KEY_PREFIX),
    },
    {
      provide: HttpProxy,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new HttpProxy({
          timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
          maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
        }),
    },
    EdgeMiddleware,
  ],
  exports: [RoutingTable],
})
export class RoutingModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(HttpProxy) private readonly proxy: HttpProxy) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(EdgeMiddleware).forRoutes('*');
  }

  onApplicationShutdown(): void {
    this.proxy.close();
  }
}
