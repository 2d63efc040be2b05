import { distributedSetting } from '@bonfire/platform';
import { createElasticsearchClient } from '@bonfire/platform/elasticsearch';
import type { Client } from '@elastic/elasticsearch';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SEARCH_CONFIG, type SearchConfig } from '../config';

/** The one Elasticsearch client of the service (requests time out after SEARCH_ES_TIMEOUT_MS). */
@Injectable()
export class ElasticsearchProvider implements OnApplicationShutdown {
  readonly client: Client;

  constructor(@Inject(SEARCH_CONFIG) config: SearchConfig) {
    this.client = createElasticsearchClient({
      node: distributedSetting(config.ELASTICSEARCH_URL, 'ELASTICSEARCH_URL'),
      requestTimeoutMs: config.SEARCH_ES_TIMEOUT_MS,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}
