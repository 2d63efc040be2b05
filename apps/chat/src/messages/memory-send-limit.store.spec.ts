import { describe, expect, it } from 'vitest';
import { InMemorySendLimitStore } from './memory-send-limit.store';
import { describeSendLimitStoreContract } from './send-limit.store.contract';

describeSendLimitStoreContract('in memory', async () => ({
  store: new InMemorySendLimitStore(),
  dispose: async () => undefined,
}));

describe('InMemorySendLimitStore', () => {
  it('drops ended waits and windows of users who went quiet', async () => {
    let now = 100_000;
    const store = new InMemorySendLimitStore(() => now);
    for (let index = 0; index < 20; index++) {
      await store.startSlowmode({ channelId: 'c', userId: `u${index}` }, 5_000);
      await store.countSend(`u${index}`, 10_000);
    }
    now += 61_000;
    await store.countSend('late', 10_000);
    const internals = store as unknown as {
      slowmodeEnds: Map<string, number>;
      windows: Map<string, unknown>;
    };
    expect(internals.slowmodeEnds.size).toBe(0);
    expect([...internals.windows.keys()]).toEqual(['late']);
  });
});
