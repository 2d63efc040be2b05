import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { runInLogContext } from './log-context';
import { requestIdFor } from './logger';

export type RequestLoggingMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Probes and scrapes come every few seconds and would drown the rest. */
function isProbe(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url.startsWith('/health') || url === '/metrics';
}

/**
 * One line per request (method, url, status, time, request id) through the service's logger, then the
 * rest of the request runs in the service's log context with the request's logger, so every log line
 * made while handling it names this service and carries the request id.
 */
export function requestLogging(service: string, logger: Logger): RequestLoggingMiddleware {
  const logRequest = pinoHttp({
    logger,
    genReqId: requestIdFor,
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: isProbe },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req, res, next) => {
    logRequest(req, res);
    runInLogContext({ service, logger: req.log }, next);
  };
}
