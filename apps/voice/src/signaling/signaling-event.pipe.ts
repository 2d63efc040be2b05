import { VOICE_ERROR_CODES, type VoiceClientEvent, type VoiceClientEvents } from '@bonfire/contracts';
import type { PipeTransform } from '@nestjs/common';
import { SignalingError } from '../rooms/room';
import { CLIENT_EVENT_SCHEMAS, describeIssues } from './signaling.schemas';

/**
 * Validates a signaling event's payload against its strict schema (signaling.schemas.ts): a payload that
 * does not match is refused INVALID_REQUEST, naming the fields (SignalingExceptionFilter answers it).
 */
export class SignalingEventPipe<E extends VoiceClientEvent> implements PipeTransform<
  unknown,
  VoiceClientEvents[E]['request']
> {
  constructor(private readonly event: E) {}

  transform(value: unknown): VoiceClientEvents[E]['request'] {
    const parsed = CLIENT_EVENT_SCHEMAS[this.event].safeParse(value);
    if (!parsed.success) {
      throw new SignalingError(VOICE_ERROR_CODES.invalidRequest, describeIssues(parsed.error));
    }
    return parsed.data as VoiceClientEvents[E]['request'];
  }
}
