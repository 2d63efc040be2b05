import type { Kysely, Transaction } from 'kysely';

/** What repositories run their queries on: the pool, or the transaction a service opened. */
export type Executor<TDatabase> = Kysely<TDatabase> | Transaction<TDatabase>;

/**
 * The one way services open a transaction that spans several repositories (and the outbox). Services
 * never query: they pass the transaction on to repository methods. Each service declares its typed
 * subclass, e.g. `@Injectable() class ChatTransactions extends TransactionRunner<ChatDatabase> {}`.
 */
export abstract class TransactionRunner<TDatabase> {
  constructor(private readonly db: Kysely<TDatabase>) {}

  run<T>(work: (trx: Transaction<TDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** The pool, for single statements outside a transaction. */
  get executor(): Executor<TDatabase> {
    return this.db;
  }
}

/** Postgres unique-violation, with the constraint that fired. */
export function uniqueViolation(error: unknown): string | null {
  const pgError = error as { code?: unknown; constraint?: unknown };
  return pgError?.code === '23505' && typeof pgError.constraint === 'string' ? pgError.constraint : null;
}
