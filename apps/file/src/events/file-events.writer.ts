import type { AnyEvent, EventData, EventType } from '@bonfire/contracts';
import { createEvent, OutboxWriter } from '@bonfire/messaging';
import type { Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { FileDatabase } from '../database/schema';

const EVENT_PRODUCER = 'file';

/**
 * The one way the file service emits domain events: into the transactional outbox, inside the transaction
 * that changes the state. Keys are file ids.
 */
@Injectable()
export class FileEventsWriter {
  private readonly outbox = new OutboxWriter();

  add<T extends EventType>(
    trx: Transaction<FileDatabase>,
    type: T,
    key: string,
    data: EventData<T>,
  ): Promise<void> {
    // EventOf<T> is one member of the AnyEvent union; TypeScript cannot narrow a generic T to it.
    return this.outbox.add(trx, createEvent(type, key, data, EVENT_PRODUCER) as AnyEvent);
  }
}
