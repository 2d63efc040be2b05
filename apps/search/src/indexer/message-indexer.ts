import { type AnyEvent, parseEvent } from '@bonfire/contracts';
import { deadLetterRecord } from '@bonfire/messaging';
import { createLogger, HealthRegistry, MetricsService } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  type KafkaMessage,
  logLevel,
  type Producer,
} from 'kafkajs';
import { Counter, Gauge, Histogram } from 'prom-client';
import { SEARCH_CONFIG, type SearchConfig } from '../config';
import { MessageIndex } from '../index/message-index';
import { type BulkOperation, bulkBody, bulkOperation, itemOutcome } from './bulk-operations';

/**
 * Keeps the message index in step with chat.messages.
 *
 * It reads Kafka batches directly with kafkajs (`eachBatch`) rather than through the EventBus port,
 * whose handler sees one event at a time (one partition at a time): here each fetched batch of a
 * partition becomes `_bulk` requests of up to SEARCH_BULK_MAX operations, and several partitions are
 * indexed concurrently. Offsets are resolved and committed only after Elasticsearch accepted a chunk.
 *
 * When Elasticsearch fails (down, 5xx, 429), the chunk is retried with exponential backoff (capped at
 * SEARCH_RETRY_MAX_DELAY_MS) while the consumer keeps heartbeating: consumption pauses without
 * leaving the group, nothing is committed, and it resumes where it stopped once Elasticsearch is back.
 * An event that fails validation (not JSON, or not a valid envelope) can never be indexed: it goes to
 * `<topic>.dlq` with the reason, in the headers the EventBus uses (`deadLetterRecord`, readable with
 * `EventBus.subscribeDeadLetters`), before its offset is committed — so it is never lost silently and
 * never blocks the partition. If the dead-letter send fails, the batch is not resolved and comes again.
 */
@Injectable()
export class MessageIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private kafka: Kafka | null = null;
  private consumer: Consumer | null = null;
  private admin: Admin | null = null;
  private producer: Producer | null = null;
  private lagTimer: NodeJS.Timeout | null = null;
  private readonly logger;
  private markJoined: () => void = () => undefined;
  private stopping = false;
  private readonly lag: Gauge;
  private readonly paused: Gauge;
  private readonly delay: Histogram;
  private readonly indexed: Gauge;
  private readonly deadLettered: Counter;

  constructor(
    @Inject(SEARCH_CONFIG) private readonly config: SearchConfig,
    private readonly index: MessageIndex,
    private readonly health: HealthRegistry,
    metrics: MetricsService,
  ) {
    this.logger = createLogger('search', config.LOG_LEVEL).child({ component: 'indexer' });
    this.lag = new Gauge({
      name: 'search_indexer_consumer_lag',
      help: 'chat.messages events not yet indexed (end offsets minus the committed offsets of the group)',
      registers: [metrics.registry],
    });
    this.paused = new Gauge({
      name: 'search_indexer_paused',
      help: '1 while indexing waits for Elasticsearch to come back',
      registers: [metrics.registry],
    });
    this.indexed = new Gauge({
      name: 'search_indexer_operations_total',
      help: 'index operations accepted by Elasticsearch since start (incl. version conflicts)',
      registers: [metrics.registry],
    });
    this.deadLettered = new Counter({
      name: 'search_indexer_dead_lettered_total',
      help: 'events that failed validation and went to <topic>.dlq',
      registers: [metrics.registry],
    });
    this.delay = new Histogram({
      name: 'search_indexing_delay_seconds',
      help: 'time from a message being created to its bulk request being accepted',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.SEARCH_INDEXER_ENABLED) return;
    this.markJoined = this.health.registerPending(
      'indexer-consumer',
      `not in consumer group ${this.config.SEARCH_CONSUMER_GROUP} yet`,
    );
    this.start().catch((error: unknown) => this.logger.error({ err: error }, 'indexer failed to start'));
  }

  private async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'search',
      brokers: this.config.KAFKA_BROKERS,
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => this.logger.warn({ kafka: entry.log }, entry.log.message),
    });
    this.kafka = kafka;
    const consumer = kafka.consumer({
      groupId: this.config.SEARCH_CONSUMER_GROUP,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 250,
    });
    this.consumer = consumer;
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    consumer.on(consumer.events.GROUP_JOIN, () => this.markJoined());
    await consumer.connect();
    await consumer.subscribe({
      topics: this.config.SEARCH_SOURCE_TOPICS,
      fromBeginning: this.config.SEARCH_INDEXER_START_FROM === 'earliest',
    });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 6,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.admin = kafka.admin();
    await this.admin.connect();
    this.lagTimer = setInterval(() => void this.measureLag(), this.config.SEARCH_LAG_INTERVAL_MS);
    this.lagTimer.unref();
    void this.measureLag();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    let chunk: { operation: BulkOperation; createdAt: number | null }[] = [];
    let lastOffset: string | null = null;
    const flush = async (): Promise<boolean> => {
      if (chunk.length > 0) {
        const done = await this.indexWithRetry(
          chunk.map((entry) => entry.operation),
          heartbeat,
          () => isRunning() && !isStale() && !this.stopping,
        );
        if (!done) return false;
        const now = Date.now();
        for (const entry of chunk)
          if (entry.createdAt !== null) this.delay.observe((now - entry.createdAt) / 1000);
      }
      if (lastOffset !== null) resolveOffset(lastOffset);
      await commitOffsetsIfNecessary();
      chunk = [];
      return true;
    };
    for (const message of batch.messages) {
      const event = await this.parseOrDeadLetter(batch.topic, batch.partition, message);
      const operation = event ? bulkOperation(event) : null;
      if (operation) {
        chunk.push({
          operation,
          createdAt: event?.type === 'message.created' ? Date.parse(event.data.message.createdAt) : null,
        });
      }
      lastOffset = message.offset;
      if (chunk.length >= this.config.SEARCH_BULK_MAX && !(await flush())) return;
    }
    await flush();
  }

  /** The event in a message, or null once an invalid one is on `<topic>.dlq` with the reason. */
  private async parseOrDeadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): Promise<AnyEvent | null> {
    let reason: string;
    try {
      return parseEvent(JSON.parse(message.value?.toString() ?? 'null'));
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    this.logger.warn(
      { topic, partition, offset: message.offset, reason },
      'invalid event dead-lettered (never indexed)',
    );
    await this.producer!.send(
      deadLetterRecord({
        topic,
        partition,
        message,
        reason,
        attempts: 0,
        group: this.config.SEARCH_CONSUMER_GROUP,
      }),
    );
    this.deadLettered.inc();
    return null;
  }

  /** Sends the operations until Elasticsearch has taken them all; false when the consumer is stopping. */
  private async indexWithRetry(
    operations: readonly BulkOperation[],
    heartbeat: () => Promise<void>,
    keepGoing: () => boolean,
  ): Promise<boolean> {
    let pending = operations;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        this.paused.set(1);
        const delay = Math.min(100 * 2 ** (attempt - 1), this.config.SEARCH_RETRY_MAX_DELAY_MS);
        const until = Date.now() + delay;
        while (Date.now() < until) {
          if (!keepGoing()) return false;
          await new Promise((resolve) => setTimeout(resolve, Math.min(500, until - Date.now())));
          await heartbeat().catch(() => undefined);
        }
      }
      try {
        pending = await this.bulk(pending);
      } catch (error) {
        if (attempt === 0 || attempt % 10 === 0) {
          this.logger.warn({ err: error, attempt }, 'Elasticsearch refused a bulk request; indexing paused');
        }
        continue;
      }
      if (pending.length === 0) {
        if (attempt > 0) this.logger.info({ attempts: attempt + 1 }, 'indexing resumed');
        this.paused.set(0);
        return true;
      }
    }
  }

  /** One `_bulk` request; answers the operations to try again. */
  private async bulk(operations: readonly BulkOperation[]): Promise<BulkOperation[]> {
    const response = await this.index.client.bulk({ operations: bulkBody(this.index.alias, operations) });
    const retry: BulkOperation[] = [];
    response.items.forEach((item, position) => {
      const result = item.index;
      const operation = operations[position]!;
      const outcome = itemOutcome(result?.status ?? 500);
      if (outcome === 'retry') retry.push(operation);
      else if (outcome === 'rejected') {
        this.logger.error(
          { id: operation.id, error: result?.error },
          'Elasticsearch rejected a message document',
        );
      }
    });
    this.indexed.inc(operations.length - retry.length);
    return retry;
  }

  /** Consumer lag: end offsets of the source topics minus the group's committed offsets. */
  private async measureLag(): Promise<void> {
    const admin = this.admin;
    if (!admin) return;
    try {
      const topics = this.config.SEARCH_SOURCE_TOPICS;
      const [committed, ...ends] = await Promise.all([
        admin.fetchOffsets({ groupId: this.config.SEARCH_CONSUMER_GROUP, topics }),
        ...topics.map((topic) => admin.fetchTopicOffsets(topic)),
      ]);
      let lag = 0;
      topics.forEach((topic, index) => {
        const committedBy = new Map(
          (committed.find((entry) => entry.topic === topic)?.partitions ?? []).map((partition) => [
            partition.partition,
            Number(partition.offset),
          ]),
        );
        for (const end of ends[index] ?? []) {
          const position = committedBy.get(end.partition) ?? -1;
          // nothing committed yet: a group starting at `latest` has nothing behind it there
          if (position < 0 && this.config.SEARCH_INDEXER_START_FROM === 'latest') continue;
          const from = position >= 0 ? position : Number(end.low);
          lag += Math.max(0, Number(end.high) - from);
        }
      });
      this.lag.set(lag);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not measure consumer lag');
    }
  }

  /** Waits until the group's committed offsets reach the topic's end offsets (tests, tools). */
  async currentLag(): Promise<number> {
    await this.measureLag();
    return (await this.lag.get()).values[0]?.value ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.lagTimer) clearInterval(this.lagTimer);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }
}
