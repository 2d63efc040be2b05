import { type DynamicModule, Global, Module } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from './config';

/** What every feature module may inject: the validated config. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: PresenceConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: PRESENCE_CONFIG, useValue: config }],
      exports: [PRESENCE_CONFIG],
    };
  }
}
