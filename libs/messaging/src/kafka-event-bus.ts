import { deadLetterTopic, parseEvent, type AnyEvent } from '@bonfire/contracts';
import {
  Kafka,
  logLevel as KafkaLogLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type ConsumerRunConfig,
  type EachBatchPayload,
  type EachMessagePayload,
  type IHeaders,
  type KafkaMessage,
  type LogEntry,
  type Producer,
} from 'kafkajs';
// Fixes kafkajs's idle 1 ms timer loop on every broker connection before any client is made.
import './kafkajs-request-queue';
import {
  DEFAULT_RETRY_POLICY,
  toArray,
  topicOf,
  type BatchEventHandler,
  type BatchSubscribeOptions,
  type DeadLetterSubscribeOptions,
  type EventBus,
  type RetryPolicy,
  type SubscribeOptions,
  type Subscription,
} from './event-bus';
import { deadLetterRecord, HEADERS, readDeadLetter } from './kafka-dead-letters';
import { IntervalCommitter } from './kafka-interval-commits';
import { errorMessage, silentLogger, type Logger } from './logger';
import { maxBatchSizeOf, resolveRetryPolicy, runBatchWithRetries, runWithRetries } from './retry';
import { endOffsetsOfNewGroup, groupLag } from './kafka-offsets';

export interface KafkaEventBusOptions {
  brokers: readonly string[];
  clientId: string;
  logger?: Logger;
  /** kafkajs' own log level, routed through `logger`. Default WARN. */
  kafkaLogLevel?: KafkaLogLevel;
  /** Default retry policy for subscriptions that do not set their own. */
  retry?: Partial<RetryPolicy>;
  /** Default consumer-group timing for subscriptions that do not set their own. */
  session?: SubscribeOptions['session'];
  /** How long subscribe() waits for the consumer to join its group. Default 30 s. */
  joinTimeoutMs?: number;
  /**
   * Longest a fetch waits on the broker for new messages. Closing a consumer waits for the fetch in flight,
   * so this bounds shutdown time; idle consumers send one fetch per interval. Default 1000 ms.
   */
  fetchMaxWaitMs?: number;
}

/**
 * Partitions a batch subscription handles at once: more than any of our topics has, so every assigned
 * partition that has messages in a fetch is handled concurrently (kafkajs' idle workers cost nothing;
 * memory is bounded by the fetch size, not by this).
 */
const BATCH_PARTITIONS_IN_FLIGHT = 64;
/**
 * A consumer that dies without leaving its group holds its partitions until this session lapses, and a
 * restarted service is not ready before then; 10 s (not Kafka's 30 s) bounds that wait for every consumer.
 */
const DEFAULT_SESSION_TIMEOUT_MS = 10_000;
const DEFAULT_HEARTBEAT_INTERVAL_MS = 1_000;
/** A gathering fetch (SubscribeOptions.gatherMs) answers before its window once this much is in. */
const GATHER_MIN_BYTES = 64 * 1024;

/**
 * kafkajs 2.2.4 arms timers with negative delays in its request queue; Node 24 clamps them to 1 ms and
 * warns (TimeoutNegativeWarning) on every process. The behaviour is right, the warning is noise: drop
 * exactly that warning, once, and let every other warning through.
 */
function silenceKafkajsTimeoutWarning(): void {
  const marker = Symbol.for('bonfire.kafkajs-timeout-warning-filter');
  const processWithMarker = process as NodeJS.Process & { [marker]?: true };
  if (processWithMarker[marker]) return;
  processWithMarker[marker] = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const name = warning instanceof Error ? warning.name : type;
    if (name === 'TimeoutNegativeWarning') return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}
silenceKafkajsTimeoutWarning();

/**
 * The event bus on Kafka (kafkajs). One idempotent producer per bus; one consumer per subscription.
 * Messages: key = envelope key (same key → same partition → in order), value = the JSON envelope.
 * A subscription handles a partition's messages one at a time (a batch subscription: up to maxBatchSize
 * at a time, its partitions concurrently) and commits only after handling; a failing handler is retried
 * with backoff, then the message goes to `<topic>.dlq` with the reason in its headers, and the offset
 * moves past it. Topics are never auto-created: they come from infra/kafka/topics.json.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private producer: Producer;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  /** Each running consumer and how to stop it (drain its interval commits, then disconnect). */
  private readonly consumers = new Map<Consumer, () => Promise<void>>();
  private producerReady: Promise<void> | null = null;
  private admin: Promise<Admin> | null = null;
  private closed = false;

  constructor(private readonly options: KafkaEventBusOptions) {
    this.logger = options.logger ?? silentLogger;
    this.retry = resolveRetryPolicy(options.retry, DEFAULT_RETRY_POLICY);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: options.kafkaLogLevel ?? KafkaLogLevel.WARN,
      logCreator: () => (entry) => routeKafkaLog(this.logger, entry),
    });
    this.producer = this.newProducer();
  }

  async publish(events: AnyEvent | readonly AnyEvent[]): Promise<void> {
    this.assertOpen();
    const byTopic = new Map<string, { key: string; value: string; headers: IHeaders }[]>();
    for (const event of toArray(events)) {
      const valid = parseEvent(event);
      const topic = topicOf(valid);
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key: valid.key,
        value: JSON.stringify(valid),
        headers: {
          [HEADERS.eventId]: valid.id,
          [HEADERS.eventType]: valid.type,
          [HEADERS.eventVersion]: String(valid.version),
        },
      });
      byTopic.set(topic, messages);
    }
    if (byTopic.size === 0) return;
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    await this.send((producer) => producer.sendBatch({ acks: -1, topicMessages }));
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const policy = resolveRetryPolicy(options.retry, this.retry);
    const { group, handler } = options;
    return this.startConsumer(options, options.topics, {
      // One message at a time per partition, one partition at a time; kafkajs resolves an offset when
      // eachMessage returns and commits after each fetched batch.
      eachMessage: async (payload) => {
        const { message } = payload;
        let event: AnyEvent;
        try {
          event = parseEvent(JSON.parse(message.value?.toString('utf8') ?? 'null'));
        } catch (error) {
          await this.deadLetter(payload, group, errorMessage(error), 0);
          return;
        }
        const outcome = await runWithRetries(() => handler(event), policy, {
          whileWaiting: payload.heartbeat,
        });
        if (!outcome.handled && 'reason' in outcome) {
          await this.deadLetter(payload, group, outcome.reason, outcome.attempts);
        }
      },
    });
  }

  async subscribeBatch(options: BatchSubscribeOptions): Promise<Subscription> {
    const policy = resolveRetryPolicy(options.retry, this.retry);
    const maxBatchSize = maxBatchSizeOf(options);
    return this.startConsumer(options, options.topics, {
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: BATCH_PARTITIONS_IN_FLIGHT,
      eachBatch: (payload) => this.handleBatch(payload, options.group, options.handler, policy, maxBatchSize),
    });
  }

  async subscribeDeadLetters(options: DeadLetterSubscribeOptions): Promise<Subscription> {
    const { group, handler } = options;
    return this.startConsumer(options, options.topics.map(deadLetterTopic), {
      eachMessage: async (payload) => {
        const letter = readDeadLetter(payload.message);
        const outcome = await runWithRetries(() => handler(letter), this.retry, {
          whileWaiting: payload.heartbeat,
        });
        if (!outcome.handled && 'reason' in outcome) {
          this.logger.error(
            { group, topic: payload.topic, reason: outcome.reason },
            'dead-letter handler failed; skipped',
          );
        }
      },
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // kafkajs' disconnect waits for the message being handled, commits, and leaves the group.
    await Promise.all([...this.consumers.values()].map((stop) => stop()));
    this.consumers.clear();
    if (this.producerReady) await this.producerReady.catch(() => undefined);
    await this.producer.disconnect();
    const admin = await this.admin?.catch(() => null);
    await admin?.disconnect();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('KafkaEventBus is closed');
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      // kafkajs requires ≤ 5 in-flight requests for idempotence; 1 keeps ordering trivially safe.
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  private connectProducer(): Promise<void> {
    if (!this.producerReady) {
      const ready: Promise<void> = this.producer.connect().catch((error: unknown) => {
        if (this.producerReady === ready) this.producerReady = null;
        throw error;
      });
      this.producerReady = ready;
    }
    return this.producerReady;
  }

  /** Sends through the producer, connected first; a failed send replaces the producer (replaceProducer). */
  private async send<T>(send: (producer: Producer) => Promise<T>): Promise<T> {
    // The producer this send connects; another send's failure may replace it meanwhile.
    const producer = this.producer;
    await this.connectProducer();
    try {
      return await send(producer);
    } catch (error) {
      this.replaceProducer(producer, error);
      throw error;
    }
  }

  /**
   * After a failed send the idempotent producer's sequence numbers are in doubt. A broker that restarted
   * can answer every later send OUT_OF_ORDER_SEQUENCE_NUMBER or UNKNOWN_PRODUCER_ID, and kafkajs keeps a
   * producer's id and sequences for its whole life (tulios/kafkajs#598): nothing would be published again
   * until the process restarts. So the next send goes through a new producer, with a new id. The caller
   * retries (the outbox relay reads the table again; consumers drop repeats by event id).
   */
  private replaceProducer(failed: Producer, error: unknown): void {
    if (this.producer !== failed || this.closed) return;
    this.logger.warn({ error: errorMessage(error) }, 'kafka send failed; the next send uses a new producer');
    this.producer = this.newProducer();
    this.producerReady = null;
    void failed.disconnect().catch(() => undefined);
  }

  /**
   * A fetched batch of one partition, in slices of `maxBatchSize`: invalid events to the dead-letter
   * topic, the valid ones to the handler (retried, then one by one), then the slice's offsets resolved and
   * committed. A slice is left unresolved (it is fetched again) when the consumer stops or the partition
   * is sought or revoked meanwhile.
   */
  private async handleBatch(
    payload: EachBatchPayload,
    group: string,
    handler: BatchEventHandler,
    policy: RetryPolicy,
    maxBatchSize: number,
  ): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const keepGoing = () => isRunning() && !isStale();
    for (let from = 0; from < batch.messages.length; from += maxBatchSize) {
      if (!keepGoing()) return;
      const slice = batch.messages.slice(from, from + maxBatchSize);
      const valid: { message: KafkaMessage; event: AnyEvent }[] = [];
      for (const message of slice) {
        try {
          valid.push({ message, event: parseEvent(JSON.parse(message.value?.toString('utf8') ?? 'null')) });
        } catch (error) {
          await this.deadLetter({ topic, partition, message }, group, errorMessage(error), 0);
        }
      }
      if (valid.length > 0) {
        const outcome = await runBatchWithRetries(valid, (entry) => entry.event, handler, policy, {
          whileWaiting: heartbeat,
          keepGoing,
        });
        if (outcome.stopped) return;
        for (const { item, reason, attempts } of outcome.failed) {
          await this.deadLetter({ topic, partition, message: item.message }, group, reason, attempts);
        }
      }
      payload.resolveOffset(slice.at(-1)!.offset);
      await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
      await heartbeat();
    }
  }

  private async startConsumer(
    options: Pick<SubscribeOptions, 'group' | 'startFrom' | 'session' | 'gatherMs' | 'commitIntervalMs'>,
    topics: readonly string[],
    run: Pick<
      ConsumerRunConfig,
      'eachMessage' | 'eachBatch' | 'eachBatchAutoResolve' | 'partitionsConsumedConcurrently'
    >,
  ): Promise<Subscription> {
    this.assertOpen();
    const session = { ...this.options.session, ...options.session };
    const fromBeginning = options.startFrom === 'earliest';
    // For a brand-new group, where "latest" is as of now: the end offsets, sought once the group assigns them.
    const pins = fromBeginning
      ? new Map<string, string>()
      : await this.connectAdmin()
          .then((admin) => endOffsetsOfNewGroup(admin, options.group, topics))
          .catch((error: unknown) => {
            this.logger.debug(
              { group: options.group, error: errorMessage(error) },
              'could not read end offsets for a new group',
            );
            return new Map<string, string>();
          });
    const startOffsets = new Map(pins);

    const consumer = this.kafka.consumer({
      groupId: options.group,
      sessionTimeout: session.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      heartbeatInterval: session.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      rebalanceTimeout: session.rebalanceTimeoutMs ?? 60_000,
      ...(options.gatherMs
        ? { maxWaitTimeInMs: options.gatherMs, minBytes: GATHER_MIN_BYTES }
        : { maxWaitTimeInMs: this.options.fetchMaxWaitMs ?? 1_000 }),
    });
    const committer = options.commitIntervalMs
      ? IntervalCommitter.attach(consumer, options.commitIntervalMs, this.logger, options.group)
      : null;
    const stopConsumer = async () => {
      await committer?.drain(topics);
      await consumer.disconnect();
    };
    this.consumers.set(consumer, stopConsumer);
    const joinTimeoutMs = this.options.joinTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    let stopListening: () => void = () => undefined;
    const joined = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`group ${options.group} not joined within ${joinTimeoutMs} ms`)),
        joinTimeoutMs,
      );
      const stop = consumer.on(consumer.events.GROUP_JOIN, (event) => {
        for (const [topic, partitions] of Object.entries(event.payload.memberAssignment)) {
          for (const partition of partitions) {
            const offset = pins.get(`${topic}:${partition}`);
            if (offset === undefined) continue;
            pins.delete(`${topic}:${partition}`); // only the first assignment; later ones keep commits
            consumer.seek({ topic, partition, offset });
          }
        }
        clearTimeout(timer);
        stop();
        resolve();
      });
      stopListening = stop;
    });
    // A failure before the join is awaited must not leave the join's timeout to reject unobserved.
    joined.catch(() => undefined);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning });
      await consumer.run(
        committer ? { ...run, autoCommit: false, eachMessage: committer.wrap(run.eachMessage) } : run,
      );
      await joined;
      committer?.start();
    } catch (error) {
      clearTimeout(timer);
      stopListening();
      committer?.stop();
      this.consumers.delete(consumer);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    return {
      close: async () => {
        if (!this.consumers.delete(consumer)) return;
        await stopConsumer();
      },
      lag: async () =>
        groupLag(await this.connectAdmin(), options.group, topics, fromBeginning, startOffsets),
    };
  }

  private connectAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = null;
      throw error;
    });
    return this.admin;
  }

  private async deadLetter(
    payload: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>,
    group: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const { topic, partition, message } = payload;
    this.logger.warn(
      { group, topic, partition, offset: message.offset, reason, attempts },
      'event dead-lettered',
    );
    // If this send fails, eachMessage throws, the offset is not committed and the message comes again.
    const record = deadLetterRecord({ topic, partition, message, reason, attempts, group });
    await this.send((producer) => producer.send(record));
  }
}

function routeKafkaLog(logger: Logger, { namespace, level, log }: LogEntry): void {
  const { message, ...extra } = log;
  const fields = { kafka: namespace, ...extra };
  if (level === KafkaLogLevel.ERROR || level === KafkaLogLevel.NOTHING) logger.error(fields, message);
  else if (level === KafkaLogLevel.WARN) logger.warn(fields, message);
  else if (level === KafkaLogLevel.INFO) logger.info(fields, message);
  else logger.debug(fields, message);
}
