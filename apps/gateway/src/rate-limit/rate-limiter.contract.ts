import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LimitRule, RateLimiter } from './rate-limiter';

interface RateLimiterHarness {
  limiter: RateLimiter;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits, if needed, so that at least `marginMs` are left in the current `seconds`-long window. */
async function awayFromWindowEnd(seconds: number, marginMs: number): Promise<void> {
  const left = seconds * 1000 - (Date.now() % (seconds * 1000));
  if (left < marginMs) await sleep(left + 20);
}

/** One behaviour suite for every RateLimiter adapter (real clock; windows are slices of it). */
export function describeRateLimiterContract(
  name: string,
  makeLimiter: () => Promise<RateLimiterHarness>,
): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let harness: RateLimiterHarness;
    let limiter: RateLimiter;
    let subject: string;
    const rule = (ruleName: string, limit: number, windowSeconds = 3600): LimitRule => ({
      name: ruleName,
      subject,
      limit,
      windowSeconds,
    });

    beforeEach(async () => {
      subject = randomUUID();
      harness = await makeLimiter();
      limiter = harness.limiter;
      await awayFromWindowEnd(3600, 5_000);
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('counts a request against every rule and reports the one with the fewest left', async () => {
      await awayFromWindowEnd(60, 2_000);
      const rules = [rule('ip', 5), rule('login', 3, 60)];
      expect(await limiter.check(rules)).toEqual({
        allowed: true,
        limit: 3,
        remaining: 2,
        resetSeconds: 60,
        policy: '5;w=3600;name="ip", 3;w=60;name="login"',
      });
      expect(await limiter.check(rules)).toMatchObject({ allowed: true, limit: 3, remaining: 1 });
      expect(await limiter.check([rule('ip', 5)])).toMatchObject({ allowed: true, limit: 5, remaining: 2 });
    });

    it('refuses once any rule is over its limit, reporting that rule', async () => {
      const rules = [rule('wide', 10), rule('narrow', 2)];
      await limiter.check(rules);
      await limiter.check(rules);
      const refused = await limiter.check(rules);
      expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0, resetSeconds: 3600 });
      // A rule refused while another still has room is reported even if the other has fewer left.
      const mixed = await limiter.check([rule('narrow', 2), rule('tiny', 1)]);
      expect(mixed).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    });

    it('keeps counting refused requests, on every rule of the request', async () => {
      const rules = [rule('wide', 100), rule('narrow', 1)];
      for (let i = 0; i < 4; i++) await limiter.check(rules);
      expect(await limiter.check([rule('narrow', 1)])).toMatchObject({ allowed: false, remaining: 0 });
      expect(await limiter.check([rule('wide', 100)])).toMatchObject({ allowed: true, remaining: 95 });
    });

    it('keeps subjects and rule names apart', async () => {
      await limiter.check([rule('a', 1)]);
      expect(await limiter.check([rule('b', 1)])).toMatchObject({ allowed: true, remaining: 0 });
      const other = { ...rule('a', 1), subject: randomUUID() };
      expect(await limiter.check([other])).toMatchObject({ allowed: true, remaining: 0 });
      expect(await limiter.check([rule('a', 1)])).toMatchObject({ allowed: false });
    });

    it('decides concurrent requests atomically: exactly the limit gets through', async () => {
      const rules = [rule('burst', 10), rule('wide', 100)];
      const decisions = await Promise.all(Array.from({ length: 25 }, () => limiter.check(rules)));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
      const remaining = decisions.filter((d) => d.allowed).map((d) => d.remaining);
      expect(remaining.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await limiter.check([rule('wide', 100)])).toMatchObject({ remaining: 74 });
    });

    it('counts the reset down from the first request of the window', async () => {
      await awayFromWindowEnd(2, 1_900);
      expect(await limiter.check([rule('clock', 5, 2)])).toMatchObject({ resetSeconds: 2 });
      await sleep(600);
      expect(await limiter.check([rule('clock', 5, 2)])).toMatchObject({ resetSeconds: 1, remaining: 3 });
    });

    it('starts a fresh count in the next window', async () => {
      await awayFromWindowEnd(1, 900);
      expect(await limiter.check([rule('second', 1, 1)])).toMatchObject({ allowed: true });
      expect(await limiter.check([rule('second', 1, 1)])).toMatchObject({ allowed: false });
      await sleep(1_000 - (Date.now() % 1_000) + 20);
      expect(await limiter.check([rule('second', 1, 1)])).toMatchObject({ allowed: true, remaining: 0 });
    });
  });
}
