import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Labels of the HTTP series: the route is the matched route template, never the raw URL. */
const HTTP_LABELS = ['method', 'route', 'status_class'] as const;

/**
 * One Prometheus registry per service: process metrics, the HTTP request series, and the container's
 * memory limit. Every metric name a service registers is what helm/bonfire's alert rules and dashboard
 * may use (tools/helm/monitoring.spec.ts checks that each name they use is registered somewhere).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP responses sent, by method, route template and status class (2xx, 3xx, 4xx, 5xx)',
    labelNames: HTTP_LABELS,
    registers: [this.registry],
  });

  readonly httpRequestErrors = new Counter({
    name: 'http_request_errors_total',
    help: 'HTTP responses with an error status (4xx, 5xx), by method, route template and status class',
    labelNames: HTTP_LABELS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'process_memory_limit_bytes',
      help: 'Memory the process may use as the OS constrains it (the container limit); 0 when unlimited',
      registers: [this.registry],
      collect() {
        this.set(memoryLimit());
      },
    });
  }

  setServiceLabel(service: string): void {
    this.registry.setDefaultLabels({ service });
  }

  /** Counts one HTTP response (the duration histogram is timed separately). */
  countResponse(method: string, route: string, status: number): void {
    const labels = { method, route, status_class: statusClass(status) };
    this.httpRequests.inc(labels);
    if (status >= 400) this.httpRequestErrors.inc(labels);
  }
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

/** The cgroup memory limit as Node reads it, or 0 when there is none (Node then reports about 2^64). */
function memoryLimit(): number {
  const limit = process.constrainedMemory();
  return limit > 0 && limit < 2 ** 60 ? limit : 0;
}
