import 'reflect-metadata';
import { createLogger, distributedSetting, loadConfig, runMain } from '@bonfire/platform';
import { createElasticsearchClient } from '@bonfire/platform/elasticsearch';
import { startSearch } from './bootstrap';
import { searchConfigSchema } from './config';
import { ensureMessageIndex } from './index/elasticsearch-setup';

// Search owns no database when distributed; `migrate` creates or updates the index template and the alias
// in Elasticsearch. Standalone, its table in the embedded database is migrated at boot.
runMain('search', {
  start: () => startSearch(),
  migrate: async () => {
    const config = loadConfig('search', searchConfigSchema);
    const logger = createLogger('search', config.LOG_LEVEL);
    if (config.BONFIRE_MODE === 'standalone') {
      logger.info('standalone: the message index is in the embedded database, migrated at boot');
      return;
    }
    const client = createElasticsearchClient({
      node: distributedSetting(config.ELASTICSEARCH_URL, 'ELASTICSEARCH_URL'),
      maxRetries: 3,
    });
    try {
      const outcome = await ensureMessageIndex(client, config);
      logger.info(outcome, 'message index ready');
    } finally {
      await client.close();
    }
  },
});
