import { PlatformModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { GatewayConfig } from './config';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL })],
    };
  }
}
