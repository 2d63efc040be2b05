import { TOPICS } from '@bonfire/contracts';
import { type EventBus, IdempotentConsumer, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry, InjectDatabase, type Kysely } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { UsersRepository } from './users.repository';

/** The name processed events are recorded under (idempotency), whatever the consumer group is called. */
const CONSUMER = 'chat.users-projection';

/**
 * Keeps chat's copy of who exists (auth.users events), so opening a DM or mentioning a user is checked
 * locally, without calling auth on the hot path. Idempotent by event id.
 */
@Injectable()
export class UsersProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private markJoined: () => void = () => undefined;
  private readonly logger;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @InjectDatabase() private readonly db: Kysely<ChatDatabase>,
    private readonly users: UsersRepository,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger('chat', config.LOG_LEVEL).child({ component: CONSUMER });
  }

  onApplicationBootstrap(): void {
    if (!this.config.CHAT_USERS_CONSUMER_ENABLED) return;
    // Not ready before the group is joined: a group that starts at the latest offset would miss users
    // registered in between.
    this.markJoined = this.health.registerPending(
      'users-consumer',
      `not in consumer group ${this.config.CHAT_USERS_CONSUMER_GROUP} yet`,
    );
    this.start().catch((error: unknown) =>
      this.logger.error({ err: error }, 'users projection failed to start'),
    );
  }

  private async start(): Promise<void> {
    const idempotent = new IdempotentConsumer(this.db);
    this.subscription = await this.bus.subscribe({
      group: this.config.CHAT_USERS_CONSUMER_GROUP,
      topics: [TOPICS.authUsers],
      startFrom: this.config.CHAT_USERS_CONSUMER_START_FROM,
      handler: async (event) => {
        if (event.type !== 'user.created' && event.type !== 'user.updated') return;
        await idempotent.handleOnce(CONSUMER, event, (trx) =>
          this.users.upsert(trx, {
            id: event.data.id,
            username: event.data.username,
            displayName: event.data.displayName,
            avatarFileId: event.data.avatarFileId,
          }),
        );
      },
    });
    this.markJoined();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
