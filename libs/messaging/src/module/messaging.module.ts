import { MetricsService, ServiceLogger } from '@bonfire/platform';
import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { EventBus } from '../event-bus';
import { InProcessEventBus } from '../in-process-event-bus';
import { KafkaEventBus } from '../kafka-event-bus';
import type { Logger } from '../logger';
import { meteredEventBus } from '../metrics/messaging-metrics';

export const EVENT_BUS = Symbol('EVENT_BUS');
/** The adapter itself, for its lifecycle; services inject EVENT_BUS (the same bus, with its metrics). */
const ADAPTER = Symbol('EVENT_BUS_ADAPTER');

/** Injects the service's event bus (Kafka in the distributed shape, in-process in the standalone one). */
export const InjectEventBus = () => Inject(EVENT_BUS);

export type MessagingModuleOptions =
  | { mode: 'distributed'; kafkaBrokers: readonly string[]; clientId: string; logger?: Logger }
  | { mode: 'standalone'; logger?: Logger };

let standaloneBus: InProcessEventBus | null = null;
let standaloneUsers = 0;

/**
 * The one in-process bus every service of a standalone process shares. Publishing resolves once every
 * consumer group handled the events, so the outbox marks a row published only when nothing can lose it.
 */
export function standaloneEventBus(logger?: Logger): InProcessEventBus {
  standaloneBus ??= new InProcessEventBus({ acknowledge: 'handled', logger });
  return standaloneBus;
}

@Injectable()
class EventBusLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(ADAPTER) private readonly bus: EventBus,
    @Inject('MESSAGING_MODE') private readonly mode: MessagingModuleOptions['mode'],
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.mode === 'distributed') return this.bus.close();
    // The shared bus closes with the last service of the process that uses it.
    standaloneUsers--;
    if (standaloneUsers === 0 && standaloneBus === this.bus) {
      standaloneBus = null;
      await this.bus.close();
    }
  }
}

/**
 * Provides the EventBus port through DI: no service builds a Kafka client itself, and choosing a shape
 * is configuration. Import once in a service's root module.
 */
@Module({})
export class MessagingModule {
  /**
   * The bus a service's config asks for: in-process when standalone, Kafka when distributed. It logs
   * through the service's ServiceLogger (component `event-bus`) unless `logger` is given.
   */
  static forService(
    service: string,
    config: { BONFIRE_MODE: 'standalone' | 'distributed'; KAFKA_BROKERS?: readonly string[] },
    logger?: Logger,
  ): DynamicModule {
    if (config.BONFIRE_MODE === 'standalone') return MessagingModule.forRoot({ mode: 'standalone', logger });
    if (!config.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is required when BONFIRE_MODE=distributed');
    return MessagingModule.forRoot({
      mode: 'distributed',
      kafkaBrokers: config.KAFKA_BROKERS,
      clientId: service,
      logger,
    });
  }

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const adapterProvider: Provider = {
      provide: ADAPTER,
      inject: [{ token: ServiceLogger, optional: true }],
      useFactory: (serviceLogger?: ServiceLogger): EventBus => {
        const logger = options.logger ?? serviceLogger?.for('event-bus');
        if (options.mode === 'standalone') {
          standaloneUsers++;
          return standaloneEventBus(logger);
        }
        return new KafkaEventBus({ brokers: options.kafkaBrokers, clientId: options.clientId, logger });
      },
    };
    const busProvider: Provider = {
      provide: EVENT_BUS,
      inject: [ADAPTER, { token: MetricsService, optional: true }],
      useFactory: (bus: EventBus, metrics?: MetricsService): EventBus =>
        metrics ? meteredEventBus(bus, metrics.registry) : bus,
    };
    return {
      module: MessagingModule,
      global: true,
      providers: [
        adapterProvider,
        busProvider,
        { provide: 'MESSAGING_MODE', useValue: options.mode },
        EventBusLifecycle,
      ],
      exports: [EVENT_BUS],
    };
  }
}
