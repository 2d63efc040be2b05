import { randomUUID } from 'node:crypto';
import { type AnyEvent, TOPICS } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { HealthRegistry } from '@bonfire/platform';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SessionDenylist } from './session-denylist';

/**
 * Feeds the denylist from auth's `session.revoked` events. Every gateway must see every revocation (a
 * token can arrive at any of them), so each gateway process is its own consumer group — unlike the
 * realtime fan-out, where one gateway consumes and relays to its peers. Checking in memory keeps the
 * per-request cost at one Map lookup (a Redis set would add a round trip to every request, and the
 * sockets would still need a push).
 *
 * Boot: the fresh group starts from the earliest event the topic holds. `auth.sessions` keeps a day
 * (infra/kafka/topics.json), longer than the longest access-token lifetime (ACCESS_TOKEN_TTL_SECONDS
 * ≤ 86 400), so a starting gateway replays every revocation whose tokens are still valid; expired ones
 * are skipped. Readiness stays down until the group has joined.
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionRevocations');
  private subscription?: Subscription;
  private stopped = false;
  readonly group = `gateway.session-denylist.${randomUUID()}`;

  constructor(
    private readonly denylist: SessionDenylist,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('session-denylist', async () => {
      if (!this.subscription) throw new Error('not following session revocations yet');
    });
    await this.subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close().catch(() => undefined);
  }

  private async subscribe(): Promise<void> {
    try {
      this.subscription = await this.bus.subscribe({
        group: this.group,
        topics: [TOPICS.authSessions],
        startFrom: 'earliest',
        session: { heartbeatIntervalMs: 1_000, sessionTimeoutMs: 10_000 },
        retry: { maxRetries: 3, initialDelayMs: 100 },
        handler: (event) => this.handle(event),
      });
    } catch (error) {
      if (this.stopped) return;
      this.logger.error({ err: error }, 'session revocations consumer failed to start; retrying');
      setTimeout(() => void this.subscribe(), 2_000).unref();
    }
  }

  private handle(event: AnyEvent): Promise<void> {
    if (event.type === 'session.revoked') {
      const { sessionId, userId, reason, expiresAt } = event.data;
      this.denylist.deny({ sessionId, userId, reason, expiresAtMs: Date.parse(expiresAt) });
    }
    return Promise.resolve();
  }
}
