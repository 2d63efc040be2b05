import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { HealthRegistry } from '../health/health.registry';
import { DatabaseMetrics } from './database-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsService, statusClass } from './metrics.service';
import { ReadinessMetrics } from './readiness-metrics';

/** Histogram entries carry their series name (`_bucket`, `_count`, `_sum`). */
const nameOf = (entry: object) => (entry as { metricName?: string }).metricName;

async function values(metrics: MetricsService, name: string) {
  const metric = metrics.registry.getSingleMetric(name);
  expect(metric, name).toBeDefined();
  return (await metric!.get()).values;
}

/** One request through the middleware, answered with `status` on the route template `route`. */
function serve(middleware: HttpMetricsMiddleware, method: string, route: string | null, status: number) {
  const res = Object.assign(new EventEmitter(), { statusCode: status, locals: {} }) as unknown as Response;
  const req = { method, baseUrl: '/api/v1', route: route === null ? undefined : { path: route } } as Request;
  middleware.use(req, res, (() => undefined) as NextFunction);
  res.emit('finish');
}

describe('HTTP series', () => {
  it('counts every response by method, route template and status class, and errors (4xx, 5xx) apart', async () => {
    const metrics = new MetricsService();
    const middleware = new HttpMetricsMiddleware(metrics);
    serve(middleware, 'GET', '/channels/:channelId/messages', 200);
    serve(middleware, 'GET', '/channels/:channelId/messages', 200);
    serve(middleware, 'POST', '/channels/:channelId/messages', 403);
    serve(middleware, 'POST', '/channels/:channelId/messages', 503);
    serve(middleware, 'GET', null, 404);

    const requests = await values(metrics, 'http_requests_total');
    const count = (list: typeof requests, labels: Record<string, string>) =>
      list.find((entry) => Object.entries(labels).every(([key, value]) => entry.labels[key] === value))
        ?.value;
    expect(
      count(requests, { method: 'GET', route: '/api/v1/channels/:channelId/messages', status_class: '2xx' }),
    ).toBe(2);
    expect(count(requests, { method: 'GET', route: 'unmatched', status_class: '4xx' })).toBe(1);

    const errors = await values(metrics, 'http_request_errors_total');
    expect(errors.map((entry) => entry.labels['status_class']).sort()).toEqual(['4xx', '4xx', '5xx']);
    expect(count(errors, { method: 'POST', status_class: '5xx' })).toBe(1);

    const durations = await values(metrics, 'http_request_duration_seconds');
    expect(durations.some((entry) => entry.labels['status_code'] === '503')).toBe(true);
  });

  it('names status classes', () => {
    expect([200, 302, 404, 500, 599, 42].map(statusClass)).toEqual([
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      '5xx',
      'other',
    ]);
  });

  it('reports the memory limit the OS sets, 0 when there is none', async () => {
    const [limit] = await values(new MetricsService(), 'process_memory_limit_bytes');
    expect(limit!.value).toBeGreaterThanOrEqual(0);
    expect(limit!.value).toBeLessThan(2 ** 60);
  });
});

describe('database series', () => {
  it('times statements by kind and outcome, and samples the pool at scrape time', async () => {
    const metrics = new MetricsService();
    const database = new DatabaseMetrics(metrics.registry);
    const query = (text: string) => ({ sql: text, parameters: [], query: {} }) as never;
    database.log({ level: 'query', query: query('select 1'), queryDurationMillis: 3 });
    database.log({ level: 'query', query: query('  INSERT into t values ($1)'), queryDurationMillis: 5 });
    database.log({
      level: 'error',
      query: query('update t set a = 1'),
      queryDurationMillis: 7,
      error: new Error(),
    });
    database.log({ level: 'query', query: query('lock table t'), queryDurationMillis: 1 });

    const counts = (await values(metrics, 'db_query_duration_seconds'))
      .filter((entry) => nameOf(entry) === 'db_query_duration_seconds_count')
      .map((entry) => `${entry.labels['operation']}/${entry.labels['outcome']}=${entry.value}`)
      .sort();
    expect(counts).toEqual(['insert/ok=1', 'other/ok=1', 'select/ok=1', 'update/error=1']);

    // no pool (the embedded database): no connection series
    expect(await values(metrics, 'db_pool_connections')).toEqual([]);
    const pool = { totalCount: 7, idleCount: 3, waitingCount: 2, options: { max: 10 } };
    database.watchPool(pool);
    const connections = await values(metrics, 'db_pool_connections');
    expect(Object.fromEntries(connections.map((entry) => [entry.labels['state'], entry.value]))).toEqual({
      in_use: 4,
      idle: 3,
    });
    expect((await values(metrics, 'db_pool_waiting_requests'))[0]!.value).toBe(2);
    expect((await values(metrics, 'db_pool_max_connections'))[0]!.value).toBe(10);
  });
});

describe('readiness_check_up', () => {
  it('runs the readiness checks at scrape time: 1 passes, 0 fails', async () => {
    const metrics = new MetricsService();
    const health = new HealthRegistry();
    let redisUp = true;
    health.register('postgres', async () => undefined);
    health.register('redis', async () => {
      if (!redisUp) throw new Error('ECONNREFUSED');
    });
    new ReadinessMetrics(health, metrics);
    const read = async () =>
      Object.fromEntries(
        (await values(metrics, 'readiness_check_up')).map((entry) => [entry.labels['check'], entry.value]),
      );
    expect(await read()).toEqual({ postgres: 1, redis: 1 });
    redisUp = false;
    expect(await read()).toEqual({ postgres: 1, redis: 0 });
    health.markDraining();
    expect(await read()).toEqual({ postgres: 1, redis: 0, shutdown: 0 });
  });
});
