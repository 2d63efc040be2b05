import { MetricsService } from '@bonfire/platform';
import { Injectable, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { WorkerPool } from './worker-pool';

/** A scrape never waits longer than this for a worker's answer. */
const USAGE_TIMEOUT_MS = 1_000;

/**
 * `voice_worker_cpu_seconds_total{worker}`: CPU time (user + system) of each mediasoup worker process, read
 * from the worker (getrusage) at scrape time. A worker is one thread: a rate near 1 is a saturated worker,
 * whose rooms' media starts to stutter. A replaced worker (new pid in the slot) adds its own time, so the
 * counter of a slot never goes down.
 */
@Injectable()
export class WorkerMetrics {
  constructor(pool: WorkerPool, @Optional() metrics?: MetricsService) {
    if (!metrics) return;
    const seen = new Map<number, { pid: number; seconds: number }>();
    new Counter({
      name: 'voice_worker_cpu_seconds_total',
      help: 'CPU time (user + system) of each mediasoup worker process, by worker slot',
      labelNames: ['worker'],
      registers: [metrics.registry],
      async collect() {
        await Promise.all(
          pool.slots
            .filter((slot) => slot.alive)
            .map(async (slot) => {
              let timer: NodeJS.Timeout | undefined;
              const usage = await Promise.race([
                slot.worker.getResourceUsage(),
                new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), USAGE_TIMEOUT_MS))),
              ])
                .catch(() => null)
                .finally(() => clearTimeout(timer));
              if (!usage) return;
              const seconds = (usage.ru_utime + usage.ru_stime) / 1000;
              const before = seen.get(slot.index);
              const added = before?.pid === slot.worker.pid ? seconds - before.seconds : seconds;
              seen.set(slot.index, { pid: slot.worker.pid, seconds });
              // Always inc (even by 0): the slot's series exists from the first scrape on.
              this.inc({ worker: String(slot.index) }, Math.max(0, added));
            }),
        );
      },
    });
  }
}
