import { AsyncResource } from 'node:async_hooks';
import { deadLetterTopic, parseEvent, type AnyEvent } from '@bonfire/contracts';
import {
  DEFAULT_RETRY_POLICY,
  toArray,
  topicOf,
  type BatchSubscribeOptions,
  type DeadLetter,
  type DeadLetterSubscribeOptions,
  type EventBus,
  type RetryPolicy,
  type SubscribeOptions,
  type Subscription,
} from './event-bus';
import { errorMessage, silentLogger, type Logger } from './logger';
import { maxBatchSizeOf, resolveRetryPolicy, runBatchWithRetries, runWithRetries } from './retry';

export interface InProcessEventBusOptions {
  /** Partitions per topic: events with the same key share one and are handled in order. Default 8. */
  partitions?: number;
  /** Default retry policy for subscriptions that do not set their own. */
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  /**
   * When publish resolves: `queued` (default) once every group has the events queued; `handled` once every
   * group with members has handled them (or dead-lettered them). The standalone shape uses `handled`, so
   * the outbox marks an event published only after every consumer saw it: a crash loses nothing.
   */
  acknowledge?: 'queued' | 'handled';
}

/** What travels on the in-process "wire": serialized like a Kafka record, so handlers get a fresh copy. */
interface WireRecord {
  topic: string;
  key: string | null;
  value: string;
}

/** A record in a partition queue, with who waits for it to be handled. */
interface QueuedRecord {
  record: WireRecord;
  handled: () => void;
}

interface Member {
  readonly topics: ReadonlySet<string>;
  /** Most records of a partition handed over in one call. */
  readonly maxBatch: number;
  /** Handles records of one partition, in order; false when it left without handling them. */
  handle(records: readonly WireRecord[]): Promise<boolean>;
  /** Called when the member leaves the group, before its in-flight handling is awaited. */
  leave?(): void;
}

/**
 * The event bus inside one process, with Kafka's semantics: consumer groups (each group gets every event
 * once, shared among its subscriptions by partition), order per key, retries with backoff, dead-letter
 * topics, at-least-once. Delivery is asynchronous: publish resolves once the events are queued.
 *
 * There is no log to replay: a group receives the events published after its first subscription (they
 * queue while it has no members). close() delivers what was already accepted, then stops.
 */
export class InProcessEventBus implements EventBus {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly partitions: number;
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private readonly acknowledge: 'queued' | 'handled';
  private closed = false;
  private held: { opened: Promise<void>; open: () => void } | null = null;

  constructor(options: InProcessEventBusOptions = {}) {
    this.acknowledge = options.acknowledge ?? 'queued';
    this.partitions = options.partitions ?? 8;
    this.retry = resolveRetryPolicy(options.retry, DEFAULT_RETRY_POLICY);
    this.logger = options.logger ?? silentLogger;
  }

  async publish(events: AnyEvent | readonly AnyEvent[]): Promise<void> {
    this.assertOpen();
    const records = toArray(events).map((event) => {
      const valid = parseEvent(event);
      return { topic: topicOf(valid), key: valid.key, value: JSON.stringify(valid) };
    });
    if (this.held) await this.held.opened;
    const handled = records.flatMap((record) => this.deliver(record));
    if (this.acknowledge === 'handled') await Promise.all(handled);
  }

  /**
   * Holds published events (publish waits) until open(): a process that starts several services lets each
   * subscribe first, so no group misses what another service's outbox relays at boot.
   */
  hold(): void {
    if (this.held) return;
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.held = { opened, open };
  }

  open(): void {
    const held = this.held;
    this.held = null;
    held?.open();
  }

  /**
   * Puts an arbitrary value on a topic, bypassing producer-side validation — what a foreign or buggy
   * producer could do on Kafka. Used by the contract tests to prove consumers validate.
   */
  async publishRaw(topic: string, key: string | null, value: unknown): Promise<void> {
    this.assertOpen();
    this.deliver({ topic, key, value: JSON.stringify(value) });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const policy = resolveRetryPolicy(options.retry, this.retry);
    const { group, handler } = options;
    return this.join(group, {
      topics: new Set(options.topics),
      maxBatch: 1,
      handle: async ([record]) => {
        let event: AnyEvent;
        try {
          event = parseEvent(JSON.parse(record!.value));
        } catch (error) {
          this.deadLetter(record!, group, errorMessage(error), 0);
          return true;
        }
        const outcome = await runWithRetries(() => handler(event), policy);
        if (!outcome.handled && 'reason' in outcome) {
          this.deadLetter(record!, group, outcome.reason, outcome.attempts);
        }
        return true;
      },
    });
  }

  async subscribeBatch(options: BatchSubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const policy = resolveRetryPolicy(options.retry, this.retry);
    const { group, handler } = options;
    let active = true;
    return this.join(group, {
      topics: new Set(options.topics),
      maxBatch: maxBatchSizeOf(options),
      leave: () => (active = false),
      handle: async (records) => {
        const valid: { record: WireRecord; event: AnyEvent }[] = [];
        for (const record of records) {
          try {
            valid.push({ record, event: parseEvent(JSON.parse(record.value)) });
          } catch (error) {
            this.deadLetter(record, group, errorMessage(error), 0);
          }
        }
        if (valid.length === 0) return true;
        const outcome = await runBatchWithRetries(valid, (entry) => entry.event, handler, policy, {
          keepGoing: () => active,
        });
        if (outcome.stopped) return false;
        for (const { item, reason, attempts } of outcome.failed) {
          this.deadLetter(item.record, group, reason, attempts);
        }
        return true;
      },
    });
  }

  async subscribeDeadLetters(options: DeadLetterSubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const { group, handler } = options;
    return this.join(group, {
      topics: new Set(options.topics.map(deadLetterTopic)),
      maxBatch: 1,
      handle: async ([record]) => {
        const outcome = await runWithRetries(
          () => handler(JSON.parse(record!.value) as DeadLetter),
          this.retry,
        );
        if (!outcome.handled && 'reason' in outcome) {
          this.logger.error(
            { group, topic: record!.topic, reason: outcome.reason },
            'dead-letter handler failed; dropped',
          );
        }
        return true;
      },
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const group of this.groups.values()) await group.idle();
    for (const group of this.groups.values()) await group.leaveAll();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('InProcessEventBus is closed');
  }

  private join(name: string, member: Member): Subscription {
    let group = this.groups.get(name);
    if (!group) {
      group = new ConsumerGroup(this.partitions, this.logger);
      this.groups.set(name, group);
    }
    const joined = group;
    // Handlers run in the async context of the subscriber (its service, for logs and tracing), not in
    // the context of whichever publisher's call happened to queue the record.
    const bound: Member = { ...member, handle: AsyncResource.bind(member.handle) };
    joined.add(bound);
    return { close: () => joined.remove(bound), lag: async () => joined.queued(member.topics) };
  }

  /** Offers a record to every group; resolves per group once handled there. */
  private deliver(record: WireRecord): Promise<void>[] {
    return [...this.groups.values()].flatMap((group) => group.offer(record) ?? []);
  }

  private deadLetter(record: WireRecord, group: string, reason: string, attempts: number): void {
    let payload: unknown;
    try {
      payload = JSON.parse(record.value);
    } catch {
      payload = record.value;
    }
    const letter: DeadLetter = {
      topic: record.topic,
      key: record.key,
      payload,
      reason,
      attempts,
      group,
      failedAt: new Date().toISOString(),
    };
    this.logger.warn(
      { group, topic: record.topic, key: record.key, reason, attempts },
      'event dead-lettered',
    );
    this.deliver({ topic: deadLetterTopic(record.topic), key: record.key, value: JSON.stringify(letter) });
  }
}

/** One consumer group: a queue per topic-partition, each drained in order by the member that owns it. */
class ConsumerGroup {
  private readonly members: Member[] = [];
  private readonly topics = new Set<string>();
  private readonly queues = new Map<string, PartitionQueue>();

  constructor(
    private readonly partitions: number,
    private readonly logger: Logger,
  ) {}

  add(member: Member): void {
    this.members.push(member);
    for (const topic of member.topics) this.topics.add(topic);
    for (const queue of this.queues.values()) queue.kick();
  }

  async remove(member: Member): Promise<void> {
    const index = this.members.indexOf(member);
    if (index < 0) return;
    this.members.splice(index, 1);
    member.leave?.();
    // In-flight handling by this member finishes; its partitions pass to the remaining members.
    await Promise.all([...this.queues.values()].map((queue) => queue.waitForInFlight(member)));
    for (const queue of this.queues.values()) queue.kick();
    // A group nobody consumes any more does not hold publishers: its queued records wait for a new member.
    if (this.members.length === 0) for (const queue of this.queues.values()) queue.releaseWaiters();
  }

  async leaveAll(): Promise<void> {
    for (const member of [...this.members]) await this.remove(member);
  }

  offer(record: WireRecord): Promise<void> | undefined {
    if (!this.topics.has(record.topic)) return undefined;
    const partition = partitionFor(record.key, this.partitions);
    const id = `${record.topic}#${partition}`;
    let queue = this.queues.get(id);
    if (!queue) {
      queue = new PartitionQueue(() => this.ownerOf(record.topic, partition), this.logger);
      this.queues.set(id, queue);
    }
    return queue.push(record);
  }

  /** Records of `topics` not handled yet (the one being handled included). */
  queued(topics: ReadonlySet<string>): number {
    let count = 0;
    for (const [id, queue] of this.queues) {
      if (topics.has(id.slice(0, id.lastIndexOf('#')))) count += queue.size;
    }
    return count;
  }

  /** Resolves when every queue that has a member to drain it is empty. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.queues.values()].filter((queue) => queue.hasWork());
      if (busy.length === 0) return;
      await Promise.all(busy.map((queue) => queue.drained()));
    }
  }

  /** Partition p of a topic belongs to the (p mod n)-th of the n members subscribed to the topic. */
  private ownerOf(topic: string, partition: number): Member | undefined {
    const eligible = this.members.filter((member) => member.topics.has(topic));
    return eligible.length === 0 ? undefined : eligible[partition % eligible.length];
  }
}

class PartitionQueue {
  private readonly records: QueuedRecord[] = [];
  private draining: Promise<void> | null = null;
  private inFlight: { member: Member; done: Promise<boolean> } | null = null;

  constructor(
    private readonly owner: () => Member | undefined,
    private readonly logger: Logger,
  ) {}

  push(record: WireRecord): Promise<void> {
    return new Promise<void>((handled) => {
      this.records.push({ record, handled });
      this.kick();
    });
  }

  get size(): number {
    return this.records.length;
  }

  releaseWaiters(): void {
    for (const queued of this.records) queued.handled();
  }

  kick(): void {
    if (this.draining || this.records.length === 0 || !this.owner()) return;
    // Asynchronous delivery: the publisher's call returns before any handler runs.
    this.draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.draining = null;
        this.kick();
      });
  }

  hasWork(): boolean {
    return this.draining !== null || (this.records.length > 0 && this.owner() !== undefined);
  }

  async drained(): Promise<void> {
    await this.draining;
  }

  async waitForInFlight(member: Member): Promise<void> {
    if (this.inFlight?.member === member) await this.inFlight.done;
  }

  /** Hands the owner everything queued (up to its batch size) at once, until the queue is empty. */
  private async drain(): Promise<void> {
    while (this.records.length > 0) {
      const member = this.owner();
      if (!member) return;
      const taken = this.records.slice(0, member.maxBatch);
      const done = member.handle(taken.map((queued) => queued.record)).catch((error: unknown) => {
        // Handlers are wrapped with retries and dead-lettering; reaching here is a bug in the bus itself.
        this.logger.error(
          { topic: taken[0]!.record.topic, error: errorMessage(error) },
          'in-process delivery failed',
        );
        return true;
      });
      this.inFlight = { member, done };
      const handled = await done;
      this.inFlight = null;
      // A member that left mid-batch handled nothing: the records stay for the partition's next owner.
      if (!handled) return;
      this.records.splice(0, taken.length);
      for (const queued of taken) queued.handled();
    }
  }
}

/** FNV-1a over the key; keyless records go to partition 0. */
function partitionFor(key: string | null, partitions: number): number {
  if (key === null) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
