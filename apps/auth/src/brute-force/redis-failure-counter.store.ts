import { InjectRedis, type Redis } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { FailureCounterStore, type WindowState } from './failure-counter.store';

/**
 * Redis fixed windows: INCR, then EXPIRE NX so only the first failure of a window sets its end. Blocks are
 * a key of their own (`<key>:blocked`) whose TTL is the block: SET NX creates it, PEXPIRE GT lengthens it.
 * Shared by every auth replica, so the limits hold however many there are.
 */
@Injectable()
export class RedisFailureCounterStore extends FailureCounterStore {
  constructor(@InjectRedis() private readonly redis: Redis) {
    super();
  }

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

  async block(key: string, seconds: number): Promise<void> {
    const blockKey = blockKeyOf(key);
    const ms = seconds * 1000;
    const results = await this.redis
      .multi()
      .set(blockKey, '1', 'PX', ms, 'NX')
      .pexpire(blockKey, ms, 'GT')
      .exec();
    if (!results) throw new Error('failure counter transaction was aborted');
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async blockedFor(key: string): Promise<number> {
    const ttl = await this.redis.pttl(blockKeyOf(key));
    return ttl > 0 ? Math.ceil(ttl / 1000) : 0;
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key, blockKeyOf(key));
  }
}

function blockKeyOf(key: string): string {
  return `${key}:blocked`;
}

function toState(count: number, pttl: number): WindowState {
  // PTTL: -2 = no key, -1 = no expiry (should not happen; treat as expired).
  if (pttl < 0) return { count: pttl === -1 ? count : 0, resetsInSeconds: 0 };
  return { count, resetsInSeconds: Math.ceil(pttl / 1000) };
}
