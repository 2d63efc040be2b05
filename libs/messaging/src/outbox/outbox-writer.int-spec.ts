import { randomUUID } from 'node:crypto';
import { type AnyEvent } from '@bonfire/contracts';
import { createDatabase } from '@bonfire/platform';
import { createTestDatabase, type TestDatabase } from '@bonfire/platform/testing';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../event-bus';
import { waitFor } from '../event-bus.contract';
import { outboxMigration } from './outbox-migration';
import { OutboxWriter } from './outbox-writer';

let database: TestDatabase;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests touch only the library's own tables
let db: Kysely<any>;
const writer = new OutboxWriter();
const opened: ControlledTransaction<unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase('bonfire_outboxwriter');
  db = createDatabase({ url: database.url, maxConnections: 6 });
  await outboxMigration.up(db);
});

// A failed test may leave transactions open (and other ones blocked behind them).
afterEach(async () => {
  for (const trx of opened.splice(0)) {
    if (!trx.isCommitted && !trx.isRolledBack)
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
  }
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

function event(key: string, sequence: number): AnyEvent {
  return createEvent('platform.selftest', key, { sequence, note: 'writer-test' }, 'outbox-writer-test');
}

/** Tracks whether a pending promise has settled, without awaiting it. */
function track<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const tracked = promise.finally(() => (settled = true));
  return { promise: tracked, settled: () => settled };
}

/** The advisory locks transactions of this database are blocked on right now (one entry per waiter). */
async function awaitedLocks(): Promise<string[]> {
  const { rows } = await sql<{ objid: string }>`
    select l.objid from pg_locks l join pg_database d on d.oid = l.database
    where l.locktype = 'advisory' and not l.granted and d.datname = current_database()`.execute(db);
  return rows.map((row) => String(row.objid));
}

async function lockWaiters(): Promise<number> {
  return (await awaitedLocks()).length;
}

async function positionsOf(events: AnyEvent[]): Promise<number[]> {
  const { rows } = await sql<{ event_id: string; position: string }>`
    select event_id, position from outbox_events where event_id = any(${events.map((e) => e.id)}::uuid[])`.execute(
    db,
  );
  const byId = new Map(rows.map((row) => [row.event_id, Number(row.position)]));
  return events.map((e) => byId.get(e.id)!);
}

async function open(): Promise<ControlledTransaction<unknown>> {
  const trx = await db.startTransaction().execute();
  opened.push(trx);
  return trx;
}

describe('OutboxWriter on Postgres', () => {
  it('inserts one add in event order, notifying in the same statement', async () => {
    const key = randomUUID();
    const events = [event(key, 1), event(`${key}-other`, 2), event(key, 3)];
    await db.transaction().execute((trx) => writer.add(trx, events));
    const positions = await positionsOf(events);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("writes, in a caller's statement, only the events whose ref the filter keeps, in event order", async () => {
    const key = randomUUID();
    const events = [event(key, 1), event(key, 2), event(key, 3), event(key, 4)];
    const insertion = writer.insertionOf(
      writer.insertionValues(events, ['r1', 'r2', 'r3', 'r4']),
      sql`array['r4', 'r1', 'r3']`,
    );
    await db
      .transaction()
      .execute((trx) => sql`with kept as (${insertion}) select count(*) from kept`.execute(trx));
    const [one, two, three, four] = await positionsOf(events);
    expect(two).toBeUndefined();
    expect(one).toBeLessThan(three!);
    expect(three).toBeLessThan(four!);
  });

  it('makes a second writer of the same key wait, so commit order is position order', async () => {
    const key = randomUUID();
    const [first, second, third] = [event(key, 1), event(key, 2), event(key, 3)];
    const holder = await open();
    await writer.add(holder, first);

    const other = await open();
    const blocked = track(writer.add(other, second));
    await expect.poll(() => lockWaiters()).toBe(1);
    expect(blocked.settled()).toBe(false);

    // Had the waiting writer already taken its position, this later event would get a smaller one.
    await writer.add(holder, third);
    expect(blocked.settled()).toBe(false);
    await holder.commit().execute();
    await blocked.promise;
    await other.commit().execute();

    const [firstPosition, secondPosition, thirdPosition] = await positionsOf([first, second, third]);
    expect(firstPosition).toBeLessThan(thirdPosition!);
    expect(thirdPosition).toBeLessThan(secondPosition!);
  });

  it('does not deadlock two multi-key adds that list their keys in opposite order', async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    // Holding both keys lines both writers up behind it; locking in event order, each would then take its
    // first key and wait forever for the other's.
    const holder = await open();
    await writer.add(holder, [event(a, 0), event(b, 0)]);
    const forward = await open();
    const backward = await open();
    const forwardEvents = [event(a, 1), event(b, 1)];
    const backwardEvents = [event(b, 2), event(a, 2)];
    const forwardAdd = track(writer.add(forward, forwardEvents));
    const backwardAdd = track(writer.add(backward, backwardEvents));
    await expect.poll(() => lockWaiters()).toBe(2);
    // Both wait for the same (smallest) key, so neither can hold a key the other one waits for.
    expect(new Set(await awaitedLocks()).size).toBe(1);

    await holder.commit().execute();
    await waitFor(() => forwardAdd.settled() || backwardAdd.settled());
    // The winner holds both keys; the other still waits for its first key until the winner commits.
    const [winner, loser] = forwardAdd.settled()
      ? [
          { trx: forward, add: forwardAdd },
          { trx: backward, add: backwardAdd },
        ]
      : [
          { trx: backward, add: backwardAdd },
          { trx: forward, add: forwardAdd },
        ];
    expect(loser.add.settled()).toBe(false);
    await winner.add.promise;
    await winner.trx.commit().execute();
    await loser.add.promise;
    await loser.trx.commit().execute();

    const positions = await positionsOf([...forwardEvents, ...backwardEvents]);
    expect(positions.every(Number.isFinite)).toBe(true);
  });
});
