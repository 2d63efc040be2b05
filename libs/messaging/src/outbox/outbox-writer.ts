import { parseEvent, type AnyEvent } from '@bonfire/contracts';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import { toArray, topicOf } from '../event-bus';
import { OUTBOX_TABLE } from './outbox-migration';

/**
 * Channel the writer notifies on commit: one notification per event, `<table oid> <position> <envelope
 * JSON>`, or without the envelope when it would not fit (a NOTIFY payload is under 8,000 bytes). The
 * channel is per database, and services may share one (the standalone shape's schemas, or a deployment's
 * choice): the table's oid tells each relay which notifications are its own.
 */
export const OUTBOX_CHANNEL = 'bonfire_outbox';
/** Envelopes up to this many bytes travel in their notification (leaves room for the oid and position). */
const NOTIFY_ENVELOPE_MAX_BYTES = 7_900;

/** A commit's notification as the relay reads it: the event, or only its position (`envelope` null). */
export interface OutboxNotification {
  /** The oid of the outbox table the row went into. */
  table: string;
  position: string;
  envelope: AnyEvent | null;
}

/**
 * Reads a notification of OUTBOX_CHANNEL; null for one that names nothing (an empty payload, as writers
 * before payloads sent): the relay then reads its table.
 */
export function parseOutboxNotification(payload: string | undefined): OutboxNotification | null {
  const match = /^(\d+) (\d+)(?: |$)/.exec(payload ?? '');
  if (!match) return null;
  const [head, table, position] = match as unknown as [string, string, string];
  const rest = payload!.slice(head.length);
  return { table, position, envelope: rest ? (JSON.parse(rest) as AnyEvent) : null };
}

/** First half of the two-int advisory-lock keys the outbox uses (per-key write locks, relay lock). */
export const OUTBOX_LOCK_NAMESPACE = 0x0b0f;

/**
 * An insertion's two parameters: its events as one JSON array (with their topics and filter refs), and
 * their keys, sorted. The statement's text does not depend on them, so a caller may precompile it
 * (`insertionOf` with PrecompiledQuery's argument markers).
 */
export interface OutboxInsertionValues {
  events: string;
  keys: string[];
}

/**
 * Writes events into the outbox inside the caller's transaction: they exist if and only if the state
 * change they describe commits.
 *
 * Per-key order: the writer takes a transaction-scoped advisory lock per event key before inserting, so
 * two transactions writing events with the same key commit in the order they got their positions — the
 * relay, reading in position order, can then never publish a later event of a key before an earlier one.
 * (Transactions writing different keys do not wait for each other.)
 *
 * Locks, insert and notify are one statement (one round trip); `insertion` gives that statement's insert
 * to a caller that writes its change and its events in one statement of its own.
 */
export class OutboxWriter {
  async add<DB>(trx: Transaction<DB>, events: AnyEvent | readonly AnyEvent[]): Promise<void> {
    const list = toArray(events);
    if (list.length === 0) return;
    await sql`with inserted as (${this.insertion(list)}) select count(*) from inserted`.execute(trx);
  }

  /**
   * The outbox insert of `events` (validated here), with its key locks and its NOTIFY, as the body of a
   * data-modifying CTE: `with events as (${insertion}) …`. A CTE runs to completion even when nothing reads
   * it; it notifies only when it inserts.
   */
  insertion(events: readonly AnyEvent[]): RawBuilder<unknown> {
    return this.insertionOf(this.insertionValues(events));
  }

  /**
   * The parameters of an insertion of `events` (validated here). `refs`, one per event (e.g. the id of the
   * row the event describes), let `insertionOf`'s `keep` write only some of them.
   */
  insertionValues(events: readonly AnyEvent[], refs?: readonly string[]): OutboxInsertionValues {
    const valid = events.map((event) => parseEvent(event));
    if (valid.length === 0) throw new Error('an outbox insertion needs at least one event');
    if (refs && refs.length !== valid.length) throw new Error('one filter ref per event');
    const rows = valid.map((event, index) => ({
      event_id: event.id,
      topic: topicOf(event),
      key: event.key,
      envelope: event,
      ref: refs?.[index] ?? null,
    }));
    // Sorted, so two transactions locking several keys cannot deadlock on each other.
    const keys = [...new Set(valid.map((event) => event.key))].sort();
    return { events: JSON.stringify(rows), keys };
  }

  /**
   * The insertion statement for `values` (OutboxInsertionValues, or argument markers standing for them);
   * with `keep` (SQL for a text[], e.g. `array(select id::text from inserted)`), only the events whose ref
   * is in it are written (their keys are locked all the same).
   */
  insertionOf(values: { events: unknown; keys: unknown }, keep?: RawBuilder<unknown>): RawBuilder<unknown> {
    // The lock subquery is uncorrelated, so Postgres runs it once as an InitPlan of a one-time filter
    // (a gating Result node) before the first row is fetched, i.e. before any row's `position` default is
    // evaluated; its volatile target list is never pruned or pulled up, and it scans the keys in array
    // order. Rows stream from the function scan in array order, so positions follow event order: the filter
    // is a per-row test against an array (an InitPlan too), never a join that could reorder them.
    // Notifications are delivered at commit, in commit order (which per key is position order, by the
    // locks above): the relay publishes from them without reading the table back.
    return sql`
      insert into ${sql.table(OUTBOX_TABLE)} (event_id, topic, key, envelope)
      select event.event_id, event.topic, event.key, event.envelope
      from jsonb_to_recordset(${values.events}::jsonb)
        as event (event_id uuid, topic text, key text, envelope jsonb, ref text)
      where (
        select count(*) from (
          select pg_advisory_xact_lock(${OUTBOX_LOCK_NAMESPACE}::int, hashtext(locked.key))
          from unnest(${values.keys}::text[]) as locked (key)
        ) as locks
      ) >= 0${keep ? sql` and event.ref = any(${keep})` : sql``}
      returning pg_notify(
        ${OUTBOX_CHANNEL},
        tableoid::text || ' ' || position::text || case when octet_length(envelope::text) <= ${NOTIFY_ENVELOPE_MAX_BYTES}
          then ' ' || envelope::text else '' end)`;
  }
}
