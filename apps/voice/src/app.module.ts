import { IdentityModule, PlatformModule, RedisModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { VoiceConfig } from './config';
import { CoreModule } from './core.module';
import { SignalingModule } from './signaling/signaling.module';
import { VoiceStatesModule } from './voice-states/voice-states.module';

@Module({})
export class VoiceServiceModule {
  static register(config: VoiceConfig): DynamicModule {
    return {
      module: VoiceServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'voice', logLevel: config.LOG_LEVEL }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'bonfire-voice' }),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        CoreModule.forRoot(config),
        VoiceStatesModule,
        SignalingModule,
      ],
    };
  }
}
