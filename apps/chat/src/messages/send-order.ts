import type { Attachment } from '@bonfire/contracts';
import type { Transaction } from '@bonfire/platform';
import type { ChatDatabase } from '../database/schema';

type ChatTransaction = Transaction<ChatDatabase>;

/** The parts of one send that SendOrder puts in order; MessagesService supplies them. */
export interface SendSteps<T> {
  /** The channel still exists: takes its row lock in `trx` (false when it was deleted). */
  lockChannel(trx: ChatTransaction): Promise<boolean>;
  /** A send with the same nonce that committed while this one waited for its turn, if any. */
  earlier(trx: ChatTransaction): Promise<T | null>;
  /** The file service claims the attachments for `messageId` (an HTTP call; none without attachments). */
  claim(messageId: string): Promise<Attachment[]>;
  /** Inserts the message and its event. */
  write(trx: ChatTransaction, messageId: string, attachments: Attachment[]): Promise<T>;
}

/**
 * How the sends of one channel are put in order: a message id is taken only when every earlier send of the
 * channel has committed (ids grow in commit order, so history cursors and resumes never skip a message),
 * and its attachments are claimed under the same turn.
 */
export abstract class SendOrder {
  abstract run<T>(channelId: string, steps: SendSteps<T>): Promise<T>;
}

export type RunInTransaction = <T>(work: (trx: ChatTransaction) => Promise<T>) => Promise<T>;

/**
 * Distributed shape: the channel's row lock orders the sends of every chat replica, so the whole send —
 * the file service's claim included — runs inside the transaction that holds it.
 */
export class RowLockSendOrder extends SendOrder {
  constructor(
    private readonly transaction: RunInTransaction,
    private readonly nextId: () => string,
    private readonly unknownChannel: () => Error,
  ) {
    super();
  }

  run<T>(_channelId: string, steps: SendSteps<T>): Promise<T> {
    return this.transaction(async (trx) => {
      if (!(await steps.lockChannel(trx))) throw this.unknownChannel();
      const earlier = await steps.earlier(trx);
      if (earlier !== null) return earlier;
      const id = this.nextId();
      return steps.write(trx, id, await steps.claim(id));
    });
  }
}

/**
 * Standalone shape: one chat in one process (the data folder has one owner), and one database session
 * shared with the file service — which the claim needs. A turn per channel in memory orders the sends, and
 * the claim runs before the transaction instead of inside it, where it would wait for the session it holds.
 */
export class InProcessSendOrder extends SendOrder {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly transaction: RunInTransaction,
    private readonly nextId: () => string,
    private readonly unknownChannel: () => Error,
  ) {
    super();
  }

  run<T>(channelId: string, steps: SendSteps<T>): Promise<T> {
    const previous = this.tails.get(channelId) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.send(steps));
    const tail = turn.catch(() => undefined);
    this.tails.set(channelId, tail);
    void tail.then(() => {
      if (this.tails.get(channelId) === tail) this.tails.delete(channelId);
    });
    return turn;
  }

  private async send<T>(steps: SendSteps<T>): Promise<T> {
    const earlier = await this.transaction((trx) => steps.earlier(trx));
    if (earlier !== null) return earlier;
    const id = this.nextId();
    const attachments = await steps.claim(id);
    return this.transaction(async (trx) => {
      if (!(await steps.lockChannel(trx))) throw this.unknownChannel();
      return steps.write(trx, id, attachments);
    });
  }
}
