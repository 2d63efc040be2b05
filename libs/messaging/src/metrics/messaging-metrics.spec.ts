import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@bonfire/contracts';
import {
  createEmbeddedDatabase,
  EmbeddedPostgres,
  migrateToLatest,
  sql,
  type Kysely,
} from '@bonfire/platform';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../event-bus';
import { InProcessEventBus } from '../in-process-event-bus';
import { outboxMigration, OUTBOX_TABLE } from '../outbox/outbox-migration';
import { OutboxWriter } from '../outbox/outbox-writer';
import { meteredEventBus, registerOutboxBacklog } from './messaging-metrics';

async function value(registry: Registry, name: string, labels: Record<string, string> = {}) {
  const metric = registry.getSingleMetric(name);
  const { values } = await metric!.get();
  return values.find((entry) => Object.entries(labels).every(([key, v]) => entry.labels[key] === v))?.value;
}

const event = (sequence: number) => createEvent('platform.selftest', `k${sequence}`, { sequence }, 'test');

describe('messaging_consumer_lag', () => {
  it("reports each subscribed group's unhandled events at scrape time, and forgets closed subscriptions", async () => {
    const registry = new Registry();
    const adapter = new InProcessEventBus({ partitions: 1 });
    const bus = meteredEventBus(adapter, registry);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let handled = 0;
    const subscription = await bus.subscribe({
      group: 'slow-group',
      topics: [TOPICS.platformSelftest],
      handler: async () => {
        await blocked;
        handled++;
      },
    });
    await bus.publish([event(1), event(2), event(3)]);
    expect(await value(registry, 'messaging_consumer_lag', { group: 'slow-group' })).toBeGreaterThanOrEqual(
      2,
    );

    release();
    await expect.poll(() => handled).toBe(3);
    expect(await value(registry, 'messaging_consumer_lag', { group: 'slow-group' })).toBe(0);

    await subscription.close();
    expect(await value(registry, 'messaging_consumer_lag', { group: 'slow-group' })).toBeUndefined();
    await bus.close();
  });

  it('passes everything else through to the adapter', async () => {
    const adapter = new InProcessEventBus({ acknowledge: 'handled' });
    const bus = meteredEventBus(adapter, new Registry());
    const seen: number[] = [];
    const subscription = await bus.subscribeBatch({
      group: 'batch',
      topics: [TOPICS.platformSelftest],
      handler: async (events) =>
        void seen.push(...events.map((e) => (e.data as { sequence: number }).sequence)),
    });
    await bus.publish(event(7));
    expect(seen).toEqual([7]);
    expect(await subscription.lag?.()).toBe(0);
    await subscription.close();
    await bus.close();
  });
});

describe('outbox backlog gauges', () => {
  let directory: string;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bonfire-outbox-metrics-'));
    const database = await EmbeddedPostgres.shared(directory);
    db = createEmbeddedDatabase<unknown>(await database.pool('svc'));
    await migrateToLatest(db, { '0001_outbox': outboxMigration }, 'svc');
  }, 60_000);

  afterAll(async () => {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('counts unpublished events and ages the oldest, 0 once published', async () => {
    const registry = new Registry();
    registerOutboxBacklog(registry, db);
    expect(await value(registry, 'outbox_backlog_events')).toBe(0);
    expect(await value(registry, 'outbox_oldest_unpublished_seconds')).toBe(0);

    const writer = new OutboxWriter();
    await db.transaction().execute((trx) => writer.add(trx, [event(1), event(2)]));
    await sql`update ${sql.table(OUTBOX_TABLE)} set created_at = now() - interval '90 seconds' where key = 'k1'`.execute(
      db,
    );
    expect(await value(registry, 'outbox_backlog_events')).toBe(2);
    const age = await value(registry, 'outbox_oldest_unpublished_seconds');
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(120);

    await sql`update ${sql.table(OUTBOX_TABLE)} set published_at = now()`.execute(db);
    expect(await value(registry, 'outbox_backlog_events')).toBe(0);
    expect(await value(registry, 'outbox_oldest_unpublished_seconds')).toBe(0);
  });

  it('reports NaN, not a stale number, when the database does not answer', async () => {
    const registry = new Registry();
    const broken = { executeQuery: () => Promise.reject(new Error('down')) };
    registerOutboxBacklog(registry, {
      getExecutor: () => broken,
    } as unknown as Kysely<unknown>);
    expect(await value(registry, 'outbox_backlog_events')).toBeNaN();
  });
});
