import { MessagingModule } from '@bonfire/messaging';
import { distributedSetting, PlatformModule, RedisModule } from '@bonfire/platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { GatewayConfig } from './config';
import { GATEWAY_CONFIG } from './gateway.tokens';
import { OpenApiModule } from './openapi/openapi.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RoutingModule } from './routing/routing.module';
import { WebModule } from './web/web.module';

@Global()
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL }),
        ...(config.BONFIRE_MODE === 'distributed'
          ? [
              RedisModule.forRoot({
                url: distributedSetting(config.REDIS_URL, 'REDIS_URL'),
                connectionName: 'gateway',
              }),
            ]
          : []),
        MessagingModule.forService('gateway', config),
        RoutingModule,
        OpenApiModule,
        RealtimeModule,
        WebModule,
      ],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}
