import { type DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { MetricsService } from './metrics/metrics.service';

export interface PlatformOptions {
  service: string;
  logLevel: string;
  /** Where log lines go (default stdout). */
  logDestination?: DestinationStream;
}

/** Import once in a service's root module: logging, /health/live, /health/ready and /metrics. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forRoot({
          service: options.service,
          level: options.logLevel,
          destination: options.logDestination,
        }),
        HealthModule,
        MetricsModule,
      ],
      providers: [
        {
          provide: 'PLATFORM_SERVICE_LABEL',
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => metrics.setServiceLabel(options.service),
        },
      ],
    };
  }
}
