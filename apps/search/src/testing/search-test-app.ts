import { type RunningService } from '@bonfire/platform';
import { ServiceTestClient } from '@bonfire/platform/testing';
import type { Client } from '@elastic/elasticsearch';
import { startSearch } from '../bootstrap';
import { ElasticsearchProvider } from '../index/elasticsearch.provider';
import { MessageIndex } from '../index/message-index';
import { MessageIndexer } from '../indexer/message-indexer';

/**
 * The search service started in-process (on the real Elasticsearch and Kafka unless BONFIRE_MODE says
 * otherwise), with a client that calls it as the gateway would (signed identity header). Pass a unique SEARCH_INDEX_ALIAS and
 * SEARCH_CONSUMER_GROUP to keep tests apart (the indexer is off unless SEARCH_INDEXER_ENABLED=true).
 */
export class SearchTestApp {
  private constructor(
    readonly service: RunningService,
    readonly client: ServiceTestClient,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<SearchTestApp> {
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    const service = await startSearch(
      {
        ...process.env,
        SEARCH_PORT: '0',
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
        SEARCH_INDEXER_ENABLED: 'false',
        SEARCH_INDEXER_START_FROM: 'latest',
        CHAT_URL: process.env['CHAT_URL'] ?? 'http://127.0.0.1:1',
        ...env,
      },
      { handleSignals: false },
    );
    return new SearchTestApp(service, new ServiceTestClient(service.url, secret));
  }

  get index(): MessageIndex {
    return this.service.app.get(MessageIndex);
  }

  /** The service's Elasticsearch client (distributed shape only). */
  get elasticsearch(): Client {
    return this.service.app.get(ElasticsearchProvider).client;
  }

  get indexer(): MessageIndexer {
    return this.service.app.get(MessageIndexer);
  }

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: Parameters<ServiceTestClient['call']>[2] = {},
  ) {
    return this.client.call<T>(method, path, options);
  }

  async stop(): Promise<void> {
    await this.service.stop();
  }
}
