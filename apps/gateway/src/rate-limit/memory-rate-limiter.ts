import { decide, type LimitDecision, type LimitRule, RateLimiter, windowKey } from './rate-limiter';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Rate limits in this process's memory (the standalone shape, where this is the only gateway). Same
 * windows and answers as the Redis adapter; a counter is dropped when read after it expired, and a
 * sweep now and then drops those of subjects never seen again. `now` is injectable for unit tests.
 */
export class InMemoryRateLimiter extends RateLimiter {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  /** Counters held (expired ones included until swept). */
  get size(): number {
    return this.counters.size;
  }

  async check(rules: readonly LimitRule[]): Promise<LimitDecision> {
    const now = this.now();
    this.sweep(now);
    const counts = rules.map((rule) => {
      const key = windowKey(rule, now);
      let counter = this.counters.get(key);
      if (!counter || counter.expiresAt <= now) {
        counter = { count: 0, expiresAt: now + rule.windowSeconds * 1000 };
        this.counters.set(key, counter);
      }
      counter.count++;
      // Whole seconds rounded to the nearest, as Redis' TTL answers.
      return { count: counter.count, ttlSeconds: Math.round((counter.expiresAt - now) / 1000) };
    });
    return decide(rules, counts);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(key);
  }
}
