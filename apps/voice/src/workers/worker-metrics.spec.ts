import { MetricsService } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { WorkerMetrics } from './worker-metrics';
import type { WorkerPool, WorkerSlot } from './worker-pool';

/** A slot whose worker reports `cpu()` milliseconds of user + system time. */
function slot(index: number, pid: number, cpu: () => number, alive = true): WorkerSlot {
  const worker = {
    pid,
    getResourceUsage: async () => ({ ru_utime: cpu() * 0.75, ru_stime: cpu() * 0.25 }),
  };
  return { index, worker: worker as unknown as WorkerSlot['worker'], consumers: 0, alive };
}

async function cpuSeconds(metrics: MetricsService): Promise<Record<string, number>> {
  const { values } = await metrics.registry.getSingleMetric('voice_worker_cpu_seconds_total')!.get();
  return Object.fromEntries(values.map((entry) => [entry.labels['worker'], entry.value]));
}

describe('voice_worker_cpu_seconds_total', () => {
  it("adds each worker's CPU time at scrape time, and keeps counting up when a slot's worker is replaced", async () => {
    const metrics = new MetricsService();
    let zero = 1_500;
    const pool = { slots: [slot(0, 100, () => zero), slot(1, 101, () => 250)] } as unknown as WorkerPool;
    new WorkerMetrics(pool, metrics);

    expect(await cpuSeconds(metrics)).toEqual({ '0': 1.5, '1': 0.25 });
    zero = 4_000;
    expect(await cpuSeconds(metrics)).toEqual({ '0': 4, '1': 0.25 });

    // worker 0 died and was replaced: the new process starts from 0.5 s of its own
    pool.slots[0] = slot(0, 200, () => 500);
    expect(await cpuSeconds(metrics)).toEqual({ '0': 4.5, '1': 0.25 });

    // a dead slot is not asked (its worker no longer answers)
    pool.slots[1] = slot(
      1,
      101,
      () => {
        throw new Error('worker closed');
      },
      false,
    );
    expect(await cpuSeconds(metrics)).toEqual({ '0': 4.5, '1': 0.25 });
  });

  it('registers nothing without a metrics service', () => {
    expect(() => new WorkerMetrics({ slots: [] } as unknown as WorkerPool)).not.toThrow();
  });
});
