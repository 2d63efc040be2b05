import { randomUUID } from 'node:crypto';
import {
  EVENTS,
  type AnyEvent,
  type EventData,
  type EventOf,
  type EventType,
  type Topic,
} from '@bonfire/contracts';

/**
 * The event-bus port. Services publish domain events and subscribe to topics through it; the Kafka
 * adapter carries them between processes, the in-process adapter inside one process (standalone mode,
 * unit tests). Both pass the same contract suite (event-bus.contract.ts).
 *
 * Delivery is at-least-once: a handler may see an event again (after a crash or a rebalance), so handlers
 * are idempotent by event id (see IdempotentConsumer). Events with the same key are handled in order
 * within a group.
 */
export interface EventBus {
  /**
   * Validates and sends events to the topic each type is registered on. Resolves once the bus has
   * accepted them (Kafka: acknowledged by the broker; in-process: enqueued). Events are delivered in
   * the order given per key.
   */
  publish(events: AnyEvent | readonly AnyEvent[]): Promise<void>;

  /**
   * Handles events from `topics` as a member of consumer group `group`: each group gets each event
   * once, shared among the group's subscriptions. A handler that throws is retried with exponential
   * backoff; when the retries run out, or when the event fails validation, it goes to the topic's
   * dead-letter twin with the reason, and later events keep flowing.
   * Resolves when the subscription is live (has joined its group).
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;

  /**
   * Like subscribe, but the handler receives the events of one partition in order, up to
   * `maxBatchSize` at a time (whatever has arrived; it does not wait to fill a batch). Partitions are
   * handled concurrently, one batch in flight per partition. Events that fail validation are
   * dead-lettered before the handler sees the batch. The batch counts as handled (Kafka: its offsets are
   * committed) only once the handler resolved. A handler that throws is retried with the whole batch
   * (handlers are idempotent); when the retries run out, each event of the batch is tried alone, once,
   * and those that still fail are dead-lettered with the reason (attempts = maxRetries + 2), so one bad
   * event costs its neighbours nothing and later events keep flowing. A subscription that is closed
   * while its batch is failing stops retrying and leaves the batch unhandled: it comes again to the
   * partition's next owner.
   */
  subscribeBatch(options: BatchSubscribeOptions): Promise<Subscription>;

  /** Receives what landed on the dead-letter twins (`<topic>.dlq`) of `topics`. */
  subscribeDeadLetters(options: DeadLetterSubscribeOptions): Promise<Subscription>;

  /** Graceful shutdown: stops the subscriptions (letting in-flight handlers finish) and the producer. */
  close(): Promise<void>;
}

export type EventHandler = (event: AnyEvent) => Promise<void>;

/** Receives a batch: valid events of one partition, in order. */
export type BatchEventHandler = (events: readonly AnyEvent[]) => Promise<void>;

export interface RetryPolicy {
  /** Retries after the first attempt before the event is dead-lettered. */
  maxRetries: number;
  /** Delay before the first retry; doubles with each further retry (capped by maxDelayMs). */
  initialDelayMs: number;
  maxDelayMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, initialDelayMs: 200, maxDelayMs: 10_000 };

export interface SubscribeOptions {
  group: string;
  topics: readonly Topic[];
  handler: EventHandler;
  retry?: Partial<RetryPolicy>;
  /**
   * Where a group with no committed position starts: `latest` (default) means events published after
   * this subscription was created; `earliest` means everything the topic still holds.
   */
  startFrom?: 'latest' | 'earliest';
  /** Consumer-group timing (Kafka only; tests lower them to make joins and rebalances fast). */
  session?: { sessionTimeoutMs?: number; heartbeatIntervalMs?: number; rebalanceTimeoutMs?: number };
  /**
   * A background group's latency budget (Kafka only): the broker holds a fetch up to this long to gather
   * events (it answers at once when GATHER_MIN_BYTES are in). Under load the group fetches and commits
   * once per window instead of once per event or two. Default: none, a fetch answers as soon as one event
   * is in (what latency-bound groups such as the realtime fan-out need).
   */
  gatherMs?: number;
  /**
   * Commit handled positions once per this interval instead of after every fetched batch (Kafka only;
   * subscribe, not subscribeBatch). A latency-bound group fetches one event per batch, so that saves one
   * commit round trip per event; the price is that after a crash up to one interval of events is handled
   * again by the next owner (handlers are idempotent). A clean close commits everything handled first.
   */
  commitIntervalMs?: number;
}

/**
 * The latency budget of groups whose work no one waits on as it happens (notifications, link previews,
 * projections, clean-ups): they are a fetch per 200 ms at most, however busy the topic.
 */
export const BACKGROUND_GATHER_MS = 200;

export interface BatchSubscribeOptions extends Omit<SubscribeOptions, 'handler' | 'commitIntervalMs'> {
  handler: BatchEventHandler;
  /** Most events per handler call. Default DEFAULT_MAX_BATCH_SIZE. */
  maxBatchSize?: number;
}

export const DEFAULT_MAX_BATCH_SIZE = 100;

/** An event that could not be handled, as found on a dead-letter topic. */
export interface DeadLetter {
  /** The topic the event was originally published to. */
  topic: string;
  key: string | null;
  /** The event as it was received (parsed JSON; possibly invalid — that may be why it is here). */
  payload: unknown;
  /** Why it was dead-lettered: the handler's last error message or the validation failure. */
  reason: string;
  /** Handler attempts made (0 when the event failed validation and was never handled). */
  attempts: number;
  /** The consumer group that gave up on it. */
  group: string;
  failedAt: string;
  /** Where it was on the original topic (Kafka only). */
  partition?: number;
  offset?: string;
}

export interface DeadLetterSubscribeOptions {
  group: string;
  topics: readonly Topic[];
  handler: (letter: DeadLetter) => Promise<void>;
  startFrom?: 'latest' | 'earliest';
  session?: SubscribeOptions['session'];
}

export interface Subscription {
  /** Leaves the group gracefully (in-flight handling finishes first). */
  close(): Promise<void>;
  /** Events of the subscribed topics the group has not handled yet (Kafka: end minus committed offsets). */
  lag?(): Promise<number>;
}

/** Builds a well-formed envelope; the payload is type-checked against the event type at compile time. */
export function createEvent<T extends EventType>(
  type: T,
  key: string,
  data: EventData<T>,
  producer: string,
): EventOf<T> {
  return {
    id: randomUUID(),
    type,
    version: EVENTS[type].version,
    occurredAt: new Date().toISOString(),
    producer,
    key,
    data,
  } as EventOf<T>;
}

export function topicOf(event: AnyEvent): Topic {
  return EVENTS[event.type].topic;
}

export function toArray<T>(items: T | readonly T[]): readonly T[] {
  return Array.isArray(items) ? (items as readonly T[]) : [items as T];
}
