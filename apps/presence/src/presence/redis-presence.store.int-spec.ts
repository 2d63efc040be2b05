import { randomUUID } from 'node:crypto';
import { Redis } from '@bonfire/platform';
import { describePresenceStoreContract } from './presence.store.contract';
import { RedisPresenceStore } from './redis-presence.store';

describePresenceStoreContract('Redis', async () => {
  const redis = new Redis(process.env['REDIS_URL']!, { maxRetriesPerRequest: 2 });
  const prefix = `test:presence-store:${randomUUID()}`;
  return {
    store: new RedisPresenceStore(redis, prefix),
    dispose: async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
});
