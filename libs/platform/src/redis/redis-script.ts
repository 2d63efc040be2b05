import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script Redis runs atomically, sent by its SHA1 (EVALSHA) so a hot path does not ship the body with
 * every call. The body goes only when Redis does not know the script yet: the first call, and after a
 * restart or SCRIPT FLUSH (NOSCRIPT), when EVAL both runs it and caches it. Inside MULTI use `body` with
 * `eval`: a NOSCRIPT there would fail the transaction.
 */
export class RedisScript {
  readonly sha: string;

  constructor(readonly body: string) {
    this.sha = createHash('sha1').update(body).digest('hex');
  }

  async run(
    redis: Redis,
    keys: readonly string[],
    args: readonly (string | number)[] = [],
  ): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.body, keys.length, ...keys, ...args);
    }
  }
}
