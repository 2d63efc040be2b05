import { randomUUID } from 'node:crypto';
import { Redis } from '@bonfire/platform';
import { RedisSessionStore } from './redis-session-store';
import { describeSessionStoreContract } from './session-store.contract';

describeSessionStoreContract('redis', async (options) => {
  const redis = new Redis(process.env['REDIS_URL']!, { lazyConnect: true });
  await redis.connect();
  const keyPrefix = `test:rt:${randomUUID()}`;
  return {
    store: new RedisSessionStore(redis, { ...options, keyPrefix }),
    dispose: async () => {
      const keys = await redis.keys(`${keyPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
});
