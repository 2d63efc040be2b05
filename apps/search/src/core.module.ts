import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SEARCH_CONFIG, type SearchConfig } from './config';
import { ElasticsearchProvider } from './index/elasticsearch.provider';
import { MessageIndex } from './index/message-index';

/** What every feature module may inject: the validated config, the Elasticsearch client, the index. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: SearchConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: SEARCH_CONFIG, useValue: config }, ElasticsearchProvider, MessageIndex],
      exports: [SEARCH_CONFIG, ElasticsearchProvider, MessageIndex],
    };
  }
}
