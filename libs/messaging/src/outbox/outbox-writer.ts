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
 *
 * Locks, insert and notify are one statement (one round trip).
 */
export class OutboxWriter {
  async add<DB>(trx: Transaction<DB>, events: AnyEvent | readonly AnyEvent[]): Promise<void> {
    const valid = toArray(events).map((event) => parseEvent(event));
    if (valid.length === 0) return;
    // Sorted, so two transactions locking several keys cannot deadlock on each other.
    const keys = [...new Set(valid.map((event) => event.key))].sort();
    const lockedKeys = keys.map((key) => sql`(${key}::text)`);
    const rows = valid.map(
      (event) =>
        sql`(${event.id}::uuid, ${topicOf(event)}::text, ${event.key}::text, ${JSON.stringify(event)}::jsonb)`,
    );
    // The lock subquery is uncorrelated, so Postgres runs it once as an InitPlan of a one-time filter
    // (a gating Result node) before the first row is fetched, i.e. before any row's `position` default is
    // evaluated; its volatile target list is never pruned or pulled up, and it scans the keys in list order.
    // Rows stream from the VALUES scan in list order, so positions follow event order. A data-modifying CTE
    // always runs to completion; the NOTIFY is only delivered at commit, so its place in the statement is moot.
    await sql`
      with inserted as (
        insert into ${sql.table(OUTBOX_TABLE)} (event_id, topic, key, envelope)
        select event.event_id, event.topic, event.key, event.envelope
        from (values ${sql.join(rows)}) as event (event_id, topic, key, envelope)
        where (
          select count(*) from (
            select pg_advisory_xact_lock(${OUTBOX_LOCK_NAMESPACE}::int, hashtext(locked.key))
            from (values ${sql.join(lockedKeys)}) as locked (key)
          ) as locks
        ) >= 0
        returning 1
      )
      select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
  }
}
