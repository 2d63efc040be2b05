import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { BonfireMode } from '../config/load-config';
import { ServiceLogger } from '../logging/nest-logger';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { SnowflakeGenerator } from './snowflake';
import { WorkerIdLease } from './worker-id-lease';

const LEASE = Symbol('WORKER_ID_LEASE');

@Injectable()
class LeaseRelease implements OnApplicationShutdown {
  constructor(@Inject(LEASE) private readonly lease: WorkerIdLease | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.lease?.release();
  }
}

/**
 * Provides the service's SnowflakeGenerator. A configured WORKER_ID is used as is (single process, tests);
 * otherwise a free id is leased from Redis for the life of the process (needs RedisModule); the
 * standalone shape uses 0.
 */
@Global()
@Module({})
export class IdsModule {
  static forRoot(options: { service: string; workerId?: number; mode?: BonfireMode }): DynamicModule {
    // Standalone: the one process that may open the data folder is the only generator of its ids.
    const leaseProvider: Provider =
      options.mode === 'standalone'
        ? { provide: LEASE, useValue: null }
        : {
            provide: LEASE,
            inject: [REDIS, ServiceLogger],
            useFactory: async (redis: Redis, serviceLogger: ServiceLogger) => {
              if (options.workerId !== undefined) return null;
              const logger = serviceLogger.for('worker-id');
              const lease = await WorkerIdLease.acquire(redis, options.service, {
                onLost: (workerId) =>
                  logger.error(`worker id ${workerId} lease lost; ids may collide until restart`),
              });
              logger.info(`leased worker id ${lease.workerId}`);
              return lease;
            },
          };
    return {
      module: IdsModule,
      providers: [
        leaseProvider,
        {
          provide: SnowflakeGenerator,
          inject: [LEASE],
          useFactory: (lease: WorkerIdLease | null) =>
            new SnowflakeGenerator(lease?.workerId ?? options.workerId ?? 0),
        },
        LeaseRelease,
      ],
      exports: [SnowflakeGenerator],
    };
  }
}
