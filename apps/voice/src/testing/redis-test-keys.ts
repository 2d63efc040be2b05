import { randomBytes } from 'node:crypto';
import { Redis } from '@bonfire/platform';
import { VoiceKeys } from '../voice.keys';

/** Deletes every key under a VoiceKeys prefix. */
export async function deleteVoiceKeys(redis: Redis, keys: VoiceKeys): Promise<void> {
  const pattern = `${keys.prefix}:*`;
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (found.length > 0) await redis.del(...found);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * A Redis connection (REDIS_URL from bonfire.env) and key names under a prefix of their own, for the
 * Redis adapters' contract suites; dispose deletes the keys and closes the connection.
 */
export async function redisTestKeys(): Promise<{
  redis: Redis;
  keys: VoiceKeys;
  dispose: () => Promise<void>;
}> {
  const url = process.env['REDIS_URL'];
  if (!url) throw new Error('REDIS_URL is not set (bonfire.env)');
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  const keys = new VoiceKeys(`voice-contract-${randomBytes(6).toString('hex')}`);
  return {
    redis,
    keys,
    dispose: async () => {
      await deleteVoiceKeys(redis, keys);
      await redis.quit();
    },
  };
}
