import type { Attachment } from '@bonfire/contracts';
import { snowflakeTime, type Transaction } from '@bonfire/platform';
import type { ChatDatabase } from '../database/schema';

type ChatTransaction = Transaction<ChatDatabase>;

/** One send of a turn, once it has its id (and its claimed attachments). */
export interface SendEntry<D> {
  draft: D;
  id: string;
  attachments: Attachment[];
}

/**
 * The parts of a send that SendOrder puts in order; MessagesService supplies them (one object for all its
 * sends: a turn writes the consecutive waiting sends that share it together).
 */
export interface SendSteps<D, T> {
  /**
   * Takes the channel's row lock in `trx`: null when the channel was deleted, else the channel's latest
   * message id (written by whichever replica sent last).
   */
  lockChannel(trx: ChatTransaction, channelId: string): Promise<{ lastMessageId: string | null } | null>;
  /** Whether the send has attachments for the file service to claim (an HTTP call): it takes a turn alone. */
  claims(draft: D): boolean;
  /** For a send that claims: one with the same nonce that committed while it waited for its turn, if any. */
  earlier(trx: ChatTransaction, draft: D): Promise<T | null>;
  /** The file service claims the draft's attachments for `messageId`. */
  claim(draft: D, messageId: string): Promise<Attachment[]>;
  /** Inserts the messages of one turn and their events, in entry (= id) order; one result per entry. */
  write(trx: ChatTransaction, entries: readonly SendEntry<D>[]): Promise<T[]>;
  /**
   * write, with the channel's lock and the check that its latest id is below the turn's first, in one
   * statement of its own (no transaction around it). 'fallback': nothing was written and the turn takes
   * the transactional path (lockChannel, then write); 'missing': the channel is gone.
   */
  writeAtOnce(channelId: string, entries: readonly SendEntry<D>[]): Promise<T[] | 'fallback' | 'missing'>;
}

export type RunInTransaction = <T>(work: (trx: ChatTransaction) => Promise<T>) => Promise<T>;

interface Waiting<D, T> {
  draft: D;
  steps: SendSteps<D, T>;
  resolve(result: T): void;
  reject(error: unknown): void;
  /** Goes in a turn of its own (it failed in a shared one). */
  alone?: boolean;
}

/** Most sends one turn writes (one statement: one multi-row insert, one outbox insert). */
export const MAX_SENDS_PER_TURN = 100;
/** Longest a turn waits for this replica's clock to pass the channel's latest id (clock skew beyond: logged). */
const MAX_CLOCK_WAIT_MS = 1_000;

/**
 * How the sends of one channel are put in order: a message id is taken only when every earlier send of the
 * channel has committed (ids grow in commit order, so history cursors and resumes never skip a message),
 * and its attachments are claimed under the same turn.
 *
 * Group commit: in each process the sends of a channel wait in one queue, and a turn takes every send
 * waiting at that moment (up to MAX_SENDS_PER_TURN; a send with attachments alone) and writes them at once
 * — ids taken in queue order once the turn began, then the channel's lock, the insert and the outbox
 * insert in ONE statement (writeAtOnce); threads, attachments and a clock behind the channel's latest id
 * take a transaction instead.
 * While a turn commits the next sends gather, so under contention the per-send cost of the ordered part
 * (lock, round trips, commit) is shared, and without contention a send waits for nothing. When a turn of
 * several sends fails, each is tried again alone, so one bad send cannot fail its neighbours.
 */
export abstract class SendOrder {
  private readonly queues = new Map<string, Waiting<unknown, unknown>[]>();

  constructor(
    protected readonly transaction: RunInTransaction,
    protected readonly nextId: () => string,
    protected readonly unknownChannel: () => Error,
    private readonly onClockSkew: (skewMs: number) => void = () => undefined,
  ) {}

  run<D, T>(channelId: string, draft: D, steps: SendSteps<D, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting = { draft, steps, resolve, reject } as Waiting<unknown, unknown>;
      const queue = this.queues.get(channelId);
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.queues.set(channelId, [waiting]);
      void this.drain(channelId);
    });
  }

  /** Runs the channel's turns until its queue is empty (one drain per channel at a time). */
  private async drain(channelId: string): Promise<void> {
    const queue = this.queues.get(channelId)!;
    while (queue.length > 0) {
      const turn = this.nextTurn(queue);
      try {
        await this.runTurn(channelId, turn);
      } catch (error) {
        if (turn.length === 1) turn[0]!.reject(error);
        // Nothing of the turn committed: each send goes again, alone, at the head of the queue.
        else queue.unshift(...turn.map((waiting) => ({ ...waiting, alone: true })));
      }
    }
    this.queues.delete(channelId);
  }

  private nextTurn(queue: Waiting<unknown, unknown>[]): Waiting<unknown, unknown>[] {
    const first = queue.shift()!;
    const turn = [first];
    if (first.alone || first.steps.claims(first.draft)) return turn;
    while (
      turn.length < MAX_SENDS_PER_TURN &&
      queue.length > 0 &&
      queue[0]!.steps === first.steps &&
      !queue[0]!.alone &&
      !queue[0]!.steps.claims(queue[0]!.draft)
    ) {
      turn.push(queue.shift()!);
    }
    return turn;
  }

  private async runTurn(channelId: string, turn: Waiting<unknown, unknown>[]): Promise<void> {
    const first = turn[0]!;
    if (turn.length === 1 && first.steps.claims(first.draft)) {
      first.resolve(await this.sendClaiming(channelId, first.draft, first.steps));
      return;
    }
    // Ids taken now are above the channel's latest unless another replica's clock is ahead: then nothing
    // is written and the transactional path waits it out.
    const atOnce = await first.steps.writeAtOnce(
      channelId,
      turn.map(({ draft }) => ({ draft, id: this.nextId(), attachments: [] })),
    );
    if (atOnce === 'missing') throw this.unknownChannel();
    const results = atOnce === 'fallback' ? await this.writeInTransaction(channelId, turn) : atOnce;
    turn.forEach((waiting, index) => waiting.resolve(results[index]));
  }

  private writeInTransaction(channelId: string, turn: Waiting<unknown, unknown>[]): Promise<unknown[]> {
    const { steps } = turn[0]!;
    return this.transaction(async (trx) => {
      const channel = await steps.lockChannel(trx, channelId);
      if (!channel) throw this.unknownChannel();
      const firstId = await this.idAfter(channel.lastMessageId);
      const entries = turn.map(({ draft }, index) => ({
        draft,
        id: index === 0 ? firstId : this.nextId(),
        attachments: [],
      }));
      return steps.write(trx, entries);
    });
  }

  /**
   * An id above the channel's latest, taken under its lock. Another replica's generator may have made
   * that one in the same millisecond with a higher worker id, or a clock slightly ahead: ids must still
   * grow in commit order, so the turn waits (about a millisecond) until this replica's clock has passed
   * it. (The ids of one generator only grow, so the rest of the turn's ids are above it too.)
   */
  protected async idAfter(lastMessageId: string | null): Promise<string> {
    let id = this.nextId();
    if (lastMessageId === null || BigInt(id) > BigInt(lastMessageId)) return id;
    const last = BigInt(lastMessageId);
    const deadline = Date.now() + MAX_CLOCK_WAIT_MS;
    while (BigInt(id) <= last) {
      const ahead = snowflakeTime(lastMessageId) - Date.now();
      if (Date.now() >= deadline) {
        this.onClockSkew(ahead);
        break;
      }
      if (ahead >= 0) await new Promise((wait) => setTimeout(wait, Math.min(ahead + 1, 50)));
      id = this.nextId();
    }
    return id;
  }

  /** A send with attachments, alone in its turn: where the claim runs differs between the shapes. */
  protected abstract sendClaiming<D, T>(channelId: string, draft: D, steps: SendSteps<D, T>): Promise<T>;
}

/**
 * Distributed shape: the channel's row lock, taken by every turn, orders the sends of every chat replica
 * (the queue only groups this replica's); a send with attachments claims them — an HTTP call to the file
 * service — inside the transaction that holds the lock.
 */
export class RowLockSendOrder extends SendOrder {
  protected sendClaiming<D, T>(channelId: string, draft: D, steps: SendSteps<D, T>): Promise<T> {
    return this.transaction(async (trx) => {
      const channel = await steps.lockChannel(trx, channelId);
      if (!channel) throw this.unknownChannel();
      const earlier = await steps.earlier(trx, draft);
      if (earlier !== null) return earlier;
      const id = await this.idAfter(channel.lastMessageId);
      const [result] = await steps.write(trx, [{ draft, id, attachments: await steps.claim(draft, id) }]);
      return result!;
    });
  }
}

/**
 * Standalone shape: one chat in one process (the data folder has one owner), and one database session
 * shared with the file service — which the claim needs. The queue alone orders the sends, and the claim
 * runs before the transaction instead of inside it, where it would wait for the session it holds.
 */
export class InProcessSendOrder extends SendOrder {
  protected async sendClaiming<D, T>(channelId: string, draft: D, steps: SendSteps<D, T>): Promise<T> {
    const earlier = await this.transaction((trx) => steps.earlier(trx, draft));
    if (earlier !== null) return earlier;
    const id = this.nextId();
    const attachments = await steps.claim(draft, id);
    return this.transaction(async (trx) => {
      if (!(await steps.lockChannel(trx, channelId))) throw this.unknownChannel();
      const [result] = await steps.write(trx, [{ draft, id, attachments }]);
      return result!;
    });
  }
}
