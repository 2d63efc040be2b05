import type { LoggerService, OnApplicationShutdown } from '@nestjs/common';
import type { DestinationStream, Logger } from 'pino';
import { boundLogContext, currentLogContext, type LogContext, runInLogContext } from './log-context';
import { ComponentLogger } from './component-logger';
import { createLogger } from './logger';

/**
 * The `service` of a line logged outside any service's work (no log context) while several services run
 * in the process: naming one of them would be a guess.
 */
export const PROCESS_LOG_LABEL = 'bonfire';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type LogArgs = [fields: Record<string, unknown>, message?: string, ...params: unknown[]];

/** Services whose app is running in this process, oldest first. */
const running = new Set<ServiceLogger>();

/**
 * One service's logger (JSON lines, secrets redacted); provided per app by LoggingModule. Providers take
 * it in their constructor and keep `logger.for('component')`: each line then goes through the current
 * request's or event's logger (its request id or event id) and names the component.
 */
export class ServiceLogger implements OnApplicationShutdown {
  readonly logger: Logger;
  private unattributedLogger: Logger | undefined;

  constructor(
    readonly service: string,
    private readonly level: string,
    private readonly destination?: DestinationStream,
  ) {
    this.logger = createLogger(service, level, destination);
    running.add(this);
  }

  onApplicationShutdown(): void {
    running.delete(this);
  }

  /** The logger a provider keeps: pino's methods, bound on each call to the current request or event. */
  for(component: string): ComponentLogger {
    return new ComponentLogger(this, component);
  }

  /**
   * The logger lines go through now: inside this service's request or event, its logger (request id,
   * event id); otherwise the service's own.
   */
  current(): Logger {
    const context = currentLogContext();
    return context?.service === this.service && context.logger ? context.logger : this.logger;
  }

  /** Runs `fn` (and all it starts) in this service's log context, with a logger bound to `bindings`. */
  runBound<T>(bindings: Record<string, unknown>, fn: () => T): T {
    return runInLogContext(boundLogContext(this.service, this.logger, bindings), fn);
  }

  /** Same level and destination, for lines that cannot be credited to a service. */
  unattributed(): Logger {
    this.unattributedLogger ??= createLogger(PROCESS_LOG_LABEL, this.level, this.destination);
    return this.unattributedLogger;
  }
}

/** Lines logged by a service while it was being built, before its logger existed. */
const pending = new WeakMap<LogContext, { level: Level; args: LogArgs }[]>();

/** Gives a service's context its logger and writes, through it, what the service logged before. */
export function settleLogContext(context: LogContext, logger: Logger): void {
  context.logger = logger;
  for (const { level, args } of pending.get(context) ?? []) logger[level](...args);
  pending.delete(context);
}

let processLogger: Logger | undefined;

function fallbackLogger(): Logger {
  const services = [...running];
  const latest = services.at(-1);
  if (!latest) return (processLogger ??= createLogger(PROCESS_LOG_LABEL));
  return new Set(services.map(({ service }) => service)).size === 1 ? latest.logger : latest.unattributed();
}

/**
 * Nest's logger, one for the whole process (Nest keeps a single process-wide logger: the last app to set
 * it wins). Each call goes where the log context says: inside a request, through that request's logger
 * (its service and request id); inside a service's other work, through that service's logger; while a
 * service is being built, held until its logger exists. Outside any context it falls back to the one
 * running service, or to PROCESS_LOG_LABEL when there are several.
 */
class NestLogRouter implements LoggerService {
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  private write(level: Level, message: unknown, optionalParams: unknown[]): void {
    const args = toPinoArgs(level, message, optionalParams);
    const context = currentLogContext();
    if (context && !context.logger) {
      const held = pending.get(context) ?? [];
      held.push({ level, args });
      pending.set(context, held);
      return;
    }
    (context?.logger ?? fallbackLogger())[level](...args);
  }
}

export const nestLogger: LoggerService = new NestLogRouter();

/**
 * Nest's calling convention: the last optional parameter is the context (the name in `new Logger(name)`);
 * an object message becomes fields, an Error becomes `err`.
 */
function toPinoArgs(level: Level, message: unknown, optionalParams: unknown[]): LogArgs {
  const fields: Record<string, unknown> = {};
  let params = optionalParams;
  if (params.length > 0) {
    fields['context'] = params.at(-1);
    params = params.slice(0, -1).filter((param) => param !== undefined);
  }
  if (typeof message === 'object' && message !== null) {
    if (message instanceof Error) fields['err'] = message;
    else Object.assign(fields, message);
    return [fields, ...(params as [string?, ...unknown[]])];
  }
  if (isMessageWithStack(level, message, params)) {
    // Nest's own exception handlers call error(message, stack).
    const err = new Error(message);
    err.stack = params[0] as string;
    return [{ ...fields, err }];
  }
  return [fields, message as string, ...params];
}

function isMessageWithStack(level: Level, message: unknown, params: unknown[]): message is string {
  return (
    level === 'error' &&
    typeof message === 'string' &&
    params.length === 1 &&
    typeof params[0] === 'string' &&
    /\n\s*at /.test(params[0])
  );
}
