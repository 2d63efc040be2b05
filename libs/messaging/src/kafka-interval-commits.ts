import type { Consumer, TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { errorMessage, type Logger } from './logger';

/**
 * Offsets of a subscription with `commitEveryMs`, committed on a timer instead of after every fetched
 * batch (kafkajs' autoCommit). Under load a latency-bound group fetches one event at a time, so that is
 * one commit request per event; this makes it one per interval. What was handled but not yet committed
 * comes again to the next owner of the partition (after a crash or a rebalance).
 */
export class IntervalCommits {
  /** The next offset to read, by `topic:partition`, for what was handled since the last commit. */
  private readonly pending = new Map<string, TopicPartitionOffsetAndMetadata>();
  private timer: NodeJS.Timeout | null = null;
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly consumer: Consumer,
    private readonly everyMs: number,
    private readonly logger: Logger,
    private readonly group: string,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.commit(), this.everyMs);
    this.timer.unref();
  }

  /** The message at `offset` was handled: the partition's position moves past it. */
  handled(topic: string, partition: number, offset: string): void {
    const next = (BigInt(offset) + 1n).toString();
    this.pending.set(`${topic}:${partition}`, { topic, partition, offset: next });
  }

  /** After a rebalance: positions of partitions this member no longer holds are another's to commit. */
  keepOnly(assignment: Record<string, number[]>): void {
    for (const [key, { topic, partition }] of this.pending) {
      if (!assignment[topic]?.includes(partition)) this.pending.delete(key);
    }
  }

  /** Commits what is pending (a failed commit is tried again on the next tick). */
  commit(): Promise<void> {
    this.committing = this.committing.then(async () => {
      if (this.pending.size === 0) return;
      const offsets = [...this.pending.values()];
      this.pending.clear();
      try {
        await this.consumer.commitOffsets(offsets);
      } catch (error) {
        for (const entry of offsets) {
          const key = `${entry.topic}:${entry.partition}`;
          if (!this.pending.has(key)) this.pending.set(key, entry);
        }
        this.logger.debug(
          { group: this.group, error: errorMessage(error) },
          'offset commit failed; retrying',
        );
      }
    });
    return this.committing;
  }

  /** Stops the timer and commits what is pending (before the consumer leaves its group). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.commit();
  }
}
