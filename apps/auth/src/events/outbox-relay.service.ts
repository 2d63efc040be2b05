import { KafkaEventBus, OutboxRelay } from '@bonfire/messaging';
import { createLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';

/**
 * Runs the outbox relay of the auth database: publishes committed auth.users events to Kafka. Every
 * replica starts one; a Postgres advisory lock lets only one publish at a time, the others stand by.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private bus: KafkaEventBus | null = null;
  private relay: OutboxRelay | null = null;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  onApplicationBootstrap(): void {
    if (!this.config.AUTH_OUTBOX_RELAY_ENABLED) return;
    const logger = createLogger('auth', this.config.LOG_LEVEL).child({ component: 'outbox-relay' });
    this.bus = new KafkaEventBus({ brokers: this.config.KAFKA_BROKERS, clientId: 'auth', logger });
    this.relay = new OutboxRelay({ connection: this.config.AUTH_DATABASE_URL, bus: this.bus, logger });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.bus?.close();
    this.relay = null;
    this.bus = null;
  }
}
