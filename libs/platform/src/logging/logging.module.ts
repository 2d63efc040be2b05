import { type DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { ServiceLogger } from './nest-logger';

export interface LoggingOptions {
  service: string;
  level: string;
  /** Where the JSON lines go (default stdout); tests capture them here. */
  destination?: DestinationStream;
}

/**
 * The service's logger (`ServiceLogger`). `startService` routes Nest's logs to it (`nestLogger`) and puts
 * the request logging (`requestLogging`) in front of every route.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      providers: [
        {
          provide: ServiceLogger,
          useFactory: () => new ServiceLogger(options.service, options.level, options.destination),
        },
      ],
      exports: [ServiceLogger],
    };
  }
}
