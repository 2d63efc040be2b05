import 'reflect-metadata';
import { createLogger, loadConfig, runMain } from '@bonfire/platform';
import { Client } from '@elastic/elasticsearch';
import { startSearch } from './bootstrap';
import { searchConfigSchema } from './config';
import { ensureMessageIndex } from './index/message-index';

// Search owns no database; `migrate` creates or updates the index template and the alias in Elasticsearch.
runMain('search', {
  start: () => startSearch(),
  migrate: async () => {
    const config = loadConfig('search', searchConfigSchema);
    const client = new Client({ node: config.ELASTICSEARCH_URL });
    try {
      const outcome = await ensureMessageIndex(client, config);
      createLogger('search', config.LOG_LEVEL).info(outcome, 'message index ready');
    } finally {
      await client.close();
    }
  },
});
