import { type AnyEvent } from '@bonfire/contracts';
import pg from 'pg';
import { type EventBus } from '../event-bus';
import { errorMessage, silentLogger, type Logger } from '../logger';
import { sleep } from '../retry';
import { OUTBOX_TABLE } from './outbox-migration';
import { OUTBOX_CHANNEL, OUTBOX_LOCK_NAMESPACE } from './outbox-writer';

/**
 * The embedded database (standalone shape): one shared session, lent per statement. Its lock is the
 * process's own (a second process cannot open the data folder), so this relay always leads.
 */
export interface EmbeddedOutboxConnection {
  query(text: string, params?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number }>;
  listen(channel: string, listener: () => void): Promise<() => Promise<void>>;
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
  /** How often an idle relay looks for new rows (a commit's NOTIFY wakes it sooner). Default 200 ms. */
  pollIntervalMs?: number;
  /** Published rows older than this are deleted. Default one day. */
  retentionMs?: number;
  /** How often the relay deletes old published rows. Default ten minutes. */
  cleanupIntervalMs?: number;
}

/** Second half of the relay's session-level advisory-lock key (the first is OUTBOX_LOCK_NAMESPACE). */
const RELAY_LOCK_ID = 1;

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
 * Publishes the outbox through the event bus, in position order, and marks what it published.
 *
 * - One relay publishes per database at a time: it holds a session-level advisory lock on its own
 *   connection; other relays (other replicas of the service) poll for the lock and take over when that
 *   session ends — cleanly or because the process died.
 * - At-least-once: rows are marked only after the bus acknowledged them; a crash between the two
 *   publishes them again (consumers are idempotent by event id).
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly cleanupIntervalMs: number;
  private client: RelaySession | null = null;
  private leader = false;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** A commit's NOTIFY came while a round was running: the next idle() returns at once. */
  private notified = false;
  private lastCleanup = 0;
  /** The batch read while the previous one was marked: published next without a select of its own. */
  private next: OutboxRow[] | null = null;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
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

  /** Finishes the round in progress, releases the lock and closes the connection. */
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
            await this.idle();
            continue;
          }
          this.logger.info({}, 'outbox relay acquired the lock; publishing');
        }
        const published = await this.publishBatch(client);
        await this.cleanupIfDue(client);
        failures = 0;
        if (published === 0) await this.idle();
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
    await this.disconnect();
  }

  private async connect(): Promise<RelaySession> {
    const connection = this.options.connection;
    const session = isEmbedded(connection)
      ? await this.embeddedSession(connection)
      : await this.postgresSession(connection);
    this.client = session;
    return session;
  }

  private async embeddedSession(connection: EmbeddedOutboxConnection): Promise<RelaySession> {
    const unlisten = await connection.listen(OUTBOX_CHANNEL, () => this.onCommit());
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
    client.on('notification', () => this.onCommit());
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
    this.leader = false;
    this.next = null;
    // Ending the session releases the advisory lock.
    if (client) await client.end().catch(() => undefined);
  }

  /**
   * Publishes one batch and marks it. Marking reads the next batch in the same statement, so under load a
   * round costs one statement and the publish; an idle relay's next round (woken by a commit) selects.
   */
  private async publishBatch(client: RelaySession): Promise<number> {
    const rows = this.next ?? (await this.selectBatch(client));
    this.next = null;
    if (rows.length === 0) return 0;
    await this.options.bus.publish(rows.map((row) => row.envelope));
    // A commit notified from here on is seen by the read below or wakes the relay after it.
    this.notified = false;
    const next = await client.query<OutboxRow>(
      `with marked as (update ${OUTBOX_TABLE} set published_at = now() where position = any($1::bigint[]))
       select position, envelope from ${OUTBOX_TABLE}
       where published_at is null and position <> all($1::bigint[]) order by position limit $2`,
      [rows.map((row) => row.position), this.batchSize],
    );
    this.next = next.rows;
    this.logger.debug({ count: rows.length, last: rows.at(-1)?.position }, 'outbox events published');
    return rows.length;
  }

  private async selectBatch(client: RelaySession): Promise<OutboxRow[]> {
    // A commit notified before this select is visible to it; one notified later wakes the next round.
    this.notified = false;
    const { rows } = await client.query<OutboxRow>(
      `select position, envelope from ${OUTBOX_TABLE} where published_at is null order by position limit $1`,
      [this.batchSize],
    );
    return rows;
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
   * A writer committed: an idle relay starts a round now. A busy one remembers it, or the commit would wait
   * for the next poll (a NOTIFY is not queued for later: it arrived while nobody was waiting).
   */
  private onCommit(): void {
    if (this.wake) this.wake();
    else this.notified = true;
  }

  /** Waits for the poll interval, a NOTIFY from a committing writer, or stop(). */
  private idle(): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
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
