import { randomUUID } from 'node:crypto';
import { Redis } from '@bonfire/platform';
import { RedisSendLimitStore } from './redis-send-limit.store';
import { describeSendLimitStoreContract } from './send-limit.store.contract';

describeSendLimitStoreContract('Redis', async () => {
  const redis = new Redis(process.env['REDIS_URL']!, { maxRetriesPerRequest: 2 });
  const prefix = `test:chat-send-limits:${randomUUID()}`;
  return {
    store: new RedisSendLimitStore(redis, prefix),
    dispose: async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
});
