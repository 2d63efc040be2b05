import { type RealtimeAck, type RealtimeErrorCode, REALTIME_ERROR_CODES } from '@bonfire/contracts';
import { ServiceLogger } from '@bonfire/platform';
import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';

/** A client event refused with one of the protocol's codes: answered `{ok: false, code, message}`. */
export class RealtimeRefusal extends Error {
  constructor(
    readonly code: RealtimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RealtimeRefusal';
  }
}

export function failure(code: RealtimeErrorCode, message: string): RealtimeAck {
  return { ok: false, code, message };
}

/**
 * The one place a client event's error becomes its failure acknowledgement: a RealtimeRefusal (a payload
 * the pipe refused, a missing permission…) answers its own code and message; anything else is logged and
 * answered UNAVAILABLE (the server failed, not the request). An event sent without an acknowledgement
 * gets no answer.
 */
@Catch()
@Injectable()
export class RealtimeExceptionFilter implements ExceptionFilter {
  private readonly logger;

  constructor(logger: ServiceLogger) {
    this.logger = logger.for('realtime');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    // A message handler's arguments (Nest's WsProxy): [socket, payload, ack, event].
    const reply = host.getArgByIndex<unknown>(2);
    let answer: RealtimeAck;
    if (exception instanceof RealtimeRefusal) {
      answer = failure(exception.code, exception.message);
    } else {
      this.logger.warn({ err: exception, event: host.getArgByIndex<unknown>(3) }, 'realtime event failed');
      answer = failure(REALTIME_ERROR_CODES.unavailable, 'Try again shortly.');
    }
    if (typeof reply === 'function') (reply as (answer: RealtimeAck) => void)(answer);
  }
}
