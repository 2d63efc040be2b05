import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** Whose work is running now, so a log line can name its service even when several share one process. */
export interface LogContext {
  service: string;
  /**
   * Where this work logs: inside a request, the request's logger (it carries the request id). Unset while
   * the service is still being built; `startService` fills it in once the service's logger exists.
   */
  logger?: Logger;
}

const storage = new AsyncLocalStorage<LogContext>();

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * A context whose logger is `base` bound to `bindings` (a request's or an event's id), made when a line is
 * first logged in it: a pino child serialises and redacts its bindings as it is made, and most requests and
 * events log nothing of their own.
 */
export function boundLogContext(
  service: string,
  base: Logger,
  bindings: Record<string, unknown>,
): LogContext {
  let bound: Logger | undefined;
  return {
    service,
    get logger(): Logger {
      bound ??= base.child(bindings);
      return bound;
    },
  };
}

/** Runs `fn`, and everything it starts (promises, timers, servers), in `context`. */
export function runInLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}
