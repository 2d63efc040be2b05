/**
 * The slice of a pino logger this library uses. Any pino logger (or `console`-like object) fits;
 * the library never depends on a logging package itself.
 */
export type LogFn = (objOrMsg: object | string, msg?: string) => void;

export interface Logger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  debug: LogFn;
}

const ignore: LogFn = () => undefined;

export const silentLogger: Logger = { info: ignore, warn: ignore, error: ignore, debug: ignore };

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
