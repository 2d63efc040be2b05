import { describe, expect, it } from 'vitest';
import { RecentSet } from './recent-set';

describe('RecentSet', () => {
  it('answers whether a key was added, and forgets the oldest beyond its capacity', () => {
    const recent = new RecentSet<string>(3);
    expect(['a', 'b', 'c'].map((key) => recent.add(key))).toEqual([true, true, true]);
    expect(recent.add('b')).toBe(false);
    expect(recent.add('d')).toBe(true);
    expect(recent.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((key) => recent.has(key))).toEqual([false, true, true, true]);
  });

  it('keeps a repeated key at its first place: a repeat does not make it recent again', () => {
    const recent = new RecentSet<number>(2);
    recent.add(1);
    recent.add(2);
    recent.add(1);
    recent.add(3);
    expect(recent.has(1)).toBe(false);
    expect(recent.has(2)).toBe(true);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentSet(0)).toThrow(RangeError);
    expect(() => new RecentSet(1.5)).toThrow(RangeError);
  });
});
