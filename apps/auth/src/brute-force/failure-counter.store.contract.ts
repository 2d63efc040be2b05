import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FailureCounterStore } from './failure-counter.store';

interface FailureCounterHarness {
  store: FailureCounterStore;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One behaviour suite for every FailureCounterStore adapter (real clock: windows of whole seconds). */
export function describeFailureCounterStoreContract(
  name: string,
  makeStore: () => Promise<FailureCounterHarness>,
): void {
  describe(`FailureCounterStore contract: ${name}`, () => {
    let harness: FailureCounterHarness;
    let store: FailureCounterStore;
    let used: string[];
    const key = (label: string) => {
      const value = `contract:failure-counter:${randomUUID()}:${label}`;
      used.push(value);
      return value;
    };

    beforeEach(async () => {
      used = [];
      harness = await makeStore();
      store = harness.store;
    });

    afterEach(async () => {
      await Promise.all(used.map((value) => store.reset(value)));
      await harness.dispose();
    });

    it('reports no window for a key that never failed', async () => {
      expect(await store.peek(key('fresh'))).toEqual({ count: 0, resetsInSeconds: 0 });
    });

    it('opens a window at the first failure and counts within it without extending it', async () => {
      const k = key('counting');
      expect(await store.increment(k, 60)).toEqual({ count: 1, resetsInSeconds: 60 });
      expect(await store.increment(k, 600)).toEqual({ count: 2, resetsInSeconds: 60 });
      expect(await store.increment(k, 600)).toEqual({ count: 3, resetsInSeconds: 60 });
      expect(await store.peek(k)).toEqual({ count: 3, resetsInSeconds: 60 });
    });

    it('keeps keys apart', async () => {
      const a = key('a');
      const b = key('b');
      await store.increment(a, 60);
      await store.increment(a, 60);
      expect(await store.increment(b, 30)).toEqual({ count: 1, resetsInSeconds: 30 });
      expect(await store.peek(a)).toEqual({ count: 2, resetsInSeconds: 60 });
    });

    it('forgets a key on reset, and the next failure opens a new window', async () => {
      const k = key('reset');
      const other = key('other');
      await store.increment(k, 60);
      await store.increment(k, 60);
      await store.increment(other, 60);
      await store.reset(k);
      expect(await store.peek(k)).toEqual({ count: 0, resetsInSeconds: 0 });
      expect(await store.peek(other)).toEqual({ count: 1, resetsInSeconds: 60 });
      expect(await store.increment(k, 45)).toEqual({ count: 1, resetsInSeconds: 45 });
      await expect(store.reset(key('never-failed'))).resolves.toBeUndefined();
    });

    it('ends the window when its time is up', async () => {
      const k = key('expiry');
      await store.increment(k, 1);
      await store.increment(k, 1);
      expect(await store.peek(k)).toEqual({ count: 2, resetsInSeconds: 1 });
      await sleep(1_150);
      expect(await store.peek(k)).toEqual({ count: 0, resetsInSeconds: 0 });
      expect(await store.increment(k, 60)).toEqual({ count: 1, resetsInSeconds: 60 });
    });

    it('reports no block for a key that was never blocked', async () => {
      expect(await store.blockedFor(key('unblocked'))).toBe(0);
    });

    it('blocks a key, keeps the longer of two blocks, and keeps blocks apart from counters', async () => {
      const k = key('block');
      await store.increment(k, 60);
      await store.block(k, 30);
      expect(await store.blockedFor(k)).toBe(30);
      await store.block(k, 10); // shorter: the 30 s block stays
      expect(await store.blockedFor(k)).toBe(30);
      await store.block(k, 120); // longer: lengthens it
      expect(await store.blockedFor(k)).toBe(120);
      expect(await store.peek(k)).toEqual({ count: 1, resetsInSeconds: 60 });
      expect(await store.increment(k, 60)).toEqual({ count: 2, resetsInSeconds: 60 });
      expect(await store.blockedFor(k)).toBe(120);
      expect(await store.blockedFor(key('other'))).toBe(0);
    });

    it('ends a block when its time is up, and forgets it on reset', async () => {
      const short = key('short-block');
      const long = key('long-block');
      await store.block(short, 1);
      await store.block(long, 60);
      expect(await store.blockedFor(short)).toBe(1);
      await sleep(1_150);
      expect(await store.blockedFor(short)).toBe(0);
      await store.increment(long, 60);
      await store.reset(long);
      expect(await store.blockedFor(long)).toBe(0);
      expect(await store.peek(long)).toEqual({ count: 0, resetsInSeconds: 0 });
    });

    it('counts concurrent failures exactly once each', async () => {
      const k = key('concurrent');
      const states = await Promise.all(Array.from({ length: 25 }, () => store.increment(k, 60)));
      expect(states.map((state) => state.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 25 }, (_, index) => index + 1),
      );
      expect(await store.peek(k)).toEqual({ count: 25, resetsInSeconds: 60 });
    });
  });
}
