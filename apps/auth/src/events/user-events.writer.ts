import { createEvent, OutboxWriter } from '@bonfire/messaging';
import type { Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { AuthDatabase } from '../database/schema';
import { toPublicUser } from '../users/users.dto';
import type { UserRow } from '../users/users.repository';

export const EVENT_PRODUCER = 'auth';

/**
 * The one place auth.users events are written: into the transactional outbox, inside the transaction
 * that changes the user, so an event exists if and only if its change committed. The outbox relay
 * (events.module.ts) publishes them to Kafka. Keyed by user id: one user's events stay in order.
 */
@Injectable()
export class UserEventsWriter {
  private readonly outbox = new OutboxWriter();

  async userCreated(trx: Transaction<AuthDatabase>, user: UserRow): Promise<void> {
    await this.outbox.add(trx, createEvent('user.created', user.id, toPublicUser(user), EVENT_PRODUCER));
  }

  async userUpdated(trx: Transaction<AuthDatabase>, user: UserRow): Promise<void> {
    await this.outbox.add(trx, createEvent('user.updated', user.id, toPublicUser(user), EVENT_PRODUCER));
  }

  /** The account was deleted (account-deletion/): the other services remove what they hold of it. */
  async userDeleted(trx: Transaction<AuthDatabase>, userId: string, deletedAt: Date): Promise<void> {
    await this.outbox.add(
      trx,
      createEvent('user.deleted', userId, { userId, deletedAt: deletedAt.toISOString() }, EVENT_PRODUCER),
    );
  }
}
