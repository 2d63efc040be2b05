import { Redis } from '@bonfire/platform';
import { describeFailureCounterStoreContract } from './failure-counter.store.contract';
import { RedisFailureCounterStore } from './redis-failure-counter.store';

describeFailureCounterStoreContract('Redis', async () => {
  const redis = new Redis(process.env['REDIS_URL']!, { maxRetriesPerRequest: 2 });
  return {
    store: new RedisFailureCounterStore(redis),
    dispose: async () => {
      await redis.quit();
    },
  };
});
