import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerIdLease } from './worker-id-lease';

describe('WorkerIdLease (real Redis)', () => {
  const redis = new Redis(process.env['REDIS_URL']!);
  const service = `test-${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    await redis.quit();
  });

  it('gives concurrent processes distinct ids and frees them on release', async () => {
    const leases = await Promise.all(Array.from({ length: 20 }, () => WorkerIdLease.acquire(redis, service)));
    expect(new Set(leases.map((lease) => lease.workerId)).size).toBe(20);
    const first = leases[0]!;
    expect(await redis.ttl(`bonfire:worker-id:${service}:${first.workerId}`)).toBeGreaterThan(0);
    await Promise.all(leases.map((lease) => lease.release()));
    expect(await redis.exists(`bonfire:worker-id:${service}:${first.workerId}`)).toBe(0);
  });

  it('does not release a lease it no longer owns', async () => {
    const lease = await WorkerIdLease.acquire(redis, service);
    const key = `bonfire:worker-id:${service}:${lease.workerId}`;
    await redis.set(key, 'someone-else');
    await lease.release();
    expect(await redis.get(key)).toBe('someone-else');
    await redis.del(key);
  });

  // Regression (fault suite, SIGKILL redis: it restarts empty): every service logged "worker id … lease
  // lost; ids may collide until restart" and left the id free for the next process to lease.
  it('takes its lease back at the next renewal when Redis lost it', async () => {
    const lost: number[] = [];
    const lease = await WorkerIdLease.acquire(redis, service, {
      ttlSeconds: 1,
      onLost: (workerId) => lost.push(workerId),
    });
    const key = `bonfire:worker-id:${service}:${lease.workerId}`;
    const token = await redis.get(key);
    await redis.del(key);
    await expect.poll(() => redis.get(key), { timeout: 2_000 }).toBe(token);
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    await lease.release();
  });
});
