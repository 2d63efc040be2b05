import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { type EventBus, IdempotentConsumer, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { createLogger, HealthRegistry, InjectDatabase, type Kysely } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { UsersRepository } from './users.repository';

/** The name processed events are recorded under (idempotency), whatever the consumer group is called. */
const CONSUMER = 'chat.users-projection';

/**
 * Keeps chat's copy of who exists (auth.users events), so opening a DM or mentioning a user is checked
 * locally, without calling auth on the hot path. Idempotent by event id. A `user.updated` is passed on as
 * `user.profile.updated` (outbox, same transaction) with who can see the user — the guilds and DMs they
 * are in — so the gateways deliver the new name or avatar to exactly them.
 */
@Injectable()
export class UsersProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private markJoined: () => void = () => undefined;
  private readonly logger;
  private readonly idempotent: IdempotentConsumer<ChatDatabase>;

  constructor(
    @InjectEventBus() private readonly bus: EventBus,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @InjectDatabase() private readonly db: Kysely<ChatDatabase>,
    private readonly users: UsersRepository,
    private readonly events: ChatEventsWriter,
    private readonly health: HealthRegistry,
    private readonly deletion: AccountDeletionService,
  ) {
    this.logger = createLogger('chat', config.LOG_LEVEL).child({ component: CONSUMER });
    this.idempotent = new IdempotentConsumer(this.db);
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
    this.subscription = await this.bus.subscribe({
      group: this.config.CHAT_USERS_CONSUMER_GROUP,
      topics: [TOPICS.authUsers],
      startFrom: this.config.CHAT_USERS_CONSUMER_START_FROM,
      handler: (event) => this.apply(event),
    });
    this.markJoined();
  }

  /** Applies one auth.users event (idempotent by event id). */
  async apply(event: AnyEvent): Promise<void> {
    if (event.type === 'user.deleted') {
      // In this consumer, so a deletion is never applied before the user's own creation or updates.
      await this.idempotent.handleOnce(CONSUMER, event, (trx) =>
        this.deletion.removeUser(trx, event.data.userId),
      );
      return;
    }
    if (event.type !== 'user.created' && event.type !== 'user.updated') return;
    await this.idempotent.handleOnce(CONSUMER, event, async (trx) => {
      const user = event.data;
      await this.users.upsert(trx, {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        avatarFileId: user.avatarFileId,
        bot: user.bot ?? false,
      });
      if (event.type !== 'user.updated') return;
      const audience = await this.users.audience(trx, user.id);
      await this.events.add(trx, 'user.profile.updated', user.id, { user, ...audience });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
