import { distributedSetting, REDIS, type Redis } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import { ProjectionModule } from '../projection/projection.module';
import { InMemoryPresenceStore } from './memory-presence.store';
import { PresenceInternalController } from './presence-internal.controller';
import { PresenceController } from './presence.controller';
import { PresenceService } from './presence.service';
import { PresenceStore } from './presence.store';
import { RedisPresenceStore } from './redis-presence.store';

@Module({
  imports: [ProjectionModule],
  controllers: [PresenceController, PresenceInternalController],
  providers: [
    PresenceService,
    {
      provide: PresenceStore,
      // Redis exists only in the distributed shape (RedisModule is imported there alone).
      inject: [PRESENCE_CONFIG, { token: REDIS, optional: true }],
      useFactory: (config: PresenceConfig, redis?: Redis): PresenceStore =>
        config.BONFIRE_MODE === 'standalone'
          ? new InMemoryPresenceStore()
          : new RedisPresenceStore(distributedSetting(redis, 'REDIS_URL'), config.PRESENCE_KEY_PREFIX),
    },
  ],
  exports: [PresenceService],
})
export class PresenceModule {}
