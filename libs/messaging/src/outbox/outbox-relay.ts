import { type AnyEvent } from '@bonfire/contracts';
import pg from 'pg';
import { type EventBus } from '../event-bus';
import { errorMessage, silentLogger, type Logger } from '../logger';
import { RecentSet } from '../recent-set';
import { sleep } from '../retry';
import { OUTBOX_TABLE } from './outbox-migration';
import {
  OUTBOX_CHANNEL,
  OUTBOX_LOCK_NAMESPACE,
  parseOutboxNotification,
  type OutboxNotification,
} from './outbox-writer';

/**
 * The embedded database (standalone shape): one shared session, lent per statement. Its lock is the
 * process's own (a second process cannot open the data folder), so this relay always leads.
 */
export interface EmbeddedOutboxConnection {
  query(text: string, params?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number }>;
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface OutboxRelayOptions {
  /**
   * Where the outbox lives: a connection string or pg client settings (the relay opens its own session
   * and takes an advisory lock on it), or the embedded database.
   */
  connection: string | pg.ClientConfig | EmbeddedOutboxConnection;
  /** Only publish is used: any EventBus fits. */
  bus: Pick<EventBus, 'publish'>;
  logger?: Logger;
  /** Rows published per round. Default 100. */
  batchSize?: number;
  /**
   * How often a relay that heard of no commit reads the table anyway (a safety net: each commit's NOTIFY
   * carries its events). Default 200 ms.
   */
  pollIntervalMs?: number;
  /**
   * How long published rows may wait to be marked, so one statement marks many. A relay that dies
   * meanwhile leaves them to be published again (at-least-once). Default 100 ms.
   */
  markDelayMs?: number;
  /** Published rows older than this are deleted. Default one day. */
  retentionMs?: number;
  /** How often the relay deletes old published rows. Default ten minutes. */
  cleanupIntervalMs?: number;
}

/** Second half of the relay's session-level advisory-lock key (the first is OUTBOX_LOCK_NAMESPACE). */
const RELAY_LOCK_ID = 1;
/** Positions published lately, remembered to drop a notification of a row a read already published. */
const RECENT_POSITIONS = 10_000;

interface OutboxRow {
  position: string;
  envelope: AnyEvent;
}

/** The relay's view of its session: statements, the leader lock, and the writers' commit signal. */
interface RelaySession {
  query<Row>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
  tryLock(): Promise<boolean>;
  end(): Promise<void>;
}

function isEmbedded(connection: OutboxRelayOptions['connection']): connection is EmbeddedOutboxConnection {
  return typeof connection === 'object' && 'listen' in connection && typeof connection.listen === 'function';
}

/**
 * Publishes the outbox through the event bus, in position order per key, and marks what it published.
 *
 * - One relay publishes per database at a time: it holds a session-level advisory lock on its own
 *   connection; other relays (other replicas of the service) poll for the lock and take over when that
 *   session ends — cleanly or because the process died.
 * - Each commit's NOTIFY carries its events (OutboxWriter), delivered at commit in commit order: the relay
 *   publishes them as they come, without reading the table. It reads the table (in position order) when
 *   it starts leading, when a notification came without its envelope (too large) and when it heard of no
 *   commit for a poll interval; a row such a read published is dropped when its notification follows.
 * - At-least-once: rows are marked only after the bus acknowledged them, in one statement per
 *   `markDelayMs`; a crash in between publishes them again (consumers are idempotent by event id).
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly markDelayMs: number;
  private readonly retentionMs: number;
  private readonly cleanupIntervalMs: number;
  private client: RelaySession | null = null;
  /** The oid of the outbox table this relay publishes (notifications name theirs). */
  private tableOid: string | null = null;
  private leader = false;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** Commits heard while leading, in commit order; null: one whose events must be read from the table. */
  private readonly heard: (OutboxNotification | null)[] = [];
  /** The next round reads the table instead of (and before) what was heard. */
  private mustRead = true;
  /** When the relay last read the table or heard a commit: a poll interval without either makes it read. */
  private lastNews = 0;
  private readonly unmarked: string[] = [];
  private unmarkedSince = 0;
  private readonly recent = new RecentSet<string>(RECENT_POSITIONS);
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.markDelayMs = options.markDelayMs ?? 100;
    this.retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000;
    this.cleanupIntervalMs = options.cleanupIntervalMs ?? 10 * 60 * 1000;
  }

  /** True while this relay holds the lock and is the one publishing. */
  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Finishes the round in progress, marks what it published, releases the lock and closes the connection. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const client = this.client ?? (await this.connect());
        if (!this.leader) {
          this.leader = await client.tryLock();
          if (!this.leader) {
            await this.idle(this.pollIntervalMs);
            continue;
          }
          this.logger.info({}, 'outbox relay acquired the lock; publishing');
        }
        const published = await this.publishRound(client);
        await this.markIfDue(client);
        await this.cleanupIfDue(client);
        failures = 0;
        if (published === 0) await this.idle(this.idleTime());
      } catch (error) {
        failures++;
        this.logger.error(
          { error: errorMessage(error), failures },
          'outbox relay round failed; reconnecting',
        );
        await this.disconnect();
        await sleep(Math.min(this.pollIntervalMs * 2 ** failures, 10_000));
      }
    }
    if (this.client && this.leader) await this.mark(this.client).catch(() => undefined);
    await this.disconnect();
  }

  private async connect(): Promise<RelaySession> {
    const connection = this.options.connection;
    const session = isEmbedded(connection)
      ? await this.embeddedSession(connection)
      : await this.postgresSession(connection);
    this.client = session;
    const { rows } = await session.query<{ oid: string | null }>('select to_regclass($1)::oid::text as oid', [
      OUTBOX_TABLE,
    ]);
    if (!rows[0]?.oid) throw new Error(`the ${OUTBOX_TABLE} table does not exist (yet)`);
    this.tableOid = rows[0].oid;
    return session;
  }

  private async embeddedSession(connection: EmbeddedOutboxConnection): Promise<RelaySession> {
    const unlisten = await connection.listen(OUTBOX_CHANNEL, (payload) => this.onCommit(payload));
    return {
      query: async <Row>(text: string, params?: readonly unknown[]) => {
        const result = await connection.query(text, params);
        return { rows: result.rows as Row[], rowCount: result.rowCount };
      },
      tryLock: async () => true,
      end: unlisten,
    };
  }

  private async postgresSession(connection: string | pg.ClientConfig): Promise<RelaySession> {
    const client = new pg.Client(connection);
    // A dropped connection surfaces as an error on the next query; without a listener it would crash the process.
    client.on('error', (error) =>
      this.logger.warn({ error: errorMessage(error) }, 'outbox relay connection error'),
    );
    client.on('notification', (message) => this.onCommit(message.payload));
    await client.connect();
    await client.query(`listen ${OUTBOX_CHANNEL}`);
    // The relay's statements are a few constant texts run every round: each is prepared once on its session.
    const names = new Map<string, string>();
    const nameOf = (text: string): string => {
      const name = names.get(text) ?? `outbox_relay_${names.size + 1}`;
      names.set(text, name);
      return name;
    };
    return {
      query: async <Row>(text: string, params?: readonly unknown[]) => {
        const values = params ? [...params] : [];
        const result = await client.query({ name: nameOf(text), text, values });
        return { rows: result.rows as Row[], rowCount: result.rowCount };
      },
      tryLock: async () => {
        const result = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock($1, $2) as locked',
          [OUTBOX_LOCK_NAMESPACE, RELAY_LOCK_ID],
        );
        return result.rows[0]?.locked === true;
      },
      end: () => client.end(),
    };
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.tableOid = null;
    this.leader = false;
    // What was heard but not published, and published but not marked, the next leader reads from the table.
    this.heard.length = 0;
    this.unmarked.length = 0;
    this.mustRead = true;
    // Ending the session releases the advisory lock.
    if (client) await client.end().catch(() => undefined);
  }

  /** Publishes the next batch: what commits announced, or rows read from the table. */
  private async publishRound(client: RelaySession): Promise<number> {
    if (this.heard.length === 0 && Date.now() - this.lastNews >= this.pollIntervalMs) this.mustRead = true;
    const rows = this.mustRead ? await this.readTable(client) : this.takeHeard();
    const fresh = rows.filter((row) => !this.recent.has(row.position));
    if (fresh.length === 0) return rows.length;
    await this.options.bus.publish(fresh.map((row) => row.envelope));
    for (const row of fresh) this.remember(row.position);
    this.logger.debug({ count: fresh.length, last: fresh.at(-1)?.position }, 'outbox events published');
    return rows.length;
  }

  /** Heard commits up to the first one without its envelope (which makes the next round read the table). */
  private takeHeard(): OutboxRow[] {
    const rows: OutboxRow[] = [];
    while (this.heard.length > 0 && rows.length < this.batchSize) {
      const next = this.heard[0];
      if (!next?.envelope) {
        this.mustRead = true;
        break;
      }
      this.heard.shift();
      rows.push({ position: next.position, envelope: next.envelope });
    }
    return rows;
  }

  /**
   * The oldest unpublished rows. Every commit heard before this read is in the table: once a read comes
   * back short of a batch it has seen them all, and what was heard before it is dropped.
   */
  private async readTable(client: RelaySession): Promise<OutboxRow[]> {
    const heardBefore = this.heard.length;
    this.lastNews = Date.now();
    const { rows } = await client.query<OutboxRow>(
      `select position, envelope from ${OUTBOX_TABLE}
       where published_at is null and position <> all($1::bigint[]) order by position limit $2`,
      [this.unmarked, this.batchSize],
    );
    if (rows.length < this.batchSize) {
      this.mustRead = false;
      this.heard.splice(0, heardBefore);
    }
    return rows;
  }

  private remember(position: string): void {
    if (this.unmarked.length === 0) this.unmarkedSince = Date.now();
    this.unmarked.push(position);
    this.recent.add(position);
  }

  /** Marks the published rows once a batch of them waits, or the oldest has waited `markDelayMs`. */
  private async markIfDue(client: RelaySession): Promise<void> {
    if (this.unmarked.length === 0) return;
    if (this.unmarked.length >= this.batchSize || Date.now() - this.unmarkedSince >= this.markDelayMs) {
      await this.mark(client);
    }
  }

  private async mark(client: RelaySession): Promise<void> {
    if (this.unmarked.length === 0) return;
    const positions = this.unmarked.splice(0);
    await client.query(`update ${OUTBOX_TABLE} set published_at = now() where position = any($1::bigint[])`, [
      positions,
    ]);
  }

  /** How long an idle relay waits: until its marks are due, at most a poll interval. */
  private idleTime(): number {
    if (this.unmarked.length === 0) return this.pollIntervalMs;
    const markDue = this.unmarkedSince + this.markDelayMs - Date.now();
    return Math.max(0, Math.min(this.pollIntervalMs, markDue));
  }

  private async cleanupIfDue(client: RelaySession): Promise<void> {
    if (Date.now() - this.lastCleanup < this.cleanupIntervalMs) return;
    this.lastCleanup = Date.now();
    const result = await client.query(
      `delete from ${OUTBOX_TABLE} where published_at is not null and published_at < now() - make_interval(secs => $1)`,
      [this.retentionMs / 1000],
    );
    if (result.rowCount) this.logger.info({ deleted: result.rowCount }, 'old outbox events deleted');
  }

  /**
   * A writer committed: the leader queues what it announced and wakes. While the bus is slow the queue is
   * capped at ten batches: past that it is replaced by one "read the table" (every row it held is there).
   */
  private onCommit(payload: string | undefined): void {
    if (!this.leader) return;
    let notification: OutboxNotification | null;
    try {
      notification = parseOutboxNotification(payload);
    } catch {
      notification = null;
    }
    // Another service's outbox in the same database.
    if (notification && notification.table !== this.tableOid) return;
    if (this.heard.length >= this.batchSize * 10) {
      this.heard.length = 0;
      notification = null;
    }
    this.heard.push(notification);
    this.lastNews = Date.now();
    this.wake?.();
  }

  /** Waits `ms`, for a commit's NOTIFY, or for stop(). */
  private idle(ms: number): Promise<void> {
    if (this.heard.length > 0 || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
