import { ALL_TOPICS, type AnyEvent, type Topic } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import { HealthRegistry, MetricsService, ServiceLogger } from '@bonfire/platform';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { SEARCH_CONFIG, type SearchConfig } from '../config';
import { type IndexOperation, type IndexOutcome, MessageIndex } from '../index/message-index';
import { indexOperation } from './index-operations';

/**
 * Keeps the message index in step with chat.messages, through the EventBus (Kafka when distributed, the
 * in-process bus when standalone).
 *
 * A batch subscription: the bus hands over up to SEARCH_BULK_MAX events of a partition at a time (its
 * partitions concurrently), which become one write to the index (an Elasticsearch `_bulk`, a Postgres
 * upsert). The handler returns only once the index has applied them, so the bus moves past a batch
 * (commits its offsets) only when it is indexed: at-least-once, and the index's version rule makes a
 * redelivery harmless.
 *
 * When the index cannot take an operation (Elasticsearch down, 5xx, 429), the handler throws and the bus
 * retries the batch with backoff (at most SEARCH_RETRY_MAX_DELAY_MS apart, heartbeating on Kafka) for as
 * long as it takes: consumption pauses without leaving the group and resumes where it stopped. A retry
 * sends only the operations not applied yet. A document the index refuses for good is logged and
 * skipped. An event that fails validation never reaches the handler: the bus dead-letters it to
 * `<topic>.dlq` with the reason; a dead-letter reader counts ours.
 */
@Injectable()
export class MessageIndexer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription: Subscription | null = null;
  private deadLetters: Subscription | null = null;
  private lagTimer: NodeJS.Timeout | null = null;
  private pausedSince: number | null = null;
  /**
   * Events whose operation the index applied while the rest of their batch waits for a retry, so the
   * retry sends only what is left. Skipping one is always safe (the index keeps the highest version), so
   * entries of a batch abandoned on a rebalance may linger; the set is emptied if it ever grows large.
   */
  private readonly applied = new Set<string>();
  private readonly logger;
  private readonly lag: Gauge;
  private readonly paused: Gauge;
  private readonly delay: Histogram;
  private readonly indexed: Gauge;
  private readonly deadLettered: Counter;

  constructor(
    @Inject(SEARCH_CONFIG) private readonly config: SearchConfig,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly index: MessageIndex,
    private readonly health: HealthRegistry,
    metrics: MetricsService,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('indexer');
    this.lag = new Gauge({
      name: 'search_indexer_consumer_lag',
      help: 'chat.messages events the indexer group has not handled yet (as the event bus counts them)',
      registers: [metrics.registry],
    });
    this.paused = new Gauge({
      name: 'search_indexer_paused',
      help: '1 while indexing waits for the index to come back',
      registers: [metrics.registry],
    });
    this.indexed = new Gauge({
      name: 'search_indexer_operations_total',
      help: 'index operations applied since start (incl. outdated revisions, ignored as such)',
      registers: [metrics.registry],
    });
    this.deadLettered = new Counter({
      name: 'search_indexer_dead_lettered_total',
      help: 'events of the indexer group that failed validation and went to <topic>.dlq',
      registers: [metrics.registry],
    });
    this.delay = new Histogram({
      name: 'search_indexing_delay_seconds',
      help: 'time from a message being created to its operation being applied to the index',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.SEARCH_INDEXER_ENABLED) return;
    const markJoined = this.health.registerPending(
      'indexer-consumer',
      `not in consumer group ${this.config.SEARCH_CONSUMER_GROUP} yet`,
    );
    this.start().then(markJoined, (error: unknown) =>
      this.logger.error({ err: error }, 'indexer failed to start'),
    );
    this.countDeadLetters().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'dead letters of the indexer will not be counted'),
    );
  }

  private async start(): Promise<void> {
    this.subscription = await this.bus.subscribeBatch({
      group: this.config.SEARCH_CONSUMER_GROUP,
      // chat.messages in production; the benchmark adds a topic of its own (see config.ts)
      topics: this.config.SEARCH_SOURCE_TOPICS as Topic[],
      startFrom: this.config.SEARCH_INDEXER_START_FROM,
      maxBatchSize: this.config.SEARCH_BULK_MAX,
      // never give up on an event the index cannot take yet: it would be missing from search for good
      retry: {
        maxRetries: Number.MAX_SAFE_INTEGER,
        initialDelayMs: 100,
        maxDelayMs: this.config.SEARCH_RETRY_MAX_DELAY_MS,
      },
      handler: (events) => this.handle(events),
    });
    if (this.subscription.lag) {
      this.lagTimer = setInterval(() => void this.measureLag(), this.config.SEARCH_LAG_INTERVAL_MS);
      this.lagTimer.unref();
      void this.measureLag();
    }
  }

  /** One batch of events into the index, in writes of at most SEARCH_BULK_MAX operations. */
  private async handle(events: readonly AnyEvent[]): Promise<void> {
    const pending: { eventId: string; operation: IndexOperation; createdAt: number | null }[] = [];
    for (const event of events) {
      const operation = this.applied.has(event.id) ? null : indexOperation(event);
      if (!operation) continue;
      const createdAt = event.type === 'message.created' ? Date.parse(event.data.message.createdAt) : null;
      pending.push({ eventId: event.id, operation, createdAt });
    }
    let notYet = 0;
    for (let from = 0; from < pending.length; from += this.config.SEARCH_BULK_MAX) {
      const chunk = pending.slice(from, from + this.config.SEARCH_BULK_MAX);
      const outcomes = await this.apply(chunk.map((entry) => entry.operation));
      const now = Date.now();
      chunk.forEach((entry, position) => {
        if (outcomes[position] === 'retry') return void notYet++;
        this.applied.add(entry.eventId);
        if (entry.createdAt !== null) this.delay.observe((now - entry.createdAt) / 1000);
      });
    }
    if (notYet > 0) {
      if (this.applied.size > 50 * this.config.SEARCH_BULK_MAX) this.applied.clear();
      throw new Error(`the index could not take ${notYet} of ${pending.length} operations yet`);
    }
    for (const event of events) this.applied.delete(event.id);
  }

  /** One batch into the index, keeping the paused gauge and the count of applied operations. */
  private async apply(operations: IndexOperation[]): Promise<IndexOutcome[]> {
    let outcomes: IndexOutcome[];
    try {
      outcomes = await this.index.apply(operations);
    } catch (error) {
      if (this.pausedSince === null) {
        this.logger.warn({ err: error }, 'the index refused a batch; indexing paused');
      }
      this.pausedSince ??= Date.now();
      this.paused.set(1);
      throw error;
    }
    const retries = outcomes.filter((outcome) => outcome === 'retry').length;
    this.indexed.inc(outcomes.length - retries);
    if (retries === 0 && this.pausedSince !== null) {
      this.logger.info({ pausedMs: Date.now() - this.pausedSince }, 'indexing resumed');
      this.pausedSince = null;
      this.paused.set(0);
    }
    return outcomes;
  }

  /** Counts the indexer group's dead letters (a reader group of its own on `<topic>.dlq`). */
  private async countDeadLetters(): Promise<void> {
    const group = this.config.SEARCH_CONSUMER_GROUP;
    const topics = this.config.SEARCH_SOURCE_TOPICS.filter((topic): topic is Topic =>
      (ALL_TOPICS as readonly string[]).includes(topic),
    );
    if (topics.length === 0) return;
    this.deadLetters = await this.bus.subscribeDeadLetters({
      group: `${group}.dead-letters`,
      topics,
      startFrom: 'latest',
      handler: async (letter) => {
        if (letter.group === group) this.deadLettered.inc();
      },
    });
  }

  private async measureLag(): Promise<void> {
    try {
      const lag = await this.subscription?.lag?.();
      if (lag !== undefined) this.lag.set(lag);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not measure consumer lag');
    }
  }

  /** The group's lag as the bus tells it now (tests, tools). */
  async currentLag(): Promise<number> {
    await this.measureLag();
    return (await this.lag.get()).values[0]?.value ?? 0;
  }

  /**
   * Before the application shuts down, so that the index (the embedded database, the Elasticsearch client)
   * is still there while in-flight handlers finish their batches and the subscription leaves the group.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.lagTimer) clearInterval(this.lagTimer);
    await this.subscription?.close().catch(() => undefined);
    await this.deadLetters?.close().catch(() => undefined);
  }
}
