import { parseEvent, type AnyEvent } from '@bonfire/contracts';
import { sql, type Transaction } from 'kysely';
import { toArray, topicOf } from '../event-bus';
import { OUTBOX_TABLE } from './outbox-migration';

/** Channel the writer notifies on commit, so an idle relay wakes at once instead of at its next poll. */
export const OUTBOX_CHANNEL = 'bonfire_outbox';
/** First half of the two-int advisory-lock keys the outbox uses (per-key write locks, relay lock). */
export const OUTBOX_LOCK_NAMESPACE = 0x0b0f;

/**
 * Writes events into the outbox inside the caller's transaction: they exist if and only if the state
 * change they describe commits.
 *
 * Per-key order: the writer takes a transaction-scoped advisory lock per event key before inserting, so
 * two transactions writing events with the same key commit in the order they got their positions — the
 * relay, reading in position order, can then never publish a later event of a key before an earlier one.
 * (Transactions writing different keys do not wait for each other.)
 */
export class OutboxWriter {
  async add<DB>(trx: Transaction<DB>, events: AnyEvent | readonly AnyEvent[]): Promise<void> {
    const valid = toArray(events).map((event) => parseEvent(event));
    if (valid.length === 0) return;
    // Sorted, so two transactions locking several keys cannot deadlock on each other.
    for (const key of [...new Set(valid.map((event) => event.key))].sort()) {
      await sql`select pg_advisory_xact_lock(${OUTBOX_LOCK_NAMESPACE}, hashtext(${key}))`.execute(trx);
    }
    const rows = valid.map(
      (event) => sql`(${event.id}::uuid, ${topicOf(event)}, ${event.key}, ${JSON.stringify(event)}::jsonb)`,
    );
    await sql`insert into ${sql.table(OUTBOX_TABLE)} (event_id, topic, key, envelope) values ${sql.join(rows)}`.execute(
      trx,
    );
    await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
  }
}
