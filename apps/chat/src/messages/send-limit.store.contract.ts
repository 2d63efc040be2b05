import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendLimitStore, SlowmodeSlot } from './send-limit.store';

interface SendLimitHarness {
  store: SendLimitStore;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One behaviour suite for every SendLimitStore adapter (real clock, short waits). */
export function describeSendLimitStoreContract(
  name: string,
  makeStore: () => Promise<SendLimitHarness>,
): void {
  describe(`SendLimitStore contract: ${name}`, () => {
    let harness: SendLimitHarness;
    let store: SendLimitStore;
    const id = () => randomUUID();
    const slot = (): SlowmodeSlot => ({ channelId: id(), userId: id() });

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('starts a slowmode wait, then answers what is left of it', async () => {
      const s = slot();
      expect(await store.startSlowmode(s, 30_000)).toBe(0);
      const left = await store.startSlowmode(s, 30_000);
      expect(left).toBeGreaterThan(29_000);
      expect(left).toBeLessThanOrEqual(30_000);
      // A running wait is not restarted by another attempt.
      expect(await store.startSlowmode(s, 60_000)).toBeLessThanOrEqual(30_000);
    });

    it('keeps slowmode per user and per channel', async () => {
      const s = slot();
      await store.startSlowmode(s, 30_000);
      expect(await store.startSlowmode({ ...s, userId: id() }, 30_000)).toBe(0);
      expect(await store.startSlowmode({ ...s, channelId: id() }, 30_000)).toBe(0);
    });

    it('ends a slowmode wait when its time is up or when it is cancelled', async () => {
      const timed = slot();
      expect(await store.startSlowmode(timed, 200)).toBe(0);
      expect(await store.startSlowmode(timed, 200)).toBeGreaterThan(0);
      await sleep(300);
      expect(await store.startSlowmode(timed, 30_000)).toBe(0);

      const cancelled = slot();
      await store.startSlowmode(cancelled, 30_000);
      await store.cancelSlowmode(cancelled);
      expect(await store.startSlowmode(cancelled, 30_000)).toBe(0);
      await expect(store.cancelSlowmode(slot())).resolves.toBeUndefined();
    });

    it('lets exactly one of concurrent attempts start a wait', async () => {
      const s = slot();
      const answers = await Promise.all(Array.from({ length: 10 }, () => store.startSlowmode(s, 30_000)));
      expect(answers.filter((left) => left === 0)).toHaveLength(1);
      expect(answers.filter((left) => left > 0)).toHaveLength(9);
    });

    it('counts sends in a window that the first send opens and later ones do not extend', async () => {
      const user = id();
      const first = await store.countSend(user, 10_000);
      expect(first.count).toBe(1);
      expect(first.resetsInMs).toBeGreaterThan(9_000);
      expect(first.resetsInMs).toBeLessThanOrEqual(10_000);
      const second = await store.countSend(user, 60_000);
      expect(second.count).toBe(2);
      expect(second.resetsInMs).toBeLessThanOrEqual(first.resetsInMs);
      expect((await store.countSend(id(), 10_000)).count).toBe(1);
    });

    it('opens a new send window once the last one ended', async () => {
      const user = id();
      await store.countSend(user, 200);
      expect((await store.countSend(user, 200)).count).toBe(2);
      await sleep(300);
      const fresh = await store.countSend(user, 10_000);
      expect(fresh.count).toBe(1);
      expect(fresh.resetsInMs).toBeGreaterThan(9_000);
    });

    it('counts concurrent sends exactly once each', async () => {
      const user = id();
      const windows = await Promise.all(Array.from({ length: 25 }, () => store.countSend(user, 10_000)));
      expect(windows.map((window) => window.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 25 }, (_, index) => index + 1),
      );
    });
  });
}
