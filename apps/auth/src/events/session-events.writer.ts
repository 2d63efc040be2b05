import { type SessionEndReason } from '@bonfire/contracts';
import { createEvent, OutboxWriter } from '@bonfire/messaging';
import type { Transaction } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import type { AuthDatabase } from '../database/schema';
import { EVENT_PRODUCER } from './user-events.writer';

/**
 * `session.revoked` into the outbox, inside the transaction that revokes the session. The gateways deny
 * the session's access tokens until `expiresAt`: the latest a token issued before now can expire.
 */
@Injectable()
export class SessionEventsWriter {
  private readonly outbox = new OutboxWriter();

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  async sessionsRevoked(
    trx: Transaction<AuthDatabase>,
    userId: string,
    sessionIds: readonly string[],
    reason: SessionEndReason,
  ): Promise<void> {
    const expiresAt = new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString();
    await this.outbox.add(
      trx,
      sessionIds.map((sessionId) =>
        createEvent('session.revoked', sessionId, { sessionId, userId, reason, expiresAt }, EVENT_PRODUCER),
      ),
    );
  }
}
