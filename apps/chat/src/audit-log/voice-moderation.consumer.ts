import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { type EventBus, IdempotentConsumer, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry, InjectDatabase, type Kysely } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { AuditLogService } from './audit-log.service';

/** The name processed events are recorded under (idempotency), whatever the consumer group is called. */
const CONSUMER = 'chat.audit-log-voice';

/**
 * Voice moves and disconnects happen in the voice service, whose state lives in Redis: chat cannot record
 * them in the action's transaction. Voice publishes `voice.member.moderated` (topic voice.states) after
 * the change; this consumer records VOICE_MEMBER_MOVE / VOICE_MEMBER_DISCONNECT from it, once per event
 * (idempotent by event id, in the transaction that writes the entry). A new group starts at the latest
 * offset.
 */
@Injectable()
export class VoiceModerationConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private markJoined: () => void = () => undefined;
  private readonly logger;
  private readonly idempotent: IdempotentConsumer<ChatDatabase>;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @InjectDatabase() db: Kysely<ChatDatabase>,
    private readonly auditLog: AuditLogService,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('chat', config.LOG_LEVEL).child({ component: CONSUMER });
    this.idempotent = new IdempotentConsumer(db);
  }

  onApplicationBootstrap(): void {
    if (!this.config.CHAT_VOICE_AUDIT_CONSUMER_ENABLED) return;
    this.markJoined = this.health.registerPending(
      'voice-audit-consumer',
      `not in consumer group ${this.config.CHAT_VOICE_AUDIT_CONSUMER_GROUP} yet`,
    );
    this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'voice audit consumer failed to start'),
    );
  }

  private async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: this.config.CHAT_VOICE_AUDIT_CONSUMER_GROUP,
      topics: [TOPICS.voiceStates],
      startFrom: 'latest',
      handler: (event) => this.apply(event),
    });
    this.markJoined();
  }

  /** Records one voice.member.moderated (other voice.states events are ignored). */
  async apply(event: AnyEvent): Promise<void> {
    if (event.type !== 'voice.member.moderated') return;
    const moderated = event.data;
    await this.idempotent.handleOnce(CONSUMER, event, (trx) =>
      this.auditLog.record(trx, {
        guildId: moderated.guildId,
        actorId: moderated.actorId,
        action: moderated.action === 'move' ? 'VOICE_MEMBER_MOVE' : 'VOICE_MEMBER_DISCONNECT',
        targetType: 'user',
        targetId: moderated.userId,
        before: { channelId: moderated.previousChannelId },
        after: moderated.channelId === null ? null : { channelId: moderated.channelId },
        reason: moderated.reason,
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
