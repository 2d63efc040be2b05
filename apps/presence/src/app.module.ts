import { MessagingModule } from '@bonfire/messaging';
import { distributedSetting, IdentityModule, PlatformModule, RedisModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { PresenceConfig } from './config';
import { CoreModule } from './core.module';
import { PresenceModule } from './presence/presence.module';
import { ProjectionModule } from './projection/projection.module';

@Module({})
export class PresenceServiceModule {
  static register(config: PresenceConfig): DynamicModule {
    return {
      module: PresenceServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'presence', logLevel: config.LOG_LEVEL }),
        ...(config.BONFIRE_MODE === 'distributed'
          ? [
              RedisModule.forRoot({
                url: distributedSetting(config.REDIS_URL, 'REDIS_URL'),
                connectionName: 'bonfire-presence',
              }),
            ]
          : []),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        CoreModule.forRoot(config),
        MessagingModule.forService('presence', config),
        ProjectionModule,
        PresenceModule,
      ],
    };
  }
}
