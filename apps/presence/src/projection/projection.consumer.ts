import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { KafkaEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry, InjectRedis, type Redis } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import { PresenceKeys } from '../presence/presence.keys';

/**
 * Who shares a guild or a DM with whom, projected from chat's events into Redis sets (guild → members,
 * user → guilds, user → DM partners): the audience of each presence.updated and the filter of
 * GET /presences, without calling chat. Every effect is a set add/remove, so redelivered events
 * (at-least-once) change nothing.
 */
@Injectable()
export class ProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private bus: KafkaEventBus | null = null;
  private subscription: Subscription | null = null;
  private readonly keys: PresenceKeys;
  private readonly logger;
  private ready = false;

  constructor(
    @Inject(PRESENCE_CONFIG) private readonly config: PresenceConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly health: HealthRegistry,
  ) {
    this.keys = new PresenceKeys(config.PRESENCE_KEY_PREFIX);
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
    this.bus = new KafkaEventBus({
      brokers: this.config.KAFKA_BROKERS,
      clientId: 'presence',
      logger: this.logger,
    });
    this.subscription = await this.bus.subscribe({
      group: this.config.PRESENCE_CONSUMER_GROUP,
      topics: [TOPICS.chatMembers, TOPICS.chatGuilds, TOPICS.chatChannels],
      startFrom: this.config.PRESENCE_PROJECTION_START_FROM,
      session: { heartbeatIntervalMs: 1_000, sessionTimeoutMs: 10_000 },
      handler: (event) => this.apply(event),
    });
    this.ready = true;
  }

  /** Applies one chat event to the projection (idempotent). */
  async apply(event: AnyEvent): Promise<void> {
    const k = this.keys;
    switch (event.type) {
      case 'guild.created': {
        const { guild } = event.data;
        await this.join(guild.id, guild.ownerId);
        return;
      }
      case 'member.joined':
        await this.join(event.data.member.guildId, event.data.member.userId);
        return;
      case 'member.left': {
        const { guildId, userId } = event.data;
        await this.redis
          .multi()
          .srem(k.guildMembers(guildId), userId)
          .srem(k.userGuilds(userId), guildId)
          .exec();
        return;
      }
      case 'guild.deleted': {
        const { guildId } = event.data;
        const members = await this.redis.smembers(k.guildMembers(guildId));
        const multi = this.redis.multi();
        for (const userId of members) multi.srem(k.userGuilds(userId), guildId);
        multi.del(k.guildMembers(guildId));
        await multi.exec();
        return;
      }
      case 'channel.created': {
        const { channel } = event.data;
        if (channel.guildId !== null) return;
        const multi = this.redis.multi();
        for (const userId of channel.recipientIds) {
          const others = channel.recipientIds.filter((other) => other !== userId);
          if (others.length > 0) multi.sadd(k.userDmPartners(userId), ...others);
        }
        await multi.exec();
        return;
      }
      default:
        return;
    }
  }

  private async join(guildId: string, userId: string): Promise<void> {
    const k = this.keys;
    await this.redis.multi().sadd(k.guildMembers(guildId), userId).sadd(k.userGuilds(userId), guildId).exec();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close().catch(() => undefined);
    await this.bus?.close().catch(() => undefined);
  }
}
