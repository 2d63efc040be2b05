import { InjectDatabase, type Kysely, type Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { AuthDatabase } from './schema';

/** What repositories run their queries on: the pool, or the transaction a service opened. */
export type Executor = Kysely<AuthDatabase> | Transaction<AuthDatabase>;

/**
 * The one way services open a transaction that spans several repositories (and the outbox). Services
 * never query: they pass the transaction on to repository methods.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDatabase() private readonly db: Kysely<AuthDatabase>) {}

  run<T>(work: (trx: Transaction<AuthDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** The pool, for single statements outside a transaction. */
  get executor(): Executor {
    return this.db;
  }
}

/** Postgres unique-violation, with the constraint that fired. */
export function uniqueViolation(error: unknown): string | null {
  const pgError = error as { code?: unknown; constraint?: unknown };
  return pgError?.code === '23505' && typeof pgError.constraint === 'string' ? pgError.constraint : null;
}
