import { redisTestKeys } from '../testing/redis-test-keys';
import { RedisVoiceNodeStore } from './redis-voice-node.store';
import { describeVoiceNodeStoreContract } from './voice-node.store.contract';

describeVoiceNodeStoreContract('Redis', async () => {
  const { redis, keys, dispose } = await redisTestKeys();
  return { store: new RedisVoiceNodeStore(redis, keys), dispose };
});
