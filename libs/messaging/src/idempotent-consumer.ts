import { type AnyEvent } from '@bonfire/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import { type Migration } from 'kysely/migration';
import { RecentSet } from './recent-set';

export const PROCESSED_EVENTS_TABLE = 'processed_events';

/** The ids of events each consumer has already applied. Add it to the consuming service's migrations. */
export const processedEventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable(PROCESSED_EVENTS_TABLE)
      .addColumn('consumer', 'text', (col) => col.notNull())
      .addColumn('event_id', 'uuid', (col) => col.notNull())
      .addColumn('processed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('processed_events_pkey', ['consumer', 'event_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable(PROCESSED_EVENTS_TABLE).execute();
  },
};

/**
 * Makes an at-least-once delivery have its effect once: the effect and the record of the event id commit
 * in one transaction, and an event id already recorded for this consumer is skipped. A concurrent
 * duplicate waits on the primary key until the first commits (then skips) or rolls back (then applies).
 */
export class IdempotentConsumer<DB> {
  constructor(private readonly db: Kysely<DB>) {}

  /** Runs `effect` unless `consumer` already processed this event. Returns whether it ran. */
  async handleOnce(
    consumer: string,
    event: Pick<AnyEvent, 'id'>,
    effect: (trx: Transaction<DB>) => Promise<void>,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await sql`
        insert into ${sql.table(PROCESSED_EVENTS_TABLE)} (consumer, event_id) values (${consumer}, ${event.id}::uuid)
        on conflict do nothing returning event_id`.execute(trx);
      if (inserted.rows.length === 0) return false;
      await effect(trx);
      return true;
    });
  }

  /** Forgets ids older than `olderThanMs` (keep it well above any redelivery window). */
  async prune(olderThanMs: number): Promise<number> {
    const result = await sql`
      delete from ${sql.table(PROCESSED_EVENTS_TABLE)}
      where processed_at < now() - make_interval(secs => ${olderThanMs / 1000})`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }
}

/**
 * The same guarantee for consumers whose effects are not in Postgres (Redis projections, socket fan-out):
 * remembers the last `capacity` event ids per process. Effects of one id never run concurrently.
 * Not durable — a restart forgets — so use it where a rare repeat after a restart is harmless.
 */
export class InMemoryIdempotentConsumer {
  private readonly seen: RecentSet<string>;
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(capacity = 10_000) {
    this.seen = new RecentSet(capacity);
  }

  async handleOnce(
    consumer: string,
    event: Pick<AnyEvent, 'id'>,
    effect: () => Promise<void>,
  ): Promise<boolean> {
    const id = `${consumer}\u0000${event.id}`;
    const pending = this.inFlight.get(id);
    if (pending) {
      // A duplicate arrived while the first delivery is running: it counts as done if that succeeds.
      return pending.then(
        () => false,
        () => this.handleOnce(consumer, event, effect),
      );
    }
    if (this.seen.has(id)) return false;
    const run = effect().then(() => {
      this.seen.add(id);
      return true;
    });
    this.inFlight.set(id, run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(id);
    }
  }
}
