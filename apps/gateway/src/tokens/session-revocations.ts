import { randomUUID } from 'node:crypto';
import { type AnyEvent, type RevokedSession, TOPICS } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { type ComponentLogger, HealthRegistry, ServiceLogger } from '@bonfire/platform';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RevokedSessionsSource } from './revoked-sessions.source';
import { SessionDenylist } from './session-denylist';

/**
 * Feeds the denylist: first from auth's list of sessions revoked while their tokens may still be valid,
 * then from auth's `session.revoked` events. Every gateway must see every revocation (a token can arrive
 * at any of them), so each gateway process is its own consumer group — unlike the realtime fan-out,
 * where one gateway consumes and relays to its peers. Checking in memory keeps the per-request cost at
 * one Map lookup (a Redis set would add a round trip to every request, and the sockets would still need
 * a push).
 *
 * Boot: the subscription starts first (from the earliest event the topic holds), then the list is loaded,
 * so a revocation between the two is in one or the other. The list is what closes the gap in the
 * standalone shape, whose in-process bus keeps no events across a restart; in the distributed shape
 * `auth.sessions` keeps a day (longer than any access token), so the two overlap. Readiness stays down
 * until the subscription is up and the list is loaded; when auth cannot answer, the load is retried.
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: ComponentLogger;
  private subscription?: Subscription;
  private loaded = false;
  private loadError = 'not attempted yet';
  private retry?: NodeJS.Timeout;
  private stopped = false;
  readonly group = `gateway.session-denylist.${randomUUID()}`;
  /** Between attempts when the subscription or the load fails. */
  retryDelayMs = 2_000;

  constructor(
    private readonly denylist: SessionDenylist,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly health: HealthRegistry,
    private readonly source: RevokedSessionsSource,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('session-revocations');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('session-denylist', async () => {
      if (!this.subscription) throw new Error('not following session revocations yet');
      if (!this.loaded) throw new Error(`revoked sessions not loaded from auth yet (${this.loadError})`);
    });
    await this.subscribe();
    await this.load();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.subscription?.close().catch(() => undefined);
  }

  private async subscribe(): Promise<void> {
    try {
      this.subscription = await this.bus.subscribe({
        group: this.group,
        topics: [TOPICS.authSessions],
        startFrom: 'earliest',
        retry: { maxRetries: 3, initialDelayMs: 100 },
        handler: (event) => this.handle(event),
      });
    } catch (error) {
      if (this.stopped) return;
      this.logger.error({ err: error }, 'session revocations consumer failed to start; retrying');
      setTimeout(() => void this.subscribe(), this.retryDelayMs).unref();
    }
  }

  private async load(): Promise<void> {
    try {
      const sessions = await this.source.list();
      if (this.stopped) return;
      for (const session of sessions) this.deny(session);
      this.loaded = true;
      this.logger.info({ count: sessions.length }, 'revoked sessions loaded from auth');
    } catch (error) {
      if (this.stopped) return;
      this.loadError = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: error }, 'could not load revoked sessions from auth; not ready, retrying');
      this.retry = setTimeout(() => void this.load(), this.retryDelayMs);
      this.retry.unref();
    }
  }

  private handle(event: AnyEvent): Promise<void> {
    if (event.type === 'session.revoked') this.deny(event.data);
    return Promise.resolve();
  }

  private deny({ sessionId, userId, reason, expiresAt }: RevokedSession): void {
    this.denylist.deny({ sessionId, userId, reason, expiresAtMs: Date.parse(expiresAt) });
  }
}
