import { distributedSetting, REDIS, type Redis } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import { AudienceStore } from './audience.store';
import { InMemoryAudienceStore } from './memory-audience.store';
import { ProjectionConsumer } from './projection.consumer';
import { ProjectionHandlers } from './projection.handlers';
import { RedisAudienceStore } from './redis-audience.store';

@Module({
  controllers: [ProjectionHandlers],
  providers: [
    ProjectionConsumer,
    {
      provide: AudienceStore,
      // Redis exists only in the distributed shape (RedisModule is imported there alone).
      inject: [PRESENCE_CONFIG, { token: REDIS, optional: true }],
      useFactory: (config: PresenceConfig, redis?: Redis): AudienceStore =>
        config.BONFIRE_MODE === 'standalone'
          ? new InMemoryAudienceStore()
          : new RedisAudienceStore(distributedSetting(redis, 'REDIS_URL'), config.PRESENCE_KEY_PREFIX),
    },
  ],
  exports: [ProjectionConsumer, AudienceStore],
})
export class ProjectionModule {}
