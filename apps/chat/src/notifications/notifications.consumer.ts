import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import {
  createEvent,
  type EventBus,
  IdempotentConsumer,
  InjectEventBus,
  InMemoryIdempotentConsumer,
  OutboxWriter,
  type Subscription,
} from '@bonfire/messaging';
import { createLogger, HealthRegistry, InjectDatabase, type Kysely } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { EVENT_PRODUCER } from '../events/chat-events.writer';
import { NotifyDecisionService } from './notify-decision.service';
import { WebPushSender } from './web-push.sender';

/** The names processed events are recorded under (idempotency), whatever the consumer groups are called. */
const DECISION_CONSUMER = 'chat.notifications';
const PUSH_CONSUMER = 'chat.web-push';

/**
 * The notify path. 1) `message.created` (chat.messages, own consumer group): NotifyDecisionService
 * decides who the message notifies and one `notification.created` per user goes into the outbox (key:
 * the user, topic chat.readstates) in the transaction that records the event as processed — once per
 * message. The gateways deliver it to that user's own sessions. 2) `notification.created` (own group):
 * the Web Push sender pushes it to the user's subscribed browsers (when VAPID keys are configured); a
 * rare repeat after a restart is harmless there, so its idempotency is in memory.
 */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];
  private readonly logger;
  private readonly idempotent: IdempotentConsumer<ChatDatabase>;
  private readonly pushed = new InMemoryIdempotentConsumer();
  private readonly outbox = new OutboxWriter();

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @InjectDatabase() db: Kysely<ChatDatabase>,
    private readonly decisions: NotifyDecisionService,
    private readonly push: WebPushSender,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('chat', config.LOG_LEVEL).child({ component: DECISION_CONSUMER });
    this.idempotent = new IdempotentConsumer(db);
  }

  onApplicationBootstrap(): void {
    if (!this.config.CHAT_NOTIFICATIONS_CONSUMER_ENABLED) return;
    const markJoined = this.health.registerPending(
      'notifications-consumer',
      `not in consumer group ${this.config.CHAT_NOTIFICATIONS_CONSUMER_GROUP} yet`,
    );
    this.start()
      .then(markJoined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'notifications consumer failed to start'));
  }

  private async start(): Promise<void> {
    this.subscriptions.push(
      await this.bus.subscribe({
        group: this.config.CHAT_NOTIFICATIONS_CONSUMER_GROUP,
        topics: [TOPICS.chatMessages],
        startFrom: 'latest',
        handler: (event) => this.decide(event),
      }),
    );
    if (this.push.enabled) {
      this.subscriptions.push(
        await this.bus.subscribe({
          group: this.config.CHAT_WEB_PUSH_CONSUMER_GROUP,
          topics: [TOPICS.chatReadStates],
          startFrom: 'latest',
          handler: (event) => this.sendPush(event),
        }),
      );
    }
  }

  /** message.created → notification.created per notified user (other events of the topic are ignored). */
  async decide(event: AnyEvent): Promise<void> {
    if (event.type !== 'message.created') return;
    const { message } = event.data;
    await this.idempotent.handleOnce(DECISION_CONSUMER, event, async (trx) => {
      const notes = await this.decisions.decide(trx, message);
      if (notes.length === 0) return;
      await this.outbox.add(
        trx,
        notes.map(
          (note) => createEvent('notification.created', note.userId, note, EVENT_PRODUCER) as AnyEvent,
        ),
      );
    });
  }

  /** notification.created → a Web Push to each of the user's browsers. */
  async sendPush(event: AnyEvent): Promise<void> {
    if (event.type !== 'notification.created') return;
    await this.pushed.handleOnce(PUSH_CONSUMER, event, () => this.push.notify(event.data));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.close()));
  }
}
