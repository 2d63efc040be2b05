import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { KafkaEventBus } from '../kafka-event-bus';
import type { Logger } from '../logger';
import { OutboxRelay } from './outbox-relay';

export interface OutboxRelayModuleOptions {
  /** The service name: Kafka client id and log field. */
  producer: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Tests of a single service may turn the relay off. */
  enabled: boolean;
  logger: Logger;
}

const OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/**
 * Runs the outbox relay of a service's database: publishes committed events to Kafka. Every replica
 * starts one; a Postgres advisory lock lets only one publish at a time, the others stand by.
 */
@Injectable()
class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private bus: KafkaEventBus | null = null;
  private relay: OutboxRelay | null = null;

  constructor(@Inject(OPTIONS) private readonly options: OutboxRelayModuleOptions) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    const logger = this.options.logger;
    this.bus = new KafkaEventBus({
      brokers: this.options.kafkaBrokers,
      clientId: this.options.producer,
      logger,
    });
    this.relay = new OutboxRelay({ connection: this.options.databaseUrl, bus: this.bus, logger });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.bus?.close();
    this.relay = null;
    this.bus = null;
  }
}

@Module({})
export class OutboxRelayModule {
  static forRoot(options: OutboxRelayModuleOptions): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [{ provide: OPTIONS, useValue: options }, OutboxRelayRunner],
    };
  }
}
