import { afterEach, describe, expect, it, vi } from 'vitest';
import { DelayQueue } from './delay-queue';

describe('DelayQueue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each value its delay after it was added, in order, on one timer', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const queue = new DelayQueue<string>(1_000, (value) => ran.push(value));
    queue.add('a');
    vi.advanceTimersByTime(400);
    queue.add('b');
    queue.add('c');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(599);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(399);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    queue.add('d');
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps what is not due across compactions of a long queue', () => {
    const ran: number[] = [];
    const queue = new DelayQueue<number>(10, (value) => ran.push(value));
    for (let index = 0; index < 3_000; index++) queue.add(index, index);
    queue.runDue(2_009);
    expect(ran).toEqual(Array.from({ length: 2_000 }, (_, index) => index));
    expect(queue.size).toBe(1_000);
    queue.runDue(3_009);
    expect(ran).toHaveLength(3_000);
    expect(ran.at(-1)).toBe(2_999);
    queue.clear();
  });

  it('runs nothing once cleared', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const queue = new DelayQueue<string>(100, (value) => ran.push(value));
    queue.add('a');
    queue.clear();
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual([]);
    expect(queue.size).toBe(0);
  });
});
