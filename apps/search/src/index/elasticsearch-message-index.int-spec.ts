import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { ElasticsearchMessageIndex } from './elasticsearch-message-index';
import { ensureMessageIndex } from './elasticsearch-setup';
import { describeMessageIndexContract } from './message-index.contract';

// The real Elasticsearch (ELASTICSEARCH_URL), on a throwaway alias and index template.
describeMessageIndexContract('Elasticsearch', async () => {
  const alias = `messages-contract-${randomUUID().slice(0, 8)}`;
  const client = new Client({ node: process.env['ELASTICSEARCH_URL']! });
  const { index } = await ensureMessageIndex(client, {
    SEARCH_INDEX_ALIAS: alias,
    SEARCH_INDEX_SHARDS: 1,
    SEARCH_INDEX_REPLICAS: 0,
  });
  return {
    index: new ElasticsearchMessageIndex(client, alias),
    refresh: async () => {
      await client.indices.refresh({ index: alias });
    },
    dispose: async () => {
      await client.indices.delete({ index }, { ignore: [404] });
      await client.indices.deleteIndexTemplate({ name: `${alias}-template` }).catch(() => undefined);
      await client.close();
    },
  };
});
