import type { LogEvent } from 'kysely';
import { Gauge, Histogram, type Registry } from 'prom-client';

/** What the pool gauges read: pg.Pool's counters (the embedded database has no pool to sample). */
interface PoolCounters {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options: { max?: number };
}

/** Statement kinds the query histogram is labelled with (anything else is `other`). */
const OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'with']);

/**
 * A service database's series: query durations (fed by Kysely's `log` hook, so every statement of every
 * repository and transaction is timed) and the connection pool's state, sampled at scrape time.
 * DatabaseModule creates one per service database when the service has a MetricsService.
 */
export class DatabaseMetrics {
  private readonly queryDuration: Histogram<'operation' | 'outcome'>;
  private readonly pools: PoolCounters[] = [];

  constructor(registry: Registry) {
    const registers = [registry];
    const pools = this.pools;
    const sum = (read: (pool: PoolCounters) => number) =>
      pools.reduce((total, pool) => total + read(pool), 0);
    this.queryDuration = new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Database statement duration, by statement kind (select, insert, update, delete, with, other) and outcome (ok, error)',
      labelNames: ['operation', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections, by state (in_use: lent to a query or transaction, idle: open and free)',
      labelNames: ['state'],
      registers,
      collect() {
        if (pools.length === 0) return;
        this.set(
          { state: 'in_use' },
          sum((pool) => pool.totalCount - pool.idleCount),
        );
        this.set(
          { state: 'idle' },
          sum((pool) => pool.idleCount),
        );
      },
    });
    new Gauge({
      name: 'db_pool_waiting_requests',
      help: 'Queries and transactions waiting for a pool connection (all connections are in use)',
      registers,
      collect() {
        this.set(sum((pool) => pool.waitingCount));
      },
    });
    new Gauge({
      name: 'db_pool_max_connections',
      help: 'Connections the database pool may open',
      registers,
      collect() {
        this.set(sum((pool) => pool.options.max ?? 10));
      },
    });
  }

  /** Samples this pool's counters at every scrape. */
  watchPool(pool: PoolCounters): void {
    this.pools.push(pool);
  }

  /** Kysely's `log` option: times every statement. */
  readonly log = (event: LogEvent): void => {
    const keyword = /^\s*\(?\s*([a-z]+)/i.exec(event.query.sql)?.[1]?.toLowerCase() ?? '';
    this.queryDuration.observe(
      {
        operation: OPERATIONS.has(keyword) ? keyword : 'other',
        outcome: event.level === 'error' ? 'error' : 'ok',
      },
      event.queryDurationMillis / 1000,
    );
  };
}
