import { randomUUID } from 'node:crypto';
import { Redis } from '@bonfire/platform';
import { describeAudienceStoreContract } from './audience.store.contract';
import { RedisAudienceStore } from './redis-audience.store';

describeAudienceStoreContract('Redis', async () => {
  const redis = new Redis(process.env['REDIS_URL']!, { maxRetriesPerRequest: 2 });
  const prefix = `test:presence-audience:${randomUUID()}`;
  return {
    store: new RedisAudienceStore(redis, prefix),
    dispose: async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
});
