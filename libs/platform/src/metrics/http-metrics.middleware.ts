import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Times every request. The route label is the matched route pattern (never the raw URL, which would
 * explode label cardinality); a handler without a pattern may set `res.locals.metricsRoute`.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stopTimer = this.metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const route =
        (res.locals['metricsRoute'] as string | undefined) ??
        (req.route ? `${req.baseUrl}${String((req.route as { path: string }).path)}` : 'unmatched');
      stopTimer({ method: req.method, route, status_code: String(res.statusCode) });
      this.metrics.countResponse(req.method, route, res.statusCode);
    });
    next();
  }
}
