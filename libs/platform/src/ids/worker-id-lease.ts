import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisScript } from '../redis/redis-script';
import { MAX_WORKER_ID } from './snowflake';

// Renews the lease; takes it back when the key is gone (Redis restarted empty or flushed), so no process
// starting later can lease the same id; 0 only when another process holds it.
const RENEW = new RedisScript(`
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  return redis.call('EXPIRE', KEYS[1], ARGV[2])
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
  return 1
end
return 0`);

const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`);

/**
 * A snowflake worker id leased from Redis, so replicas of a service never share one (a Deployment cannot
 * number its pods). The lease expires if the process dies without releasing it and is renewed while it
 * lives (and taken back at the next renewal when Redis lost it); losing it (Redis flushed and the id taken
 * by another process before that renewal) is reported to `onLost`.
 */
export class WorkerIdLease {
  private renewTimer?: NodeJS.Timeout;

  private constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly token: string,
    readonly workerId: number,
    private readonly ttlSeconds: number,
  ) {}

  static async acquire(
    redis: Redis,
    service: string,
    options: { ttlSeconds?: number; onLost?: (workerId: number) => void } = {},
  ): Promise<WorkerIdLease> {
    const ttlSeconds = options.ttlSeconds ?? 60;
    const token = randomUUID();
    const start = Math.floor(Math.random() * (MAX_WORKER_ID + 1));
    for (let offset = 0; offset <= MAX_WORKER_ID; offset++) {
      const workerId = (start + offset) % (MAX_WORKER_ID + 1);
      const key = `bonfire:worker-id:${service}:${workerId}`;
      if ((await redis.set(key, token, 'EX', ttlSeconds, 'NX')) === 'OK') {
        const lease = new WorkerIdLease(redis, key, token, workerId, ttlSeconds);
        lease.keepAlive(options.onLost);
        return lease;
      }
    }
    throw new Error(`all ${MAX_WORKER_ID + 1} worker ids of ${service} are leased`);
  }

  private keepAlive(onLost?: (workerId: number) => void): void {
    this.renewTimer = setInterval(
      () => {
        RENEW.run(this.redis, [this.key], [this.token, this.ttlSeconds]).then(
          (renewed) => {
            if (renewed === 0) onLost?.(this.workerId);
          },
          () => undefined, // Redis briefly away: the next renewal tries again well before expiry
        );
      },
      (this.ttlSeconds * 1000) / 3,
    );
    this.renewTimer.unref();
  }

  async release(): Promise<void> {
    clearInterval(this.renewTimer);
    await RELEASE.run(this.redis, [this.key], [this.token]).catch(() => undefined);
  }
}
