import { describe, expect, it } from 'vitest';
import { describeFailureCounterStoreContract } from './failure-counter.store.contract';
import { InMemoryFailureCounterStore } from './memory-failure-counter.store';

describeFailureCounterStoreContract('in memory', async () => ({
  store: new InMemoryFailureCounterStore(),
  dispose: async () => undefined,
}));

describe('InMemoryFailureCounterStore', () => {
  it('drops ended windows and blocks of keys that are never read again', async () => {
    let now = 0;
    const store = new InMemoryFailureCounterStore(() => now);
    now = 100_000;
    for (let index = 0; index < 50; index++) {
      await store.increment(`ip:${index}`, 60);
      await store.block(`ip:${index}`, 30);
    }
    await store.block('ip:long', 600);
    now += 61_000;
    await store.increment('ip:late', 60);
    const { windows, blocks } = store as unknown as {
      windows: Map<string, unknown>;
      blocks: Map<string, unknown>;
    };
    expect([...windows.keys()]).toEqual(['ip:late']);
    expect([...blocks.keys()]).toEqual(['ip:long']);
  });
});
