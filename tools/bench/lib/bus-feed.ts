/**
 * Feeds the gateway from the event bus, as chat's outbox relay does: `message.created` for a channel
 * straight to Kafka (KafkaEventBus.publish, the relay's own client and topic), so that a benchmark can
 * measure what the gateway sustains without the send path (HTTP proxy, chat, Postgres, the relay) on the
 * same two cores. The messages copy real ones (one per channel, sent through the API first), with their own
 * ids, content and time; message i goes to `channelIds[i % channelIds.length]`, as sendAtRate's.
 */
import type { Message } from '@bonfire/contracts';
import { createEvent } from '../../../libs/messaging/src/event-bus';
import { KafkaEventBus } from '../../../libs/messaging/src/kafka-event-bus';
import { MAX_WORKER_ID, SnowflakeGenerator } from '../../../libs/platform/src/ids/snowflake';
import type { Api } from '../../../e2e/support/api';
import { inBatches, paceSends, type PaceOptions, retry, type SendResult } from './realtime-delivery';

/**
 * The benches' `--feed post|bus` option: true when Bonfire is fed from Kafka (this feed) instead of the POST
 * through gateway and chat. Anything else is refused, so that a typo cannot measure the other feed.
 */
export function feedsFromBus(feed: string): boolean {
  if (feed !== 'post' && feed !== 'bus') throw new Error(`--feed is post or bus, not ${feed}`);
  return feed === 'bus';
}

export class BusFeed {
  /** The last worker id: no service leases it while a benchmark runs (there are far fewer processes). */
  private readonly ids = new SnowflakeGenerator(MAX_WORKER_ID);

  private constructor(
    private readonly bus: KafkaEventBus,
    /** Per channel, the message its copies are made of. */
    private readonly templates: ReadonlyMap<string, Message>,
  ) {}

  /** A feed of these channels: each gets one message through the API (as the user of `token`) to copy. */
  static async open(
    api: Api,
    channels: readonly { channelId: string; token: string }[],
    signal: AbortSignal,
  ): Promise<BusFeed> {
    const templates = await inBatches([...channels], 8, ({ channelId, token }) =>
      retry(
        'bus feed template',
        () =>
          api
            .withToken(token)
            .post<Message>(`/api/v1/channels/${channelId}/messages`, { content: 'feed template' }),
        signal,
      ),
    );
    const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
    const bus = new KafkaEventBus({ brokers, clientId: 'bench-bus-feed' });
    return new BusFeed(bus, new Map(templates.map((message) => [message.channelId, message])));
  }

  /** `rate` message.created events/s into these channels; accepted = the broker acknowledged it. */
  publishAtRate(options: PaceOptions & { channelIds: readonly string[] }): Promise<SendResult> {
    const templates = options.channelIds.map((channelId) => {
      const template = this.templates.get(channelId);
      if (!template) throw new Error(`the bus feed has no message of channel ${channelId} to copy`);
      return template;
    });
    return paceSends(options, (index, { content, nonce }) => {
      const message: Message = {
        ...templates[index % templates.length]!,
        id: this.ids.next(),
        content,
        nonce,
        createdAt: new Date().toISOString(),
      };
      return this.bus.publish(createEvent('message.created', message.channelId, { message }, 'bench'));
    });
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}
