import {
  REALTIME_ERROR_CODES,
  type RealtimeClientEvent,
  type RealtimeClientEvents,
} from '@bonfire/contracts';
import type { PipeTransform } from '@nestjs/common';
import { CLIENT_EVENT_SCHEMAS, describeIssues } from './client-events';
import { RealtimeRefusal } from './realtime-exception.filter';

/**
 * Validates a client event's payload against its strict schema (client-events.ts): a payload that does not
 * match is refused INVALID_REQUEST, naming the fields (RealtimeExceptionFilter answers it).
 */
export class ClientEventPipe<E extends RealtimeClientEvent> implements PipeTransform<
  unknown,
  RealtimeClientEvents[E]
> {
  constructor(private readonly event: E) {}

  transform(value: unknown): RealtimeClientEvents[E] {
    const parsed = CLIENT_EVENT_SCHEMAS[this.event].safeParse(value);
    if (!parsed.success) {
      throw new RealtimeRefusal(REALTIME_ERROR_CODES.invalidRequest, describeIssues(parsed.error));
    }
    return parsed.data as RealtimeClientEvents[E];
  }
}
