import { describe, expect, it } from 'vitest';
import { createDatabase, sql } from '../database/database';
import { DatabaseMetrics } from './database-metrics';
import { MetricsService } from './metrics.service';

/** Histogram entries carry their series name (`_bucket`, `_count`, `_sum`). */
const nameOf = (entry: object) => (entry as { metricName?: string }).metricName;

const env = process.env;

describe('database series on a real Postgres pool', () => {
  it('sees connections in use and queries waiting while the pool is exhausted, and times every statement', async () => {
    const metrics = new MetricsService();
    const db = createDatabase<unknown>({
      // pg_sleep needs no schema: the server's own database will do
      url: `postgres://${env['POSTGRES_USER']}:${env['POSTGRES_PASSWORD']}@${env['POSTGRES_HOST']}:${env['POSTGRES_PORT']}/postgres`,
      maxConnections: 2,
      metrics: new DatabaseMetrics(metrics.registry),
    });
    const read = async (name: string) => {
      const { values } = await metrics.registry.getSingleMetric(name)!.get();
      return Object.fromEntries(values.map((entry) => [entry.labels['state'] ?? 'value', entry.value]));
    };
    try {
      const sleepers = [1, 2, 3].map(() => sql`select pg_sleep(0.5)`.execute(db));
      await expect.poll(() => read('db_pool_waiting_requests')).toEqual({ value: 1 });
      expect(await read('db_pool_connections')).toEqual({ in_use: 2, idle: 0 });
      expect(await read('db_pool_max_connections')).toEqual({ value: 2 });
      await Promise.all(sleepers);
      expect(await read('db_pool_connections')).toEqual({ in_use: 0, idle: 2 });
      const { values } = await metrics.registry.getSingleMetric('db_query_duration_seconds')!.get();
      const selects = values.find(
        (entry) =>
          nameOf(entry) === 'db_query_duration_seconds_count' && entry.labels['operation'] === 'select',
      );
      expect(selects?.value).toBe(3);
      const slow = values.find(
        (entry) =>
          nameOf(entry) === 'db_query_duration_seconds_bucket' &&
          entry.labels['operation'] === 'select' &&
          entry.labels['le'] === 0.25,
      );
      expect(slow?.value).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
