import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { boundLogContext, runInLogContext } from './log-context';
import { requestIdFor } from './logger';

export type RequestLoggingMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** What a request's lines say of it. */
interface RequestFields {
  id: string;
  method: string | undefined;
  url: string | undefined;
}

/** Probes and scrapes come every few seconds and would drown the rest. */
function isProbe(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url.startsWith('/health') || url === '/metrics';
}

/**
 * One line per request (method, url, status, time, request id) through the service's logger, then the
 * rest of the request runs in the service's log context with the request's logger, so every log line
 * made while handling it names this service and carries the request id. That logger is made only if a
 * line is logged: a pino child serialises (and redacts) its bindings when it is made, which most requests
 * would pay for nothing.
 */
export function requestLogging(service: string, logger: Logger): RequestLoggingMiddleware {
  return (req, res, next) => {
    const request: RequestFields = { id: requestIdFor(req, res), method: req.method, url: req.url };
    if (!isProbe(req)) logWhenDone(logger, request, res);
    runInLogContext(boundLogContext(service, logger, { req: request }), next);
  };
}

/**
 * Error for 5xx (the error itself is logged where it was handled), warn for 4xx and for a client gone
 * before the answer, info otherwise.
 */
function logWhenDone(logger: Logger, request: RequestFields, res: ServerResponse): void {
  const started = performance.now();
  const done = () => {
    res.off('finish', done);
    res.off('close', done);
    const answered = res.writableFinished;
    const statusCode = res.statusCode;
    const level = statusCode >= 500 ? 'error' : statusCode >= 400 || !answered ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const responseTime = Math.round(performance.now() - started);
    const message = !answered
      ? 'request aborted'
      : statusCode >= 500
        ? 'request errored'
        : 'request completed';
    logger[level]({ req: request, res: { statusCode }, responseTime }, message);
  };
  res.on('finish', done);
  res.on('close', done);
}
