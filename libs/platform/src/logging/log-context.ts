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

/** Runs `fn`, and everything it starts (promises, timers, servers), in `context`. */
export function runInLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}
