import { distributedSetting, REDIS, type Redis } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { BruteForceService } from './brute-force.service';
import { FailureCounterStore } from './failure-counter.store';
import { InMemoryFailureCounterStore } from './memory-failure-counter.store';
import { RedisFailureCounterStore } from './redis-failure-counter.store';

@Module({
  providers: [
    BruteForceService,
    {
      provide: FailureCounterStore,
      // Redis exists only in the distributed shape (RedisModule is imported there alone).
      inject: [AUTH_CONFIG, { token: REDIS, optional: true }],
      useFactory: (config: AuthConfig, redis?: Redis): FailureCounterStore =>
        config.BONFIRE_MODE === 'standalone'
          ? new InMemoryFailureCounterStore()
          : new RedisFailureCounterStore(distributedSetting(redis, 'REDIS_URL')),
    },
  ],
  exports: [BruteForceService],
})
export class BruteForceModule {}
