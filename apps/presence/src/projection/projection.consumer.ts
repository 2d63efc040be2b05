import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import { AudienceStore } from './audience.store';

/**
 * Who shares a guild or a DM with whom, and who befriended or blocked whom (relationship.* on
 * chat.members), projected from chat's events into the AudienceStore (guild →
 * members, user → guilds, user → DM partners): the audience of each presence.updated and the filter of
 * GET /presences, without calling chat. Every effect is a set add/remove, so redelivered events
 * (at-least-once) change nothing.
 */
@Injectable()
export class ProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private readonly logger;
  private ready = false;
  private relationshipListener: ((userId: string, targetId: string) => Promise<void>) | null = null;
  private userDeletedListener: ((userId: string) => Promise<void>) | null = null;

  constructor(
    @Inject(PRESENCE_CONFIG) private readonly config: PresenceConfig,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly audience: AudienceStore,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('presence', config.LOG_LEVEL).child({ component: 'projection' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.PRESENCE_PROJECTION_ENABLED) return;
    this.health.register('projection-consumer', async () => {
      if (!this.ready) throw new Error(`not in consumer group ${this.config.PRESENCE_CONSUMER_GROUP} yet`);
    });
    this.start().catch((error: unknown) => this.logger.error({ err: error }, 'projection failed to start'));
  }

  private async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: this.config.PRESENCE_CONSUMER_GROUP,
      topics: [TOPICS.chatMembers, TOPICS.chatGuilds, TOPICS.chatChannels, TOPICS.authUsers],
      startFrom: this.config.PRESENCE_PROJECTION_START_FROM,
      handler: (event) => this.apply(event),
    });
    this.ready = true;
  }

  /**
   * Called after a relationship change is applied (userId's side towards targetId): presence pushes
   * userId's presence to targetId, as they may now see it (offline when blocked, live when befriended).
   */
  onRelationshipChange(listener: (userId: string, targetId: string) => Promise<void>): void {
    this.relationshipListener = listener;
  }

  /**
   * Called on `user.deleted` (auth.users): presence forgets the account's connections and settings,
   * publishes it offline, then the projection forgets it (PresenceService.forgetUser).
   */
  onUserDeleted(listener: (userId: string) => Promise<void>): void {
    this.userDeletedListener = listener;
  }

  /** Applies one chat event to the projection (idempotent). */
  async apply(event: AnyEvent): Promise<void> {
    switch (event.type) {
      case 'guild.created':
        return this.audience.joinGuild(event.data.guild.id, event.data.guild.ownerId);
      case 'member.joined':
        return this.audience.joinGuild(event.data.member.guildId, event.data.member.userId);
      case 'member.left':
        return this.audience.leaveGuild(event.data.guildId, event.data.userId);
      case 'guild.deleted':
        return this.audience.deleteGuild(event.data.guildId);
      case 'channel.created':
        if (event.data.channel.guildId !== null) return;
        return this.audience.addDmPartners(event.data.channel.recipientIds);
      case 'relationship.added': {
        // Chat's relationship events carry the new state of one side, so applying one twice changes nothing.
        const { userId, relationship } = event.data;
        await this.audience.setRelationship(userId, relationship.id, {
          blocked: relationship.type === 'blocked',
          friend: relationship.type === 'friend',
        });
        return this.relationshipListener?.(userId, relationship.id);
      }
      case 'relationship.removed':
        await this.audience.setRelationship(event.data.userId, event.data.id, {
          blocked: false,
          friend: false,
        });
        return this.relationshipListener?.(event.data.userId, event.data.id);
      case 'user.deleted':
        if (this.userDeletedListener) return this.userDeletedListener(event.data.userId);
        return this.audience.forgetUser(event.data.userId);
      default:
        return;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The bus belongs to MessagingModule: only this consumer's subscription is ours to close.
    await this.subscription?.close().catch(() => undefined);
  }
}
