import type { Consumer, EachMessageHandler } from 'kafkajs';
import { errorMessage, type Logger } from './logger';

/** What the committer needs of a kafkajs consumer. */
type CommittingConsumer = Pick<Consumer, 'commitOffsets' | 'pause'>;

interface PendingCommit {
  topic: string;
  partition: number;
  /** The next offset to read: the handled message's offset + 1. */
  offset: string;
}

/**
 * Commits a consumer's handled offsets once per interval instead of after every fetched batch
 * (SubscribeOptions.commitIntervalMs). kafkajs' auto-commit commits after each batch whatever its
 * interval setting says, and a latency-bound group fetches one event per batch: that is one OffsetCommit
 * round trip, and one append to `__consumer_offsets`, per event.
 *
 * What an interval costs: after a crash, or a rebalance that outruns the flush, the partition's next owner
 * handles up to one interval of events again. Subscriptions are at-least-once and handlers idempotent by
 * event id, so that is the same guarantee, repeated more often after failures.
 *
 * - `attach` makes one for a consumer (and follows its rebalances); `wrap` its eachMessage handler, so each
 *   handled message is remembered; `start` arms the timer once the consumer runs.
 * - `rebalancing` flushes at once (kafkajs emits it before rejoining; the broker still takes the old
 *   generation's commits while the group prepares to rebalance). A commit that loses that race fails and
 *   is dropped: the next owner handles those events again.
 * - `assigned` forgets partitions this member no longer owns, so it never commits over their new owner.
 * - `drain` (before disconnect, which leaves the group) pauses the topics, waits for the handler in
 *   flight and flushes: a clean shutdown hands over nothing twice.
 */
export class IntervalCommitter {
  private readonly pending = new Map<string, PendingCommit>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly consumer: CommittingConsumer,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly group: string,
  ) {}

  /** A committer for `consumer`, told of its rebalances and new assignments. */
  static attach(consumer: Consumer, intervalMs: number, logger: Logger, group: string): IntervalCommitter {
    const committer = new IntervalCommitter(consumer, intervalMs, logger, group);
    consumer.on(consumer.events.REBALANCING, () => committer.rebalancing());
    consumer.on(consumer.events.GROUP_JOIN, (event) => committer.assigned(event.payload.memberAssignment));
    return committer;
  }

  /** `eachMessage`, remembering each message it handled. */
  wrap(eachMessage: EachMessageHandler | undefined): EachMessageHandler | undefined {
    if (!eachMessage) return undefined;
    return (payload) =>
      this.track(payload.topic, payload.partition, payload.message.offset, () => eachMessage(payload));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs one message's handling, remembering its offset once it resolved. */
  async track<T>(topic: string, partition: number, offset: string, handle: () => Promise<T>): Promise<T> {
    const running = handle();
    this.inFlight = running;
    try {
      const result = await running;
      this.pending.set(`${topic}:${partition}`, {
        topic,
        partition,
        offset: (BigInt(offset) + 1n).toString(),
      });
      return result;
    } finally {
      if (this.inFlight === running) this.inFlight = null;
    }
  }

  rebalancing(): void {
    void this.flush();
  }

  /** The member's new assignment (kafkajs' GROUP_JOIN `memberAssignment`). */
  assigned(assignment: Record<string, readonly number[]>): void {
    for (const [key, commit] of this.pending) {
      if (!assignment[commit.topic]?.includes(commit.partition)) this.pending.delete(key);
    }
  }

  /** Commits what is pending (after any flush already running). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.commitPending());
    return this.flushing;
  }

  async drain(topics: readonly string[]): Promise<void> {
    this.stop();
    try {
      this.consumer.pause(topics.map((topic) => ({ topic })));
    } catch {
      // Not running yet (closed while it was starting): nothing is in flight and nothing was handled.
      return;
    }
    await this.inFlight?.catch(() => undefined);
    await this.flush();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async commitPending(): Promise<void> {
    if (this.pending.size === 0) return;
    const commits = [...this.pending.values()];
    this.pending.clear();
    try {
      await this.consumer.commitOffsets(commits);
    } catch (error) {
      // Put back what nothing newer replaced: the next flush tries again (a rebalance's `assigned` drops it).
      for (const commit of commits) {
        const key = `${commit.topic}:${commit.partition}`;
        if (!this.pending.has(key)) this.pending.set(key, commit);
      }
      this.logger.debug({ group: this.group, error: errorMessage(error) }, 'offset commit failed; retried');
    }
  }
}
