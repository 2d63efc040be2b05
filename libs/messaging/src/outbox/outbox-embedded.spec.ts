import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS, type AnyEvent } from '@bonfire/contracts';
import {
  createEmbeddedDatabase,
  EmbeddedPostgres,
  migrateToLatest,
  sql,
  type EmbeddedPool,
  type Kysely,
} from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../event-bus';
import { InProcessEventBus } from '../in-process-event-bus';
import { outboxMigration, OUTBOX_TABLE } from './outbox-migration';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

/** The standalone shape's outbox: the same writer and relay on the embedded database's one session. */
describe('outbox on the embedded database with the in-process bus', () => {
  let directory: string;
  let pool: EmbeddedPool;
  let db: Kysely<unknown>;
  let bus: InProcessEventBus;
  let relay: OutboxRelay;
  const received: AnyEvent[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bonfire-outbox-'));
    const database = await EmbeddedPostgres.shared(directory);
    pool = await database.pool('svc');
    db = createEmbeddedDatabase<unknown>(pool);
    await migrateToLatest(db, { '0001_outbox': outboxMigration }, 'svc');
    bus = new InProcessEventBus({ acknowledge: 'handled' });
    await bus.subscribe({
      group: 'observer',
      topics: [TOPICS.platformSelftest],
      handler: async (event) => void received.push(event),
    });
    relay = new OutboxRelay({
      connection: {
        query: (text, params) => pool.query(text, params),
        listen: (channel, listener) => database.listen(channel, listener),
      },
      bus,
      pollIntervalMs: 5_000,
    });
    relay.start();
  }, 60_000);

  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('publishes committed events in order, woken by the commit, and marks them published', async () => {
    const writer = new OutboxWriter();
    const events = [1, 2, 3].map((sequence) =>
      createEvent('platform.selftest', 'channel-1', { sequence }, 'test'),
    );
    await db.transaction().execute((trx) => writer.add(trx, events));
    // The poll interval is 5 s: arriving sooner means the NOTIFY woke the relay.
    await expect.poll(() => received.length, { timeout: 2_000 }).toBe(3);
    expect(received.map((event) => event.id)).toEqual(events.map((event) => event.id));
    const unpublished = async () => {
      const { rows } = await sql<{ unpublished: string }>`
        select count(*) as unpublished from ${sql.table(OUTBOX_TABLE)} where published_at is null`.execute(
        db,
      );
      return rows[0]?.unpublished;
    };
    // Marked within the relay's mark delay (100 ms).
    await expect.poll(unpublished, { timeout: 2_000 }).toBe('0');
  });

  it('publishes nothing of a transaction that rolled back', async () => {
    const before = received.length;
    const writer = new OutboxWriter();
    await expect(
      db.transaction().execute(async (trx) => {
        await writer.add(trx, createEvent('platform.selftest', 'k', { sequence: 99 }, 'test'));
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    const committed = createEvent('platform.selftest', 'k', { sequence: 100 }, 'test');
    await db.transaction().execute((trx) => writer.add(trx, committed));
    await expect.poll(() => received.length, { timeout: 2_000 }).toBe(before + 1);
    expect(received.at(-1)?.id).toBe(committed.id);
  });
});

describe('outbox relay woken during a round', () => {
  let directory: string;
  let db: Kysely<unknown>;
  let relay: OutboxRelay;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bonfire-outbox-busy-'));
  });

  afterAll(async () => {
    await relay?.stop();
    await db?.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('publishes an event committed while it was publishing without waiting for its next poll', async () => {
    const database = await EmbeddedPostgres.shared(directory);
    const pool = await database.pool('svc');
    db = createEmbeddedDatabase<unknown>(pool);
    await migrateToLatest(db, { '0001_outbox': outboxMigration }, 'svc');
    const published: string[] = [];
    let firstPublishStarted!: () => void;
    const publishing = new Promise<void>((resolve) => (firstPublishStarted = resolve));
    let releaseFirstPublish!: () => void;
    const firstPublishDone = new Promise<void>((resolve) => (releaseFirstPublish = resolve));
    relay = new OutboxRelay({
      connection: {
        query: (text, params) => pool.query(text, params),
        listen: (channel, listener) => database.listen(channel, listener),
      },
      bus: {
        publish: async (events) => {
          if (published.length === 0) {
            firstPublishStarted();
            await firstPublishDone;
          }
          published.push(...[events].flat().map((event) => event.id));
        },
      },
      pollIntervalMs: 30_000,
    });
    relay.start();
    const writer = new OutboxWriter();
    const [first, second] = [1, 2].map((sequence) =>
      createEvent('platform.selftest', 'k', { sequence }, 'test'),
    );
    await db.transaction().execute((trx) => writer.add(trx, first!));
    await publishing;
    // Committed (and notified) while the relay is still publishing the first one.
    await db.transaction().execute((trx) => writer.add(trx, second!));
    releaseFirstPublish();
    // The poll interval is 30 s: arriving sooner means the commit's NOTIFY was not lost.
    await expect.poll(() => published.length, { timeout: 3_000 }).toBe(2);
    expect(published).toEqual([first!.id, second!.id]);
  });

  it('publishes from the notifications, reading the table only when a notification has no envelope', async () => {
    const database = await EmbeddedPostgres.shared(directory);
    const pool = await database.pool('svc');
    const published: string[] = [];
    const reads: string[] = [];
    const writer = new OutboxWriter();
    const reading = new OutboxRelay({
      connection: {
        query: async (text, params) => {
          if (/^\s*select position, envelope/.test(text)) reads.push(text);
          return pool.query(text, params);
        },
        listen: (channel, listener) => database.listen(channel, listener),
      },
      bus: { publish: async (events) => void published.push(...[events].flat().map((event) => event.id)) },
      pollIntervalMs: 30_000,
    });
    await relay.stop();
    relay = reading;
    relay.start();
    // Its first round reads the table (it may have missed commits before it led).
    await expect.poll(() => reads.length, { timeout: 3_000 }).toBe(1);

    const event = (sequence: number, note?: string) =>
      createEvent('platform.selftest', 'k', { sequence, ...(note ? { note } : {}) }, 'test');
    const small = [10, 11, 12].map((sequence) => event(sequence));
    for (const one of small) await db.transaction().execute((trx) => writer.add(trx, one));
    await expect.poll(() => published.length, { timeout: 3_000 }).toBe(3);
    expect(reads).toHaveLength(1);

    // Too large for a NOTIFY payload: its notification names only its position, and the relay reads it,
    // in order with the small ones committed around it.
    const large = event(13, 'x'.repeat(9_000));
    const after = event(14);
    await db.transaction().execute(async (trx) => {
      await writer.add(trx, large);
      await writer.add(trx, after);
    });
    await expect.poll(() => published.length, { timeout: 3_000 }).toBe(5);
    expect(published).toEqual([...small, large, after].map((one) => one.id));
    expect(reads).toHaveLength(2);
  });

  it('keeps order and loses nothing when more commits come in than it queues while the bus is slow', async () => {
    const database = await EmbeddedPostgres.shared(directory);
    const pool = await database.pool('svc');
    const published: string[] = [];
    const writer = new OutboxWriter();
    let releasePublish!: () => void;
    const publishBlocked = new Promise<void>((resolve) => (releasePublish = resolve));
    let publishing!: () => void;
    const started = new Promise<void>((resolve) => (publishing = resolve));
    const slow = new OutboxRelay({
      connection: {
        query: (text, params) => pool.query(text, params),
        listen: (channel, listener) => database.listen(channel, listener),
      },
      bus: {
        publish: async (events) => {
          publishing();
          await publishBlocked;
          published.push(...[events].flat().map((event) => event.id));
        },
      },
      // At most 20 heard commits are queued (ten batches).
      batchSize: 2,
      pollIntervalMs: 30_000,
    });
    await relay.stop();
    relay = slow;
    relay.start();
    const events = Array.from({ length: 30 }, (_, index) =>
      createEvent('platform.selftest', 'slow', { sequence: index }, 'test'),
    );
    await db.transaction().execute((trx) => writer.add(trx, events[0]!));
    await started;
    for (const event of events.slice(1)) await db.transaction().execute((trx) => writer.add(trx, event));
    releasePublish();

    await expect.poll(() => published.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(30);
    expect(published.filter((id) => events.some((event) => event.id === id))).toEqual(
      events.map((event) => event.id),
    );
  });
});

describe('two services whose outboxes share one database', () => {
  let directory: string;
  const relays: OutboxRelay[] = [];
  const databases: Kysely<unknown>[] = [];

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'bonfire-outbox-shared-'));
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(databases.map((db) => db.destroy()));
    rmSync(directory, { recursive: true, force: true });
  });

  it("each relay publishes its own outbox's events only, though both hear every commit", async () => {
    const database = await EmbeddedPostgres.shared(directory);
    const service = async (name: string) => {
      const pool = await database.pool(name);
      const db = createEmbeddedDatabase<unknown>(pool);
      databases.push(db);
      await migrateToLatest(db, { '0001_outbox': outboxMigration }, name);
      const published: string[] = [];
      const relay = new OutboxRelay({
        connection: {
          query: (text, params) => pool.query(text, params),
          listen: (channel, listener) => database.listen(channel, listener),
        },
        bus: { publish: async (events) => void published.push(...[events].flat().map((event) => event.id)) },
        pollIntervalMs: 30_000,
      });
      relays.push(relay);
      relay.start();
      return { db, published };
    };
    const alpha = await service('alpha');
    const beta = await service('beta');
    const writer = new OutboxWriter();
    const eventsOf = (key: string, count: number) =>
      Array.from({ length: count }, (_, sequence) =>
        createEvent('platform.selftest', key, { sequence }, 'test'),
      );
    const alphaEvents = eventsOf('a', 2);
    const betaEvents = eventsOf('b', 3);
    // The same positions in both tables: a relay that took the other's notifications would publish and
    // mark the wrong rows.
    for (const [index, event] of betaEvents.entries()) {
      await beta.db.transaction().execute((trx) => writer.add(trx, event));
      if (alphaEvents[index])
        await alpha.db.transaction().execute((trx) => writer.add(trx, alphaEvents[index]!));
    }

    await expect.poll(() => beta.published.length, { timeout: 3_000 }).toBe(3);
    await expect.poll(() => alpha.published.length, { timeout: 3_000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alpha.published).toEqual(alphaEvents.map((event) => event.id));
    expect(beta.published).toEqual(betaEvents.map((event) => event.id));
  });
});
