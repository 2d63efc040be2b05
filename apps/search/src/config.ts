import { baseServiceConfig, env } from '@bonfire/platform';
import { z } from 'zod';

/** Everything the search service reads from its environment. */
export const searchConfigSchema = baseServiceConfig.extend({
  SEARCH_HOST: env.host().default('127.0.0.1'),
  SEARCH_PORT: env.port().default(8085),
  /** The message index of the distributed shape (standalone keeps it in the embedded database). */
  ELASTICSEARCH_URL: env.distributedOnly(env.url(['http', 'https'])),
  /** Search answers 503 SEARCH_UNAVAILABLE when Elasticsearch does not answer within this. */
  SEARCH_ES_TIMEOUT_MS: env.positiveInt().default(2_000),
  /** The alias every read and write goes through; concrete indices are `<alias>-v<N>`. */
  SEARCH_INDEX_ALIAS: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lowercase index name')
    .default('messages'),
  SEARCH_INDEX_SHARDS: env.positiveInt().default(1),
  SEARCH_INDEX_REPLICAS: z.coerce.number().int().min(0).default(0),
  /** The index definition (settings + mappings) declared in infra/. */
  SEARCH_INDEX_DEFINITION: z.string().min(1).optional(),
  /** Creates the index and alias at boot when they are missing (the migrate command does it too). */
  SEARCH_ENSURE_INDEX: env.boolean().default(true),
  KAFKA_BROKERS: env.distributedOnly(env.list()),
  INTERNAL_IDENTITY_SECRET: z.string().min(32),
  /** Chat answers which channels the caller may read (asked once per query). */
  CHAT_URL: env.url(['http', 'https']),
  SEARCH_CHAT_TIMEOUT_MS: env.positiveInt().default(2_000),
  SEARCH_INDEXER_ENABLED: env.boolean().default(true),
  SEARCH_CONSUMER_GROUP: z.string().min(1).default('search.indexer'),
  /**
   * Topics of chat.messages events the indexer reads. Only chat.messages in production; the benchmark
   * adds a topic of its own so its million synthetic events never reach the other consumers of
   * chat.messages (gateway fan-out, file) nor its retained history.
   */
  SEARCH_SOURCE_TOPICS: env.list().default(['chat.messages']),
  /** Where a new indexer group starts: `earliest` indexes chat's retained history (production). */
  SEARCH_INDEXER_START_FROM: z.enum(['earliest', 'latest']).default('earliest'),
  /**
   * Most events per batch the indexer takes from the bus, and most operations per write to the index (an
   * Elasticsearch `_bulk` request, a Postgres upsert).
   */
  SEARCH_BULK_MAX: env.positiveInt().default(200),
  /** How long a failed write (Elasticsearch down) waits before the next try, at most. */
  SEARCH_RETRY_MAX_DELAY_MS: env.positiveInt().default(5_000),
  /** How often the consumer lag gauge is refreshed (from the event bus). */
  SEARCH_LAG_INTERVAL_MS: env.positiveInt().default(10_000),
});

export type SearchConfig = z.infer<typeof searchConfigSchema>;

/** Injection token for the validated config. */
export const SEARCH_CONFIG = Symbol('SEARCH_CONFIG');

export const SEARCH_LIMITS = {
  maxLimit: 25,
  defaultLimit: 25,
  maxOffset: 5_000,
  maxQueryLength: 1_024,
} as const;
