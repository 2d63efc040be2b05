import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { isDependencyUnavailable } from '../errors/dependency-unavailable';

/** Texts seen once, remembered to name them on their second use; forgotten when it grows past this. */
const MAX_SEEN_ONCE = 5_000;

/**
 * Which statement texts get a name. A text is named on its second use, so a one-off statement (a migration,
 * an admin query) never becomes a prepared statement; names are short and stable for the pool's life.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private seenOnce = new Set<string>();

  constructor(private readonly maxNames = 1_000) {}

  nameOf(text: string): string | undefined {
    if (this.maxNames === 0) return undefined;
    const name = this.names.get(text);
    if (name !== undefined) return name;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= MAX_SEEN_ONCE) this.seenOnce = new Set();
      this.seenOnce.add(text);
      return undefined;
    }
    if (this.names.size >= this.maxNames) return undefined;
    this.seenOnce.delete(text);
    const named = `bonfire_${this.names.size + 1}`;
    this.names.set(text, named);
    return named;
  }
}

/** Postgres refuses a prepared statement whose tables changed the shape of its result (a deploy's migration). */
function isStalePlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan');
}

/**
 * One pooled connection as Kysely sees it: parameterised statements it has seen before run as named
 * prepared statements on this connection (parsed and planned by Postgres once, then only bound and
 * executed), everything else as before.
 */
class PreparingClient implements PostgresPoolClient {
  private readonly prepared = new Set<string>();
  private readonly stale = new Set<string>();
  /** A query failed because the connection or the server went away: the pool must not hand it out again. */
  private broken = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames,
    private readonly maxPrepared: number,
  ) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    statement: string | PostgresCursor<R>,
    parameters?: readonly unknown[],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof statement !== 'string') {
      return this.client.query(statement as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    const values = parameters ? [...parameters] : [];
    const name = values.length > 0 ? this.preparedName(statement) : undefined;
    if (name === undefined) return this.run<R>({ text: statement, values });
    return this.run<R>({ name, text: statement, values }).catch((error: unknown) => {
      if (!isStalePlan(error)) throw error;
      // The statement's plan no longer fits its tables: it runs unnamed on this connection from now on.
      this.stale.add(name);
      // Outside a transaction the failed statement did nothing, so it runs again at once; inside one the
      // transaction is aborted and fails (the caller's retry runs it unprepared).
      if (this.client.getTransactionStatus() === 'I') return this.run<R>({ text: statement, values });
      throw error;
    });
  }

  release(destroy?: boolean): void {
    // pg's pool reuses a released client unless told otherwise, and it learns that the socket closed only
    // when the close event runs: a query failed by a terminated backend could hand the dead client to the
    // next caller in between.
    this.client.release(destroy === true || this.broken);
  }

  private preparedName(text: string): string | undefined {
    const name = this.names.nameOf(text);
    if (name === undefined || this.stale.has(name)) return undefined;
    if (!this.prepared.has(name)) {
      if (this.prepared.size >= this.maxPrepared) return undefined;
      this.prepared.add(name);
    }
    return name;
  }

  private async run<R>(config: pg.QueryConfig): Promise<PostgresQueryResult<R>> {
    try {
      return (await this.client.query(config)) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (isDependencyUnavailable(error)) this.broken = true;
      throw error;
    }
  }
}

/**
 * The pool Kysely's PostgresDialect is given in the distributed shape: pg's pool, whose connections run
 * repeated statements as prepared statements (unless switched off), and are discarded rather than reused
 * once a query found the server gone. Postgres parses and plans an unnamed statement every time it
 * runs; for a send's access check that was 1.4 ms of parse and plan against 0.08 ms of execution
 * (`log_min_duration_statement=0`). Kysely keeps its connection per client object, so each pg client keeps
 * one wrapper.
 */
export class PreparingPool implements PostgresPool {
  private readonly names: StatementNames;
  private readonly maxPerConnection: number;
  private readonly clients = new WeakMap<pg.PoolClient, PreparingClient>();

  constructor(
    private readonly pool: pg.Pool,
    limits: {
      /**
       * Distinct texts named pool-wide; texts beyond it (e.g. `in` lists of ever-new lengths) stay unnamed.
       * 0 prepares nothing (a transaction-mode pooler that cannot keep them).
       */
      maxNames?: number;
      /** Statements prepared on one connection at most (each keeps its parse tree and plans in that backend). */
      maxPerConnection?: number;
    } = {},
  ) {
    this.names = new StatementNames(limits.maxNames);
    this.maxPerConnection = limits.maxPerConnection ?? 100;
  }

  get options(): object {
    return this.pool.options;
  }

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let preparing = this.clients.get(client);
    if (!preparing) {
      preparing = new PreparingClient(client, this.names, this.maxPerConnection);
      this.clients.set(client, preparing);
    }
    return preparing;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
