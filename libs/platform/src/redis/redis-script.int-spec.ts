import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RedisScript } from './redis-script';

describe('RedisScript (real Redis)', () => {
  const redis = new Redis(process.env['REDIS_URL']!);
  const key = `test:redis-script:${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  /** A body Redis has never seen (its comment differs per run), so the first call meets NOSCRIPT. */
  const unseen = (body: string) => new RedisScript(`-- ${randomBytes(8).toString('hex')}\n${body}`);

  it('sends the body once, when Redis does not know the script, and only its SHA after that', async () => {
    const script = unseen(`return redis.call('INCRBY', KEYS[1], ARGV[1])`);
    const evalCalls = vi.spyOn(redis, 'eval');
    const evalshaCalls = vi.spyOn(redis, 'evalsha');

    expect(await script.run(redis, [key], [2])).toBe(2);
    expect(evalCalls).toHaveBeenCalledTimes(1);
    expect(await redis.script('EXISTS', script.sha)).toEqual([1]);

    expect(await script.run(redis, [key], [3])).toBe(5);
    expect(await script.run(redis, [key], ['4'])).toBe(9);
    expect(evalCalls).toHaveBeenCalledTimes(1);
    expect(evalshaCalls).toHaveBeenCalledTimes(3);
    vi.restoreAllMocks();
  });

  it("passes on the script's own errors without running it again", async () => {
    const script = unseen(`redis.call('INCR', KEYS[1]); return redis.error_reply('REFUSED by the script')`);
    const before = Number(await redis.get(key));
    await expect(script.run(redis, [key])).rejects.toThrow('REFUSED by the script');
    await expect(script.run(redis, [key])).rejects.toThrow('REFUSED by the script');
    expect(Number(await redis.get(key))).toBe(before + 2);
  });
});
