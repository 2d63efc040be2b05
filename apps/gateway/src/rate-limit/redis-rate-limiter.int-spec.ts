import { randomUUID } from 'node:crypto';
import { Redis } from '@bonfire/platform';
import { describeRateLimiterContract } from './rate-limiter.contract';
import { RedisRateLimiter } from './redis-rate-limiter';

describeRateLimiterContract('redis', async () => {
  const redis = new Redis(process.env['REDIS_URL']!, { lazyConnect: true });
  await redis.connect();
  const prefix = `test:ratelimit:${randomUUID()}`;
  return {
    limiter: new RedisRateLimiter(redis, prefix),
    dispose: async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
});
