import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { type AnyEvent } from '@bonfire/contracts';
import { createDatabase } from '@bonfire/platform';
import { createTestDatabase, type TestDatabase } from '@bonfire/platform/testing';
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type Subscription } from '../event-bus';
import { waitFor } from '../event-bus.contract';
import { IdempotentConsumer, processedEventsMigration } from '../idempotent-consumer';
import { KafkaEventBus } from '../kafka-event-bus';
import { outboxMigration } from './outbox-migration';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

let database: TestDatabase;
let databaseUrl: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests touch only the library's own tables
let db: Kysely<any>;
let bus: KafkaEventBus;
const writer = new OutboxWriter();
const relays: OutboxRelay[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase('bonfire_msgtest');
  databaseUrl = database.url;
  db = createDatabase({ url: databaseUrl, maxConnections: 8 });
  await outboxMigration.up(db);
  await processedEventsMigration.up(db);
  bus = new KafkaEventBus({
    brokers,
    clientId: 'outbox-test',
    session: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 100, rebalanceTimeoutMs: 3_000 },
    fetchMaxWaitMs: 100,
  });
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});

afterAll(async () => {
  await bus?.close();
  await db?.destroy();
  await database?.drop();
});

/** Collects this run's events from platform.selftest through a fresh consumer group. */
async function collect(run: string): Promise<{ received: AnyEvent[]; subscription: Subscription }> {
  const received: AnyEvent[] = [];
  const subscription = await bus.subscribe({
    group: `outbox-test-${run}`,
    topics: ['platform.selftest'],
    handler: async (event) => {
      if (event.type === 'platform.selftest' && event.data.note === run) received.push(event);
    },
  });
  return { received, subscription };
}

/** Writes `count` events per key, one transaction each, keys written concurrently; returns the commits. */
async function writeEvents(run: string, keys: string[], count: number, rollBackEvery = 0) {
  const committed: AnyEvent[] = [];
  const rolledBack: AnyEvent[] = [];
  await Promise.all(
    keys.map(async (key) => {
      for (let sequence = 0; sequence < count; sequence++) {
        const event = createEvent('platform.selftest', key, { sequence, note: run }, 'outbox-test');
        const rollBack = rollBackEvery > 0 && sequence % rollBackEvery === rollBackEvery - 1;
        try {
          await db.transaction().execute(async (trx) => {
            await writer.add(trx, event);
            if (rollBack) throw new Error('roll back');
          });
          committed.push(event);
        } catch {
          rolledBack.push(event);
        }
      }
    }),
  );
  return { committed, rolledBack };
}

/** Per key, the order in which events first arrived (redeliveries after a crash may repeat some). */
function firstArrivalsByKey(received: AnyEvent[]): Map<string, string[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, string[]>();
  for (const event of received) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    byKey.set(event.key, [...(byKey.get(event.key) ?? []), event.id]);
  }
  return byKey;
}

function expectCommittedOrderPerKey(received: AnyEvent[], committed: AnyEvent[]): void {
  const arrivals = firstArrivalsByKey(received);
  for (const key of new Set(committed.map((event) => event.key))) {
    expect(arrivals.get(key)).toEqual(
      committed.filter((event) => event.key === key).map((event) => event.id),
    );
  }
}

async function unpublishedCount(run: string): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*) as count from outbox_events where published_at is null and envelope->'data'->>'note' = ${run}`.execute(
    db,
  );
  return Number(result.rows[0]!.count);
}

describe('transactional outbox (Postgres + Kafka)', () => {
  it('publishes every committed event, in order per key, and none from rolled-back transactions', async () => {
    const run = randomUUID();
    const { received, subscription } = await collect(run);
    const relay = new OutboxRelay({ connection: databaseUrl, bus, batchSize: 20, pollIntervalMs: 100 });
    relays.push(relay);
    relay.start();

    const { committed, rolledBack } = await writeEvents(run, ['k1', 'k2', 'k3', 'k4'], 25, 5);

    await waitFor(() => new Set(received.map((event) => event.id)).size >= committed.length);
    await new Promise((done) => setTimeout(done, 500)); // anything extra would show up now
    const receivedIds = new Set(received.map((event) => event.id));
    expect(receivedIds).toEqual(new Set(committed.map((event) => event.id)));
    expect(rolledBack.length).toBe(20);
    for (const event of rolledBack) expect(receivedIds.has(event.id)).toBe(false);
    expectCommittedOrderPerKey(received, committed);
    // Marked within the relay's mark delay.
    await expect.poll(() => unpublishedCount(run), { timeout: 2_000 }).toBe(0);
    await subscription.close();
  });

  it('loses nothing when the relay process is killed mid-stream and another relay takes over', async () => {
    const run = randomUUID();
    const { received, subscription } = await collect(run);
    const { committed } = await writeEvents(run, ['a', 'b', 'c'], 60);

    const child = spawn(
      process.execPath,
      ['--conditions=@bonfire/source', '--import', 'tsx', 'src/outbox/testing/relay-process.ts'],
      {
        cwd: resolve(__dirname, '../..'),
        env: {
          ...process.env,
          OUTBOX_TEST_DATABASE_URL: databaseUrl,
          RELAY_BATCH_SIZE: '7',
          RELAY_MARK_DELAY_MS: '40',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push(child);
    await waitFor(() => received.length >= 30, 30_000);
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    const leftBehind = await unpublishedCount(run);
    expect(leftBehind).toBeGreaterThan(0);

    // The killed relay's session is gone, so its lock is too: a new relay takes over.
    const relay = new OutboxRelay({ connection: databaseUrl, bus, batchSize: 50, pollIntervalMs: 100 });
    relays.push(relay);
    relay.start();

    await waitFor(() => new Set(received.map((event) => event.id)).size >= committed.length);
    expect(new Set(received.map((event) => event.id))).toEqual(new Set(committed.map((event) => event.id)));
    expectCommittedOrderPerKey(received, committed);
    // Marked within the relay's mark delay.
    await expect.poll(() => unpublishedCount(run), { timeout: 2_000 }).toBe(0);
    await subscription.close();
  });

  it('lets only one relay publish at a time; a waiting relay takes over when the first stops', async () => {
    const run = randomUUID();
    const { received, subscription } = await collect(run);
    const first = new OutboxRelay({ connection: databaseUrl, bus, pollIntervalMs: 50 });
    const second = new OutboxRelay({ connection: databaseUrl, bus, pollIntervalMs: 50 });
    relays.push(first, second);
    first.start();
    await waitFor(() => first.isLeader);
    second.start();
    await new Promise((done) => setTimeout(done, 300));
    expect(second.isLeader).toBe(false);

    await first.stop();
    await waitFor(() => second.isLeader);
    const { committed } = await writeEvents(run, ['solo'], 5);
    await waitFor(() => received.length >= committed.length);
    expectCommittedOrderPerKey(received, committed);
    await subscription.close();
  });
});

describe('idempotent consumer (Postgres)', () => {
  it('applies a redelivered event once', async () => {
    await sql`create table if not exists effects (id serial primary key, event_id uuid not null)`.execute(db);
    const consumer = new IdempotentConsumer(db);
    const event = createEvent('platform.selftest', 'k', { sequence: 1 }, 'idempotency-test');
    const apply = async (trx: Transaction<unknown>) => {
      await sql`insert into effects (event_id) values (${event.id}::uuid)`.execute(trx);
    };

    const first = await consumer.handleOnce('test-consumer', event, apply);
    const second = await consumer.handleOnce('test-consumer', event, apply);
    const otherConsumer = await consumer.handleOnce('other-consumer', event, async () => undefined);

    expect([first, second, otherConsumer]).toEqual([true, false, true]);
    const effects = await sql<{
      count: string;
    }>`select count(*) as count from effects where event_id = ${event.id}::uuid`.execute(db);
    expect(Number(effects.rows[0]!.count)).toBe(1);
  });

  it('does not record an event whose effect failed, so the redelivery applies it', async () => {
    const consumer = new IdempotentConsumer(db);
    const event = createEvent('platform.selftest', 'k', { sequence: 2 }, 'idempotency-test');

    await expect(
      consumer.handleOnce('test-consumer', event, async () => {
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');
    expect(await consumer.handleOnce('test-consumer', event, async () => undefined)).toBe(true);
  });

  it('applies concurrent duplicates once', async () => {
    const consumer = new IdempotentConsumer(db);
    const event = createEvent('platform.selftest', 'k', { sequence: 3 }, 'idempotency-test');
    let effects = 0;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        consumer.handleOnce('test-consumer', event, async () => {
          effects++;
          await new Promise((done) => setTimeout(done, 50));
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(effects).toBe(1);
  });
});
