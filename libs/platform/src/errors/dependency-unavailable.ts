/**
 * Whether an error means a server this service needs (Postgres, Redis, Kafka, another service) could not be
 * reached or dropped the connection: the work may succeed when tried again shortly. HTTP answers it 503
 * SERVICE_UNAVAILABLE rather than 500 (a bug of ours); an event handler waits for the server without
 * spending an attempt; a pooled database connection that failed this way is discarded, not reused.
 *
 * Node and the drivers give no common type for this, so it reads their codes and, for pg's own client
 * errors (which carry none), their messages; it follows `cause` chains and AggregateError (a connect that
 * tried several addresses).
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 4; depth++) {
    if (saysUnavailable(cause)) return true;
    if (cause instanceof AggregateError && cause.errors.some(isDependencyUnavailable)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

function saysUnavailable(error: object): boolean {
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // Postgres SQLSTATE: class 08 connection exception; 57P01-03 shutdown or not accepting yet; 53300
    // too many connections.
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return true;
  }
  if (name === 'MaxRetriesPerRequestError') return true; // ioredis, while Redis is down
  return typeof message === 'string' && CLIENT_MESSAGES.some((pattern) => pattern.test(message));
}

const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const CLIENT_MESSAGES: readonly RegExp[] = [
  // pg: the server went away mid-query, or the pool could not connect within its timeout
  /^Connection terminated/,
  /terminating connection due to/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  // ioredis: a command on a connection that is down, without the offline queue
  /^Connection is closed\.$/,
];
