import {
  DATABASE,
  DatabaseModule,
  embeddedDatabase,
  HealthRegistry,
  type Kysely,
  ServiceLogger,
} from '@bonfire/platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { SearchConfig } from '../config';
import { ElasticsearchMessageIndex } from './elasticsearch-message-index';
import { ElasticsearchProvider } from './elasticsearch.provider';
import { ensureMessageIndex } from './elasticsearch-setup';
import { MessageIndex } from './message-index';
import { PostgresMessageIndex } from './postgres-message-index';
import { searchMigrations } from './postgres-migrations';

/**
 * Provides the MessageIndex port: Elasticsearch when distributed (the search service has no Postgres
 * there), a full-text table in the `search` schema of the embedded database when standalone.
 */
@Global()
@Module({})
export class MessageIndexModule {
  static forRoot(config: SearchConfig): DynamicModule {
    if (config.BONFIRE_MODE === 'standalone') {
      return {
        module: MessageIndexModule,
        imports: [
          DatabaseModule.forRoot({
            embedded: embeddedDatabase(config, 'search'),
            migrations: searchMigrations,
            applicationName: 'bonfire-search',
          }),
        ],
        providers: [
          {
            provide: MessageIndex,
            inject: [DATABASE, ServiceLogger],
            useFactory: (db: Kysely<unknown>, logger: ServiceLogger) =>
              new PostgresMessageIndex(db, logger.for('message-index')),
          },
        ],
        exports: [MessageIndex],
      };
    }
    return {
      module: MessageIndexModule,
      providers: [
        ElasticsearchProvider,
        {
          provide: MessageIndex,
          inject: [ElasticsearchProvider, HealthRegistry, ServiceLogger],
          useFactory: async (
            { client }: ElasticsearchProvider,
            health: HealthRegistry,
            logger: ServiceLogger,
          ) => {
            const alias = config.SEARCH_INDEX_ALIAS;
            if (config.SEARCH_ENSURE_INDEX) await ensureMessageIndex(client, config);
            health.register('elasticsearch', async () => {
              await client.cluster.health({ index: alias, timeout: '1s' });
            });
            return new ElasticsearchMessageIndex(client, alias, logger.for('message-index'));
          },
        },
      ],
      exports: [MessageIndex, ElasticsearchProvider],
    };
  }
}
