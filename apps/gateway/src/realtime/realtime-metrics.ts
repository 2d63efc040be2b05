import { MetricsService } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';

/**
 * The realtime edge's Prometheus metrics. The gauges read their values when scraped, from whatever
 * `observe()` was given (the socket.io server's connections, the sessions held).
 */
@Injectable()
export class RealtimeMetrics {
  readonly dispatched: Counter<'kind'>;
  readonly resumes: Counter<'outcome'>;
  readonly consumed: Counter;
  readonly limited: Counter<'action'>;
  private sockets: () => number = () => 0;
  private sessions: () => number = () => 0;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    const sockets = () => this.sockets();
    const sessions = () => this.sessions();
    new Gauge({
      name: 'realtime_connected_sockets',
      help: 'Realtime sockets connected to this gateway',
      registers,
      collect() {
        this.set(sockets());
      },
    });
    new Gauge({
      name: 'realtime_sessions',
      help: 'Realtime sessions held by this gateway (live and detached)',
      registers,
      collect() {
        this.set(sessions());
      },
    });
    this.dispatched = new Counter({
      name: 'realtime_dispatched_events_total',
      help: 'Dispatches emitted to sockets, by kind (sequenced, ephemeral, replayed)',
      labelNames: ['kind'] as const,
      registers,
    });
    this.resumes = new Counter({
      name: 'realtime_resumes_total',
      help: 'Resume attempts, by outcome (resumed, resync)',
      labelNames: ['outcome'] as const,
      registers,
    });
    this.consumed = new Counter({
      name: 'realtime_events_consumed_total',
      help: 'Kafka events this gateway consumed and fanned out',
      registers,
    });
    this.limited = new Counter({
      name: 'realtime_rate_limited_total',
      help: 'Client events refused RATE_LIMITED (refused) and connections closed for flooding (closed)',
      labelNames: ['action'] as const,
      registers,
    });
  }

  /** Where the gauges read the connected sockets and the sessions held. */
  observe(sources: { sockets: () => number; sessions: () => number }): void {
    this.sockets = sources.sockets;
    this.sessions = sources.sessions;
  }
}
