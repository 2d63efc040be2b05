import type { AnyEvent } from '@bonfire/contracts';
import { EventHandlers, eventGroup, IdempotentConsumer } from '@bonfire/messaging';
import { InjectDatabase, type Kysely } from '@bonfire/platform';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { UsersRepository } from './users.repository';

/** The name processed events are recorded under (idempotency), whatever the consumer group is called. */
const CONSUMER = 'chat.users-projection';

/**
 * Not ready before the group is joined: a group that starts at the latest offset would miss users
 * registered in between.
 */
const USERS_PROJECTION = eventGroup(CHAT_CONFIG, (config: ChatConfig) => ({
  group: config.CHAT_USERS_CONSUMER_GROUP,
  startFrom: config.CHAT_USERS_CONSUMER_START_FROM,
  enabled: config.CHAT_USERS_CONSUMER_ENABLED,
  readiness: 'users-consumer',
}));

/**
 * Keeps chat's copy of who exists (auth.users events), so opening a DM or mentioning a user is checked
 * locally, without calling auth on the hot path. Idempotent by event id. A `user.updated` is passed on as
 * `user.profile.updated` (outbox, same transaction) with who can see the user — the guilds and DMs they
 * are in — so the gateways deliver the new name or avatar to exactly them.
 */
@EventHandlers()
export class UsersProjectionHandlers {
  private readonly idempotent: IdempotentConsumer<ChatDatabase>;

  constructor(
    @InjectDatabase() db: Kysely<ChatDatabase>,
    private readonly users: UsersRepository,
    private readonly events: ChatEventsWriter,
    private readonly deletion: AccountDeletionService,
  ) {
    this.idempotent = new IdempotentConsumer(db);
  }

  /** Applies one auth.users event (idempotent by event id). */
  @EventPattern(['user.created', 'user.updated', 'user.deleted'], USERS_PROJECTION)
  async apply(@Payload() event: AnyEvent): Promise<void> {
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
}
