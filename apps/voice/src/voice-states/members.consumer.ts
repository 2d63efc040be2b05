import { TOPICS } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VoiceStatesService } from './voice-states.service';

/**
 * chat.members → a member who left a guild (left, kicked, banned) is disconnected from its voice channels.
 * Starts from the latest offset: a voice state older than the consumer group cannot predate the event
 * that matters. Idempotent: ending a state that is already gone does nothing.
 */
@Injectable()
export class MembersConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private ready = false;
  private readonly logger;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    private readonly states: VoiceStatesService,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('voice', config.LOG_LEVEL).child({ component: 'members-consumer' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.VOICE_MEMBERS_CONSUMER_ENABLED) return;
    this.health.register('members-consumer', async () => {
      if (!this.ready) throw new Error(`not in consumer group ${this.config.VOICE_CONSUMER_GROUP} yet`);
    });
    this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'members consumer failed to start'),
    );
  }

  private async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: this.config.VOICE_CONSUMER_GROUP,
      topics: [TOPICS.chatMembers],
      startFrom: 'latest',
      session: { heartbeatIntervalMs: 1_000, sessionTimeoutMs: 10_000 },
      handler: async (event) => {
        if (event.type === 'member.left') await this.states.memberLeft(event.data.guildId, event.data.userId);
      },
    });
    this.ready = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close().catch(() => undefined);
  }
}
