import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SEARCH_CONFIG, type SearchConfig } from './config';

/** What every feature module may inject: the validated config. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: SearchConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: SEARCH_CONFIG, useValue: config }],
      exports: [SEARCH_CONFIG],
    };
  }
}
