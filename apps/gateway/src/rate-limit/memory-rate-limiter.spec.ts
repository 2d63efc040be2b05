import { describe, expect, it } from 'vitest';
import { InMemoryRateLimiter } from './memory-rate-limiter';
import { describeRateLimiterContract } from './rate-limiter.contract';

describeRateLimiterContract('in-memory', async () => ({
  limiter: new InMemoryRateLimiter(),
  dispose: async () => undefined,
}));

describe('InMemoryRateLimiter', () => {
  it('expires a counter windowSeconds after its first request, rounding the reset like Redis', async () => {
    const windowStart = 60_000 * 16_666_667;
    let now = windowStart + 30_000;
    const limiter = new InMemoryRateLimiter(() => now);
    const rules = [{ name: 'r', subject: 's', limit: 5, windowSeconds: 60 }];
    expect(await limiter.check(rules)).toMatchObject({ remaining: 4, resetSeconds: 60 });
    now = windowStart + 50_400;
    expect(await limiter.check(rules)).toMatchObject({ remaining: 3, resetSeconds: 40 });
    now = windowStart + 60_400; // the next window: a counter of its own
    expect(await limiter.check(rules)).toMatchObject({ remaining: 4, resetSeconds: 60 });
  });

  it('drops the counters of subjects never seen again', async () => {
    let now = 1_000_000_000_000;
    const limiter = new InMemoryRateLimiter(() => now);
    for (let i = 0; i < 50; i++) {
      await limiter.check([{ name: 'ip', subject: `10.0.0.${i}`, limit: 5, windowSeconds: 60 }]);
    }
    expect(limiter.size).toBe(50);
    now += 61_000;
    await limiter.check([{ name: 'ip', subject: 'fresh', limit: 5, windowSeconds: 60 }]);
    expect(limiter.size).toBe(1);
  });
});
