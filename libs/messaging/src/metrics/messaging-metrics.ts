import { sql, type Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { EventBus, Subscription } from '../event-bus';
import { OUTBOX_TABLE } from '../outbox/outbox-migration';

/** A scrape never waits longer than this for the bus or the database. */
const COLLECT_TIMEOUT_MS = 3_000;
/** The backlog count stops here: past it the number only says "very large", and counting costs. */
const OUTBOX_BACKLOG_COUNT_CAP = 100_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), COLLECT_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The service's event bus with `messaging_consumer_lag{group}`: for every consumer group this service
 * subscribed (the groups it runs), the events of its topics the group has not handled yet, as the bus
 * counts them (Kafka: end offsets minus committed offsets), read at scrape time. Every replica of a
 * service reports its groups' lag (the same number): alert on max by (group).
 */
export function meteredEventBus(bus: EventBus, registry: Registry): EventBus {
  const live = new Map<Subscription, string>();
  new Gauge({
    name: 'messaging_consumer_lag',
    help: 'Events of the subscribed topics a consumer group has not handled yet, by group (read at scrape time)',
    labelNames: ['group'],
    registers: [registry],
    async collect() {
      const lags = new Map<string, number | null>();
      await Promise.all(
        [...live].map(async ([subscription, group]) => {
          const lag = await withTimeout(subscription.lag?.() ?? Promise.resolve(null)).catch(() => null);
          const known = lags.has(group) ? lags.get(group)! : 0;
          lags.set(group, lag === null || known === null ? null : known + lag);
        }),
      );
      this.reset();
      for (const [group, lag] of lags) if (lag !== null) this.set({ group }, lag);
    },
  });
  const track = async (group: string, subscribing: Promise<Subscription>): Promise<Subscription> => {
    const subscription = await subscribing;
    live.set(subscription, group);
    return {
      close: async () => {
        live.delete(subscription);
        await subscription.close();
      },
      ...(subscription.lag && { lag: () => subscription.lag!() }),
    };
  };
  return {
    publish: (events) => bus.publish(events),
    subscribe: (options) => track(options.group, bus.subscribe(options)),
    subscribeBatch: (options) => track(options.group, bus.subscribeBatch(options)),
    subscribeDeadLetters: (options) => track(options.group, bus.subscribeDeadLetters(options)),
    close: () => bus.close(),
  };
}

/**
 * `outbox_backlog_events` and `outbox_oldest_unpublished_seconds`: what the service's transactional outbox
 * holds that the relay has not published yet, read from its database at scrape time (the partial index on
 * unpublished rows keeps both queries cheap). Every replica reports the same database: alert on max.
 */
export function registerOutboxBacklog(registry: Registry, db: Kysely<unknown>): void {
  type Backlog = { events: number; age: number };
  const read = async (): Promise<Backlog> => {
    const { rows } = await withTimeout(
      sql<{ events: string | number; age: string | number | null }>`
        select
          (select count(*) from (select 1 from ${sql.table(OUTBOX_TABLE)} where published_at is null
            limit ${OUTBOX_BACKLOG_COUNT_CAP}) as pending) as events,
          (select extract(epoch from now() - created_at) from ${sql.table(OUTBOX_TABLE)}
            where published_at is null order by position limit 1) as age`.execute(db),
    );
    const row = rows[0];
    return { events: Number(row?.events ?? 0), age: Math.max(0, Number(row?.age ?? 0)) };
  };
  // A scrape collects both gauges at once: they share one query. NaN when the database did not answer.
  let reading: Promise<Backlog> | null = null;
  const backlog = () => {
    reading ??= read()
      .catch(() => ({ events: NaN, age: NaN }))
      .finally(() => (reading = null));
    return reading;
  };
  new Gauge({
    name: 'outbox_backlog_events',
    help: `Outbox events committed but not published yet (counted up to ${OUTBOX_BACKLOG_COUNT_CAP})`,
    registers: [registry],
    async collect() {
      this.set((await backlog()).events);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unpublished_seconds',
    help: 'Age of the oldest outbox event not published yet (0 when the outbox is drained)',
    registers: [registry],
    async collect() {
      this.set((await backlog()).age);
    },
  });
}
