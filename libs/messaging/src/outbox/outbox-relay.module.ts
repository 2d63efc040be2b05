import {
  DATABASE,
  DATABASE_SOURCE,
  type DatabaseSource,
  MetricsService,
  ServiceLogger,
} from '@bonfire/platform';
import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import { registerOutboxBacklog } from '../metrics/messaging-metrics';
import { EVENT_BUS } from '../module/messaging.module';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

export interface OutboxRelayModuleOptions {
  /** Tests of a single service may turn the relay off. */
  enabled: boolean;
  /** Default: the service's ServiceLogger, component `outbox-relay`. */
  logger?: Logger;
}

const OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/**
 * Runs the outbox relay of a service's database: publishes committed events through the service's event
 * bus (MessagingModule) from its database (DatabaseModule). Every replica starts one; a Postgres advisory
 * lock lets only one publish at a time, the others stand by.
 */
@Injectable()
class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay: OutboxRelay | null = null;

  constructor(
    @Inject(OPTIONS) private readonly options: OutboxRelayModuleOptions,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DATABASE_SOURCE) private readonly source: DatabaseSource,
    @Inject(DATABASE) db: Kysely<unknown>,
    @Optional() metrics?: MetricsService,
    @Optional() private readonly serviceLogger?: ServiceLogger,
  ) {
    if (metrics) registerOutboxBacklog(metrics.registry, db);
  }

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.relay = new OutboxRelay({
      connection: relayConnection(this.source),
      bus: this.bus,
      logger: this.options.logger ?? this.serviceLogger?.for('outbox-relay'),
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    this.relay = null;
  }
}

function relayConnection(source: DatabaseSource): OutboxRelayOptions['connection'] {
  if (source.kind === 'postgres') return source.url;
  const pool = source.pool;
  return {
    query: (text, params) => pool.query(text, params),
    listen: (channel, listener) => pool.database.listen(channel, listener),
  };
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
