import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VoiceStatesService } from './voice-states.service';

/** The chat topics whose events can take a member's right to be in a voice channel away. */
export const VOICE_CHAT_TOPICS = [
  TOPICS.chatGuilds,
  TOPICS.chatChannels,
  TOPICS.chatMembers,
  TOPICS.chatRoles,
  // user.deleted: a deleted account leaves voice at once
  TOPICS.authUsers,
] as const;

/**
 * chat.members, chat.roles, chat.channels, chat.guilds → who may stay in voice:
 * - a member who left the guild (left, kicked, banned) is disconnected;
 * - a deleted channel (or guild) disconnects everyone in it (`channel-deleted`);
 * - a deleted account (auth.users `user.deleted`) is disconnected from any voice channel or call;
 * - a change that may alter permissions (a role changed or deleted, a member's roles, a channel's
 *   overwrites, the guild's owner) re-checks, through chat, the users in voice it concerns: who lost
 *   VIEW_CHANNEL or CONNECT is disconnected (`missing-permission`), who lost SPEAK or STREAM has those
 *   producers closed (VoiceStatesService.recheck*).
 * Starts from the latest offset: a voice state older than the consumer group cannot predate the event
 * that matters. Idempotent (ending a state that is gone, or re-applying the same permissions, does
 * nothing) and cheap when nobody is in voice in the guild (one store read, no chat call).
 */
@Injectable()
export class ChatEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private ready = false;
  private readonly logger;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    private readonly states: VoiceStatesService,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('voice', config.LOG_LEVEL).child({ component: 'chat-events-consumer' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.VOICE_MEMBERS_CONSUMER_ENABLED) return;
    this.health.register('chat-events-consumer', async () => {
      if (!this.ready) throw new Error(`not in consumer group ${this.config.VOICE_CONSUMER_GROUP} yet`);
    });
    this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'chat events consumer failed to start'),
    );
  }

  private async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: this.config.VOICE_CONSUMER_GROUP,
      topics: VOICE_CHAT_TOPICS,
      startFrom: 'latest',
      handler: (event) => this.handle(event),
    });
    this.ready = true;
  }

  /** What one chat event means for the users in voice. */
  handle(event: AnyEvent): Promise<void> {
    switch (event.type) {
      case 'member.left':
        return this.states.memberLeft(event.data.guildId, event.data.userId);
      case 'member.updated':
        return this.states.recheckMember(event.data.member.guildId, event.data.member.userId);
      case 'role.updated':
        return this.states.recheckGuild(event.data.role.guildId);
      case 'role.deleted':
        return this.states.recheckGuild(event.data.guildId);
      case 'channel.updated':
        return this.states.recheckChannel(event.data.channel.id);
      case 'channel.deleted':
        return this.states.channelDeleted(event.data.channelId);
      case 'guild.updated':
        return this.states.recheckGuild(event.data.guild.id);
      case 'guild.deleted':
        return this.states.guildDeleted(event.data.guildId);
      case 'user.deleted':
        return this.states.userDeleted(event.data.userId);
      default:
        // role.created (no members yet), member.joined, ban.removed, channel.created: nobody loses anything.
        return Promise.resolve();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close().catch(() => undefined);
  }
}
