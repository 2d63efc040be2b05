import type { Logger } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** pino's call shapes: `(fields, message?, ...args)` or `(message, ...args)`; an Error as fields becomes `err`. */
export type ComponentLogFn = (fieldsOrMessage: object | string, message?: string, ...args: unknown[]) => void;

/** Where a component logger writes: the service's logger bound to the current request or event. */
export interface LoggerSource {
  current(): Logger;
}

/**
 * A provider's logger (`serviceLogger.for('embeds')`): pino's methods, each writing through the logger of
 * the work running now (a request's: service and request id; an event handler's: event id and type; else
 * the service's own) with `component` added. A disabled level costs one check and builds nothing.
 */
export class ComponentLogger {
  readonly trace: ComponentLogFn = (...args) => this.write('trace', ...args);
  readonly debug: ComponentLogFn = (...args) => this.write('debug', ...args);
  readonly info: ComponentLogFn = (...args) => this.write('info', ...args);
  readonly warn: ComponentLogFn = (...args) => this.write('warn', ...args);
  readonly error: ComponentLogFn = (...args) => this.write('error', ...args);
  readonly fatal: ComponentLogFn = (...args) => this.write('fatal', ...args);

  constructor(
    private readonly source: LoggerSource,
    readonly component: string,
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  /** The same logger with `bindings` on every line (a job's id, say), like pino's child. */
  child(bindings: Record<string, unknown>): ComponentLogger {
    return new ComponentLogger(this.source, this.component, { ...this.bindings, ...bindings });
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.source.current().isLevelEnabled(level);
  }

  private write(level: LogLevel, fieldsOrMessage: object | string, ...rest: unknown[]): void {
    const logger = this.source.current();
    if (!logger.isLevelEnabled(level)) return;
    if (typeof fieldsOrMessage === 'string') {
      logger[level]({ component: this.component, ...this.bindings }, fieldsOrMessage, ...rest);
      return;
    }
    const fields =
      fieldsOrMessage instanceof Error
        ? { component: this.component, ...this.bindings, err: fieldsOrMessage }
        : { component: this.component, ...this.bindings, ...fieldsOrMessage };
    logger[level](fields, ...(rest as [string?, ...unknown[]]));
  }
}
