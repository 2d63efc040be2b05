import { MessagingModule } from '@bonfire/messaging';
import { distributedSetting, IdentityModule, PlatformModule, RedisModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { VoiceConfig } from './config';
import { CoreModule } from './core.module';
import { SignalingModule } from './signaling/signaling.module';
import { VoiceStatesModule } from './voice-states/voice-states.module';

@Module({})
export class VoiceServiceModule {
  static register(config: VoiceConfig): DynamicModule {
    const mode = config.BONFIRE_MODE;
    return {
      module: VoiceServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'voice', logLevel: config.LOG_LEVEL }),
        ...(mode === 'distributed'
          ? [
              RedisModule.forRoot({
                url: distributedSetting(config.REDIS_URL, 'REDIS_URL'),
                connectionName: 'bonfire-voice',
              }),
            ]
          : []),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        MessagingModule.forService('voice', config),
        CoreModule.forRoot(config),
        VoiceStatesModule.forRoot(mode),
        SignalingModule.forRoot(mode),
      ],
    };
  }
}
