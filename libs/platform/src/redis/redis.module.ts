import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { HealthRegistry } from '../health/health.registry';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);
export { Redis } from 'ioredis';

class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class RedisModule {
  static forRoot(options: { url: string; connectionName: string }): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS,
          inject: [HealthRegistry],
          useFactory: (health: HealthRegistry) => {
            const redis = new Redis(options.url, {
              connectionName: options.connectionName,
              maxRetriesPerRequest: 2,
              enableOfflineQueue: true,
              lazyConnect: false,
            });
            // Errors surface through readiness and failed commands; ioredis reconnects on its own.
            redis.on('error', () => undefined);
            health.register('redis', async () => {
              await redis.ping();
            });
            return redis;
          },
        },
        RedisLifecycle,
      ],
      exports: [REDIS],
    };
  }
}
