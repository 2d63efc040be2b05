import type { AnyEvent, EventData, EventType } from '@bonfire/contracts';
import { createEvent, OutboxWriter } from '@bonfire/messaging';
import type { Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatDatabase } from '../database/schema';

export const EVENT_PRODUCER = 'chat';

/**
 * The one way chat emits domain events: into the transactional outbox, inside the transaction that
 * changes the state, so an event exists if and only if its change committed. Keys decide order:
 * guild-level events use the guild id, channel/message/reaction events the channel id, read states
 * the user id.
 */
@Injectable()
export class ChatEventsWriter {
  private readonly outbox = new OutboxWriter();

  add<T extends EventType>(
    trx: Transaction<ChatDatabase>,
    type: T,
    key: string,
    data: EventData<T>,
  ): Promise<void> {
    // EventOf<T> is one member of the AnyEvent union; TypeScript cannot narrow a generic T to it.
    return this.outbox.add(trx, createEvent(type, key, data, EVENT_PRODUCER) as AnyEvent);
  }
}
