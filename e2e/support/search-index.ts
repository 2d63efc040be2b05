import { Client as ElasticClient } from '@elastic/elasticsearch';

/**
 * Removes what a stack's search service created on the shared Elasticsearch for `alias`: its versioned
 * indices and its index template. By name, because Elasticsearch refuses to delete indices by wildcard.
 */
export async function removeSearchIndex(alias: string, es?: ElasticClient): Promise<void> {
  const client = es ?? new ElasticClient({ node: process.env['ELASTICSEARCH_URL']! });
  try {
    const indices = Object.keys(await client.indices.get({ index: `${alias}-v*` }).catch(() => ({})));
    if (indices.length > 0) await client.indices.delete({ index: indices.join(',') }, { ignore: [404] });
    await client.indices.deleteIndexTemplate({ name: `${alias}-template` }, { ignore: [404] });
  } finally {
    if (!es) await client.close();
  }
}
