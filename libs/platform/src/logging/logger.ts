import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { DestinationStream, Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Anything that could let someone act as a user or a service never reaches a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-bonfire-identity"]',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'accessToken', 'refreshToken', 'token', 'secret'].flatMap(
    (field) => [field, `*.${field}`, `*.*.${field}`],
  ),
];

export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** The one logger factory: JSON lines on stdout (or `destination`), secrets redacted. */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(service, level), destination) : pino(loggerOptions(service, level));
}

const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a caller's request id when it is sane, otherwise makes one; echoes it on the response. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
