import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client, estypes } from '@elastic/elasticsearch';
import type { SearchConfig } from '../config';

/** The index definition declared in infra/elasticsearch (settings + mappings). */
interface IndexDefinition {
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

const DEFAULT_DEFINITION = resolve(__dirname, '../../../../infra/elasticsearch/messages.json');

function loadIndexDefinition(
  config: Pick<SearchConfig, 'SEARCH_INDEX_DEFINITION' | 'SEARCH_INDEX_SHARDS' | 'SEARCH_INDEX_REPLICAS'>,
): IndexDefinition {
  const raw = JSON.parse(
    readFileSync(config.SEARCH_INDEX_DEFINITION ?? DEFAULT_DEFINITION, 'utf8'),
  ) as IndexDefinition;
  return {
    settings: {
      ...raw.settings,
      number_of_shards: config.SEARCH_INDEX_SHARDS,
      number_of_replicas: config.SEARCH_INDEX_REPLICAS,
    },
    mappings: raw.mappings,
  };
}

/** Concrete index `<alias>-v<version>`. */
function versionedIndexName(alias: string, version: number): string {
  return `${alias}-v${version}`;
}

/**
 * Creates or updates what the service needs in Elasticsearch, idempotently:
 * - an index template for `<alias>-v*` (so every versioned index, e.g. one built by tools/reindex, gets
 *   the declared settings and mappings);
 * - when the alias does not exist, the first index `<alias>-v1` behind it;
 * - otherwise the declared mappings put on the current index (additive changes only; anything else needs
 *   a reindex).
 */
export async function ensureMessageIndex(
  client: Client,
  config: Pick<
    SearchConfig,
    'SEARCH_INDEX_ALIAS' | 'SEARCH_INDEX_DEFINITION' | 'SEARCH_INDEX_SHARDS' | 'SEARCH_INDEX_REPLICAS'
  >,
): Promise<{ alias: string; index: string; created: boolean }> {
  const alias = config.SEARCH_INDEX_ALIAS;
  const definition = loadIndexDefinition(config);
  await client.indices.putIndexTemplate({
    name: `${alias}-template`,
    index_patterns: [`${alias}-v*`],
    template: { settings: definition.settings, mappings: definition.mappings },
    priority: 100,
  });
  const existing = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  const indices = Object.keys(existing ?? {}).filter((name) => name !== 'error' && name !== 'status');
  if (indices.length > 0) {
    await client.indices.putMapping({ index: alias, ...definition.mappings });
    return { alias, index: indices[0]!, created: false };
  }
  const index = versionedIndexName(alias, 1);
  try {
    await client.indices.create({ index, aliases: { [alias]: {} } });
  } catch (error) {
    // Another replica (or a previous half-finished run) created it: attach the alias if needed.
    if (!isAlreadyExists(error)) throw error;
    await client.indices.putAlias({ index, name: alias });
  }
  return { alias, index, created: true };
}

function isAlreadyExists(error: unknown): boolean {
  const body = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body;
  return body?.error?.type === 'resource_already_exists_exception';
}
