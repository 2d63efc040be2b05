import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from './concurrency-limiter';

/** A promise resolved (or rejected) from outside. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once and starts the others in arrival order as slots free up', async () => {
    const limiter = new ConcurrencyLimiter(3);
    const gates = Array.from({ length: 8 }, () => deferred());
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const results = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return index;
      }),
    );

    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(limiter.running).toBe(3);
    expect(limiter.queued).toBe(5);

    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limiter.running).toBe(3);

    gates[0]!.resolve();
    gates[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);

    for (const gate of gates) gate.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
    expect(limiter.running).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const failing = deferred();
    const first = limiter.run(() => failing.promise);
    const second = limiter.run(() => Promise.resolve('second'));
    await tick();
    expect(limiter.queued).toBe(1);
    failing.reject(new Error('decode failed'));
    await expect(first).rejects.toThrow('decode failed');
    expect(await second).toBe('second');
    expect(limiter.running).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimiter(1.5)).toThrow(RangeError);
  });
});
