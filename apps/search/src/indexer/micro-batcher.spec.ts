import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher';

function recorder(answer: (items: number[]) => Promise<string[]> = async (items) => items.map(String)) {
  const batches: number[][] = [];
  const batcher = new MicroBatcher<number, string>({
    maxItems: 3,
    lingerMs: 20,
    flush: (items) => {
      batches.push(items);
      return answer(items);
    },
  });
  return { batches, batcher };
}

describe('MicroBatcher', () => {
  it('flushes a full batch at once and answers each item its own result', async () => {
    const { batches, batcher } = recorder();
    const started = Date.now();
    expect(await Promise.all([1, 2, 3].map((n) => batcher.add(n)))).toEqual(['1', '2', '3']);
    expect(Date.now() - started).toBeLessThan(20);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes what it has after the linger time, and starts a new batch after', async () => {
    const { batches, batcher } = recorder();
    const started = Date.now();
    expect(await Promise.all([batcher.add(1), batcher.add(2)])).toEqual(['1', '2']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(batcher.size).toBe(0);
    await Promise.all([4, 5, 6, 7].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2], [4, 5, 6], [7]]);
  });

  it('keeps one batch in flight: what comes meanwhile goes in the next, at once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { batches, batcher } = recorder(async (items) => {
      if (items[0] === 1) await gate;
      return items.map(String);
    });
    const first = batcher.add(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const later = [batcher.add(2), batcher.add(3)];
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(batches).toEqual([[1]]);
    expect(batcher.size).toBe(2);
    const released = Date.now();
    release();
    expect(await Promise.all([first, ...later])).toEqual(['1', '2', '3']);
    expect(Date.now() - released).toBeLessThan(20);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('rejects every item of a batch whose flush fails, and keeps going', async () => {
    let fail = true;
    const { batcher } = recorder(async (items) => {
      if (fail) throw new Error('index down');
      return items.map(String);
    });
    const failed = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.add(3)).toBe('3');
  });

  it('rejects the items a flush answered no result for', async () => {
    const { batcher } = recorder(async () => ['only one']);
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'only one' });
    expect(results[1]!.status).toBe('rejected');
  });
});
