import { Client } from '@elastic/elasticsearch';

export interface ElasticsearchClientOptions {
  /** The server's URL. */
  node: string;
  /** Per-request timeout; none when absent. */
  requestTimeoutMs?: number;
  /** Retries of a failed request (default 0: callers decide — the indexer retries a batch, a search answers 503). */
  maxRetries?: number;
}

/**
 * The one way a service builds an Elasticsearch client (`@bonfire/platform/elasticsearch`, a separate
 * entry so other services never load the client). The caller owns its lifetime (`close()` on shutdown).
 */
export function createElasticsearchClient(options: ElasticsearchClientOptions): Client {
  return new Client({
    node: options.node,
    requestTimeout: options.requestTimeoutMs,
    maxRetries: options.maxRetries ?? 0,
  });
}
