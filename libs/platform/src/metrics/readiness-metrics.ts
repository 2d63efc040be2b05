import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { HealthRegistry } from '../health/health.registry';
import { MetricsService } from './metrics.service';

/**
 * `readiness_check_up{check}`: each readiness check (postgres, redis, kafka consumers, elasticsearch,
 * mediasoup workers…) run at scrape time, 1 when it passes. Alerts name the dependency that is down
 * instead of only seeing a pod that is not ready.
 */
@Injectable()
export class ReadinessMetrics {
  constructor(health: HealthRegistry, metrics: MetricsService) {
    new Gauge({
      name: 'readiness_check_up',
      help: 'Readiness checks run at scrape time, by check: 1 passes, 0 fails (the readiness report says why)',
      labelNames: ['check'],
      registers: [metrics.registry],
      async collect() {
        const report = await health.readiness();
        this.reset();
        for (const [check, result] of Object.entries(report.checks)) {
          this.set({ check }, result.status === 'up' ? 1 : 0);
        }
      },
    });
  }
}
