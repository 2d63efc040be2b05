import type { AnyEvent } from '@bonfire/contracts';
import {
  BACKGROUND_GATHER_MS,
  createEvent,
  eventGroup,
  EventHandlers,
  IdempotentConsumer,
  InMemoryIdempotentConsumer,
  OutboxWriter,
} from '@bonfire/messaging';
import { InjectDatabase, type Kysely } from '@bonfire/platform';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { EVENT_PRODUCER } from '../events/chat-events.writer';
import { NotifyDecisionService } from './notify-decision.service';
import { WebPushSender } from './web-push.sender';

/** The names processed events are recorded under (idempotency), whatever the consumer groups are called. */
const DECISION_CONSUMER = 'chat.notifications';
const PUSH_CONSUMER = 'chat.web-push';

const DECISIONS = eventGroup(CHAT_CONFIG, (config: ChatConfig) => ({
  group: config.CHAT_NOTIFICATIONS_CONSUMER_GROUP,
  startFrom: 'latest',
  enabled: config.CHAT_NOTIFICATIONS_CONSUMER_ENABLED,
  readiness: 'notifications-consumer',
  gatherMs: BACKGROUND_GATHER_MS,
  batch: true,
}));

/** Only when Web Push is configured (VAPID keys). */
const PUSHES = eventGroup(CHAT_CONFIG, (config: ChatConfig, get) => ({
  group: config.CHAT_WEB_PUSH_CONSUMER_GROUP,
  startFrom: 'latest',
  enabled: config.CHAT_NOTIFICATIONS_CONSUMER_ENABLED && (get(WebPushSender) as WebPushSender).enabled,
  readiness: 'web-push-consumer',
  gatherMs: BACKGROUND_GATHER_MS,
}));

/**
 * The notify path. 1) `message.created` (chat.messages, own consumer group): NotifyDecisionService
 * decides who the message notifies and one `notification.created` per user goes into the outbox (key:
 * the user, topic chat.readstates) in the transaction that records the event as processed — once per
 * message. The gateways deliver it to that user's own sessions. 2) `notification.created` (own group):
 * the Web Push sender pushes it to the user's subscribed browsers (when VAPID keys are configured); a
 * rare repeat after a restart is harmless there, so its idempotency is in memory.
 */
@EventHandlers()
export class NotificationsHandlers {
  private readonly idempotent: IdempotentConsumer<ChatDatabase>;
  private readonly pushed = new InMemoryIdempotentConsumer();
  private readonly outbox = new OutboxWriter();

  constructor(
    @InjectDatabase() private readonly db: Kysely<ChatDatabase>,
    private readonly decisions: NotifyDecisionService,
    private readonly push: WebPushSender,
  ) {
    this.idempotent = new IdempotentConsumer(db);
  }

  /**
   * message.created → notification.created per notified user, for a batch of messages at once (the
   * group gathers them): one read of their channels for all.
   */
  @EventPattern('message.created', DECISIONS)
  async decide(@Payload() events: readonly AnyEvent[]): Promise<void> {
    const created = events.filter((event) => event.type === 'message.created');
    const decided = await this.decisions.decide(
      this.db,
      created.map((event) => event.data.message),
    );
    // Most messages notify nobody: those are decided on the pool and leave no trace, no transaction and
    // no processed-event record to commit (a repeat decides again, to nothing). Notes are written once
    // per message, with its record.
    for (const [index, event] of created.entries()) {
      const notes = decided[index]!;
      if (notes.length === 0) continue;
      await this.idempotent.handleOnce(DECISION_CONSUMER, event, (trx) =>
        this.outbox.add(
          trx,
          notes.map(
            (note) => createEvent('notification.created', note.userId, note, EVENT_PRODUCER) as AnyEvent,
          ),
        ),
      );
    }
  }

  /** notification.created → a Web Push to each of the user's browsers. */
  @EventPattern('notification.created', PUSHES)
  async sendPush(@Payload() event: AnyEvent): Promise<void> {
    if (event.type !== 'notification.created') return;
    await this.pushed.handleOnce(PUSH_CONSUMER, event, () => this.push.notify(event.data));
  }
}
