import { describe, expect, it } from 'vitest';
import { HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('is ready when every check passes', async () => {
    const registry = new HealthRegistry();
    registry.register('postgres', async () => undefined);
    const report = await registry.readiness();
    expect(report.ready).toBe(true);
    expect(report.checks['postgres']?.status).toBe('up');
  });

  it('names the failing dependency and its error', async () => {
    const registry = new HealthRegistry();
    registry.register('postgres', async () => undefined);
    registry.register('redis', async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    const report = await registry.readiness();
    expect(report.ready).toBe(false);
    expect(report.checks['redis']).toMatchObject({
      status: 'down',
      error: 'connect ECONNREFUSED 127.0.0.1:6379',
    });
    expect(report.checks['postgres']?.status).toBe('up');
  });

  it('keeps a pending check down, with its reason, until it is marked done', async () => {
    const health = new HealthRegistry();
    const joined = health.registerPending('consumer', 'not in consumer group g yet');
    const before = await health.readiness();
    expect(before.ready).toBe(false);
    expect(before.checks['consumer']).toMatchObject({ status: 'down', error: 'not in consumer group g yet' });
    joined();
    expect((await health.readiness()).ready).toBe(true);
  });

  it('turns not ready while draining', async () => {
    const registry = new HealthRegistry();
    registry.markDraining();
    const report = await registry.readiness();
    expect(report.ready).toBe(false);
    expect(report.checks['shutdown']?.status).toBe('down');
  });
});
