import { redisTestKeys } from '../testing/redis-test-keys';
import { RedisVoiceStateStore } from './redis-voice-state.store';
import { describeVoiceStateStoreContract } from './voice-state.store.contract';

describeVoiceStateStoreContract('Redis', async () => {
  const { redis, keys, dispose } = await redisTestKeys();
  return { store: new RedisVoiceStateStore(redis, keys), dispose };
});
