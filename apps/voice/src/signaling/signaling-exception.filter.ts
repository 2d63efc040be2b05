import { VOICE_ERROR_CODES, type VoiceErrorCode } from '@bonfire/contracts';
import { ServiceLogger } from '@bonfire/platform';
import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';
import { SignalingError } from '../rooms/room';

type SignalingFailure = { ok: false; code: VoiceErrorCode; message: string };

/**
 * The one place a signaling event's error becomes its failure acknowledgement: a SignalingError (a payload
 * the pipe refused, a session that ended, a room's refusal) answers its own code and message; a TypeError
 * (mediasoup's answer to malformed RTP/DTLS parameters and capabilities) answers INVALID_REQUEST; anything
 * else is logged and answered VOICE_UNAVAILABLE with its message.
 */
@Catch()
@Injectable()
export class SignalingExceptionFilter implements ExceptionFilter {
  private readonly logger;

  constructor(logger: ServiceLogger) {
    this.logger = logger.for('signaling');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    // A message handler's arguments (Nest's WsProxy): [socket, payload, ack, event].
    const reply = host.getArgByIndex<unknown>(2);
    const answer = this.refusal(exception, host.getArgByIndex<unknown>(3));
    if (typeof reply === 'function') (reply as (answer: SignalingFailure) => void)(answer);
  }

  private refusal(error: unknown, event: unknown): SignalingFailure {
    if (error instanceof SignalingError) return { ok: false, code: error.code, message: error.message };
    if (error instanceof TypeError) {
      return { ok: false, code: VOICE_ERROR_CODES.invalidRequest, message: error.message };
    }
    this.logger.warn({ err: error, event }, 'signaling request failed');
    const message = error instanceof Error ? error.message : 'the request failed';
    return { ok: false, code: VOICE_ERROR_CODES.unavailable, message };
  }
}
