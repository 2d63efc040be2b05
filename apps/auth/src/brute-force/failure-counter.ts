import { Injectable } from '@nestjs/common';
import { InjectRedis, type Redis } from '@bonfire/platform';

/** A fixed-window counter: how many failures so far, and how long until the window closes. */
export interface WindowState {
  count: number;
  /** Whole seconds until the window resets (0 when there is no open window). */
  resetsInSeconds: number;
}

/** Where failure counters live: Redis in the service, an in-memory fake in unit tests. */
export interface FailureCounterStore {
  peek(key: string): Promise<WindowState>;
  /** Adds one failure; the first failure opens a window of `windowSeconds`. */
  increment(key: string, windowSeconds: number): Promise<WindowState>;
  reset(key: string): Promise<void>;
}

export const FAILURE_COUNTER_STORE = Symbol('FAILURE_COUNTER_STORE');

/**
 * Redis fixed windows: INCR, then EXPIRE NX so only the first failure of a window sets its end. Shared by
 * every auth replica, so the limits hold however many there are.
 */
@Injectable()
export class RedisFailureCounterStore implements FailureCounterStore {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async peek(key: string): Promise<WindowState> {
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    return toState(Number(count ?? 0), ttl);
  }

  async increment(key: string, windowSeconds: number): Promise<WindowState> {
    const results = await this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').pttl(key).exec();
    if (!results) throw new Error('failure counter transaction was aborted');
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
    return toState(Number(results[0]?.[1] ?? 0), Number(results[2]?.[1] ?? -2));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}

function toState(count: number, pttl: number): WindowState {
  // PTTL: -2 = no key, -1 = no expiry (should not happen; treat as expired).
  if (pttl < 0) return { count: pttl === -1 ? count : 0, resetsInSeconds: 0 };
  return { count, resetsInSeconds: Math.ceil(pttl / 1000) };
}

/** In-memory fixed windows with an injectable clock, for unit tests and single-process use. */
export class InMemoryFailureCounterStore implements FailureCounterStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async peek(key: string): Promise<WindowState> {
    return this.state(key);
  }

  async increment(key: string, windowSeconds: number): Promise<WindowState> {
    const current = this.live(key);
    if (current) current.count++;
    else this.windows.set(key, { count: 1, endsAt: this.now() + windowSeconds * 1000 });
    return this.state(key);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private live(key: string) {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private state(key: string): WindowState {
    const window = this.live(key);
    if (!window) return { count: 0, resetsInSeconds: 0 };
    return { count: window.count, resetsInSeconds: Math.ceil((window.endsAt - this.now()) / 1000) };
  }
}
