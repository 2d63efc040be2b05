import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { slicedInterval, sliceOf } from './sliced-interval';

describe('slicedInterval', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const keys = Array.from({ length: 10_000 }, (_, index) => `session-${index.toString(36)}`);

  it('visits every key exactly once per interval, a slice a second', () => {
    const visits = new Map<string, number>();
    const perTurn: number[] = [];
    const timer = slicedInterval(30_000, (inSlice) => {
      const slice = keys.filter(inSlice);
      perTurn.push(slice.length);
      for (const key of slice) visits.set(key, (visits.get(key) ?? 0) + 1);
    });

    vi.advanceTimersByTime(29_999);
    expect(perTurn).toHaveLength(29);
    vi.advanceTimersByTime(1);
    clearInterval(timer);

    expect(perTurn).toHaveLength(30);
    expect([...visits.values()].every((count) => count === 1)).toBe(true);
    expect(visits.size).toBe(keys.length);
    // Spread, not all at once: no turn carries more than twice its share.
    expect(Math.max(...perTurn)).toBeLessThan((2 * keys.length) / 30);
  });

  it('runs the whole set each turn when the interval is one slice long', () => {
    const perTurn: number[] = [];
    const timer = slicedInterval(500, (inSlice) => perTurn.push(keys.filter(inSlice).length));
    vi.advanceTimersByTime(1_000);
    clearInterval(timer);
    expect(perTurn).toEqual([keys.length, keys.length]);
  });
});

describe('sliceOf', () => {
  it('puts a key in the same slice every time, within range', () => {
    for (const key of ['a', 'user-1', '123456789012345678']) {
      const slice = sliceOf(key, 10);
      expect(slice).toBeGreaterThanOrEqual(0);
      expect(slice).toBeLessThan(10);
      expect(sliceOf(key, 10)).toBe(slice);
    }
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => sliceOf(key, 1)))).toEqual(new Set([0]));
  });
});
