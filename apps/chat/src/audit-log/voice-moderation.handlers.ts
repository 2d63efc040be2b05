import type { AnyEvent } from '@bonfire/contracts';
import { BACKGROUND_GATHER_MS, eventGroup, EventHandlers, IdempotentConsumer } from '@bonfire/messaging';
import { InjectDatabase, type Kysely } from '@bonfire/platform';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { AuditLogService } from './audit-log.service';

/** The name processed events are recorded under (idempotency), whatever the consumer group is called. */
const CONSUMER = 'chat.audit-log-voice';

const VOICE_AUDIT = eventGroup(CHAT_CONFIG, (config: ChatConfig) => ({
  group: config.CHAT_VOICE_AUDIT_CONSUMER_GROUP,
  startFrom: 'latest',
  enabled: config.CHAT_VOICE_AUDIT_CONSUMER_ENABLED,
  readiness: 'voice-audit-consumer',
  gatherMs: BACKGROUND_GATHER_MS,
}));

/**
 * Voice moves and disconnects happen in the voice service, whose state lives in Redis: chat cannot record
 * them in the action's transaction. Voice publishes `voice.member.moderated` (topic voice.states) after
 * the change; this consumer records VOICE_MEMBER_MOVE / VOICE_MEMBER_DISCONNECT from it, once per event
 * (idempotent by event id, in the transaction that writes the entry). A new group starts at the latest
 * offset.
 */
@EventHandlers()
export class VoiceModerationHandlers {
  private readonly idempotent: IdempotentConsumer<ChatDatabase>;

  constructor(
    @InjectDatabase() db: Kysely<ChatDatabase>,
    private readonly auditLog: AuditLogService,
  ) {
    this.idempotent = new IdempotentConsumer(db);
  }

  /** Records one voice.member.moderated (other voice.states events are ignored). */
  @EventPattern('voice.member.moderated', VOICE_AUDIT)
  async apply(@Payload() event: AnyEvent): Promise<void> {
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
}
