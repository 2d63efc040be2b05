import { describe, expect, it } from 'vitest';
import { EventLimiter, REFUSAL_WINDOW_MS } from './event-limiter';

const limits = { perSecond: 5, burst: 20, maxRefused: 10 };

function limiter() {
  let now = 1_000_000;
  const events = new EventLimiter(limits, () => now);
  return {
    take: () => events.take(),
    advance: (ms: number) => (now += ms),
  };
}

describe('EventLimiter', () => {
  it('never limits ordinary use: an event every 250 ms for ten minutes', () => {
    const { take, advance } = limiter();
    for (let n = 0; n < 2_400; n++) {
      expect(take()).toBe('allowed');
      advance(250);
    }
  });

  it('allows a burst, then refuses, then closes a connection that keeps flooding', () => {
    const { take } = limiter();
    const verdicts = Array.from({ length: 40 }, () => take());
    expect(verdicts.slice(0, 20)).toEqual(Array(20).fill('allowed'));
    expect(verdicts.slice(20, 30)).toEqual(Array(10).fill('limited'));
    expect(verdicts[30]).toBe('abusive');
  });

  it('refills at the sustained rate', () => {
    const { take, advance } = limiter();
    for (let n = 0; n < 20; n++) take();
    expect(take()).toBe('limited');
    advance(1_000);
    expect(Array.from({ length: 5 }, () => take())).toEqual(Array(5).fill('allowed'));
    expect(take()).toBe('limited');
  });

  it('forgives refusals after their window', () => {
    const { take, advance } = limiter();
    for (let n = 0; n < 20; n++) take();
    for (let n = 0; n < 10; n++) expect(take()).toBe('limited');
    advance(REFUSAL_WINDOW_MS);
    for (let n = 0; n < 50; n++) take(); // the refilled bucket (20), then 30 more
    advance(REFUSAL_WINDOW_MS);
    for (let n = 0; n < 20; n++) expect(take()).toBe('allowed');
    for (let n = 0; n < 10; n++) expect(take()).toBe('limited');
    expect(take()).toBe('abusive');
  });
});
