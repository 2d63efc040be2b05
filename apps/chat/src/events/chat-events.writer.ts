import type { AnyEvent, EventData, EventType } from '@bonfire/contracts';
import { createEvent, type OutboxInsertionValues, OutboxWriter } from '@bonfire/messaging';
import type { Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatDatabase } from '../database/schema';
import { EventAudienceRepository } from './event-audience.repository';

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

  constructor(private readonly audience: EventAudienceRepository) {}

  add<T extends EventType>(
    trx: Transaction<ChatDatabase>,
    type: T,
    key: string,
    data: EventData<T>,
  ): Promise<void> {
    // EventOf<T> is one member of the AnyEvent union; TypeScript cannot narrow a generic T to it.
    return this.outbox.add(trx, createEvent(type, key, data, EVENT_PRODUCER) as AnyEvent);
  }

  /** Several events of one type and key, in this order (one outbox insert). */
  addMany<T extends EventType>(
    trx: Transaction<ChatDatabase>,
    type: T,
    key: string,
    data: readonly EventData<T>[],
  ): Promise<void> {
    return this.outbox.add(
      trx,
      data.map((one) => createEvent(type, key, one, EVENT_PRODUCER) as AnyEvent),
    );
  }

  /**
   * addMany's events as the parameters of an outbox insertion, for a statement that writes a change and
   * its events at once (see OutboxWriter.insertionOf); `refs` name the row of each event, for the filter
   * that keeps only the events of rows the statement wrote.
   */
  insertionValuesOfMany<T extends EventType>(
    type: T,
    key: string,
    data: readonly EventData<T>[],
    refs: readonly string[],
  ): OutboxInsertionValues {
    return this.outbox.insertionValues(
      data.map((one) => createEvent(type, key, one, EVENT_PRODUCER) as AnyEvent),
      refs,
    );
  }

  /**
   * A member left the guild: `member.left` (key: the guild) and one `channel.member.left` per channel of
   * the guild (key: the channel), in one write — so in each channel's ordered stream the removal comes
   * before any message sent after it (messages are keyed by channel, on another topic than member.left).
   */
  async memberLeft(trx: Transaction<ChatDatabase>, data: EventData<'member.left'>): Promise<void> {
    const { guildId, userId } = data;
    const channelIds = await this.audience.channelIdsInGuild(trx, guildId);
    const events = [
      createEvent('member.left', guildId, data, EVENT_PRODUCER),
      ...channelIds.map((channelId) =>
        createEvent('channel.member.left', channelId, { guildId, channelId, userId }, EVENT_PRODUCER),
      ),
    ];
    return this.outbox.add(trx, events as AnyEvent[]);
  }
}
