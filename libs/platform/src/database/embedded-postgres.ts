import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGliteWorker } from './pglite-worker';

/**
 * The standalone shape's Postgres: one PGlite database (real Postgres compiled to WebAssembly) per data
 * folder, shared by every service of the process and run in a thread of its own (PGliteWorker). Each
 * service keeps its tables in a schema of its own (`auth`, `chat`, …), so the same migrations and Kysely
 * repositories run unchanged.
 *
 * PGlite is a single session. `EmbeddedPool` gives Kysely's Postgres dialect the `pg.Pool` shape it
 * expects, with a pool of one: a connection is lent to one caller at a time (a whole transaction, or one
 * query) and the schema's search_path is set when the connection changes hands between services.
 */
export class EmbeddedPostgres {
  private static readonly open = new Map<string, Promise<EmbeddedPostgres>>();
  private readonly waiting: Array<() => void> = [];
  private lent = false;
  private currentSchema: string | null = null;
  private closing: Promise<void> | null = null;
  private users = 0;

  private constructor(
    readonly directory: string,
    private readonly db: PGliteWorker,
  ) {}

  /** The process's database in `directory` (created on first use); every caller shares one instance. */
  static shared(directory: string): Promise<EmbeddedPostgres> {
    const path = resolve(directory);
    let opening = EmbeddedPostgres.open.get(path);
    if (!opening) {
      opening = EmbeddedPostgres.create(path);
      EmbeddedPostgres.open.set(path, opening);
      opening.catch(() => EmbeddedPostgres.open.delete(path));
    }
    return opening;
  }

  private static async create(path: string): Promise<EmbeddedPostgres> {
    if (!existsSync(join(path, 'PG_VERSION'))) await copyTemplate(path);
    return new EmbeddedPostgres(path, await PGliteWorker.open(path));
  }

  /** A pg.Pool-shaped view of the database whose connections use `schema` (created if missing). */
  async pool(schema: string): Promise<EmbeddedPool> {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    await this.acquire(null);
    try {
      await this.run(`create schema if not exists ${schema}`);
    } finally {
      this.giveBack();
    }
    this.users++;
    return new EmbeddedPool(this, schema);
  }

  /** Lends the one session (waiting for it if lent); with a schema, its search_path is switched first. */
  async acquire(schema: string | null): Promise<void> {
    if (this.closing) throw new Error('the embedded database is closed');
    while (this.lent) await new Promise<void>((wake) => this.waiting.push(wake));
    this.lent = true;
    try {
      if (schema && schema !== this.currentSchema) {
        await this.db.exec(`set search_path to ${schema}, public`);
        this.currentSchema = schema;
      }
    } catch (error) {
      this.giveBack();
      throw error;
    }
  }

  /** Runs one statement on the session; only the caller that acquired it may. */
  async run(text: string, params?: readonly unknown[]): Promise<EmbeddedQueryResult> {
    // Migrations send several statements in one string, which the extended protocol refuses.
    if (!params?.length && isScript(text)) {
      return { rows: await this.db.exec(text), command: commandOf(text), rowCount: 0 };
    }
    const result = await this.db.query(text, params);
    const command = result.command ?? commandOf(text);
    const changed = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(command);
    return {
      rows: result.rows,
      command,
      rowCount: changed ? (result.affectedRows ?? 0) : result.rows.length,
    };
  }

  giveBack(): void {
    this.lent = false;
    this.waiting.shift()?.();
  }

  /** Calls `listener` with the payload of every NOTIFY of `channel` (the outbox writer's commits). */
  async listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>> {
    await this.acquire(null);
    try {
      const unlisten = await this.db.listen(channel, listener);
      return async () => {
        await this.acquire(null);
        try {
          await unlisten();
        } finally {
          this.giveBack();
        }
      };
    } finally {
      this.giveBack();
    }
  }

  /** Closes the database once every pool opened on it has ended. */
  async release(): Promise<void> {
    this.users--;
    if (this.users > 0) return;
    this.closing ??= (async () => {
      while (this.lent) await new Promise<void>((wake) => this.waiting.push(wake));
      EmbeddedPostgres.open.delete(this.directory);
      await this.db.close();
    })();
    await this.closing;
  }
}

export interface EmbeddedQueryResult {
  rows: Record<string, unknown>[];
  command: string;
  rowCount: number;
}

export interface EmbeddedConnection {
  query(text: string, params?: readonly unknown[]): Promise<EmbeddedQueryResult>;
  release(): void;
}

/**
 * The subset of `pg.Pool` Kysely's PostgresDialect uses. Its one client object is lent to one caller at a
 * time (Kysely keeps a connection wrapper per client object, so it must stay the same object).
 */
export class EmbeddedPool {
  private ended = false;
  private holding = false;
  private readonly client: EmbeddedConnection = {
    query: (text, params) => this.database.run(text, params),
    release: () => {
      if (!this.holding) return;
      this.holding = false;
      this.database.giveBack();
    },
  };

  constructor(
    readonly database: EmbeddedPostgres,
    readonly schema: string,
  ) {}

  async connect(): Promise<EmbeddedConnection> {
    await this.database.acquire(this.schema);
    this.holding = true;
    return this.client;
  }

  /** One statement on a borrowed connection, given back at once. */
  async query(text: string, params?: readonly unknown[]): Promise<EmbeddedQueryResult> {
    const connection = await this.connect();
    try {
      return await connection.query(text, params);
    } finally {
      connection.release();
    }
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.database.release();
  }
}

/** More than one statement: a `;` followed by more SQL (outside quotes; good enough for migration scripts). */
function isScript(text: string): boolean {
  const withoutStrings = text.replace(/'(?:[^']|'')*'/g, "''").replace(/\$\$[\s\S]*?\$\$/g, '$$$$');
  return /;\s*\S/.test(withoutStrings);
}

function commandOf(text: string): string {
  return (/^\s*(\w+)/.exec(text)?.[1] ?? '').toUpperCase();
}

/**
 * A new data folder starts as a copy of a freshly initialised cluster kept in the cache: initdb runs once
 * per PGlite version, in a child process, so neither its time (~10 s) nor its memory peak (~800 MB of
 * WebAssembly heap that is never given back) lands on the process serving users.
 */
async function copyTemplate(path: string): Promise<void> {
  const template = await ensureTemplate();
  mkdirSync(path, { recursive: true });
  if (readdirSync(path).length > 0) {
    throw new Error(`${path} is not empty and holds no database (no PG_VERSION): refusing to use it`);
  }
  cpSync(template, path, { recursive: true });
}

async function ensureTemplate(): Promise<string> {
  const cacheRoot =
    process.env['BONFIRE_CACHE_DIR']?.replace(/^~(?=$|\/)/, homedir()) ??
    join(homedir(), '.cache', 'bonfire');
  // A template is only valid for the PGlite version that made it.
  const pgliteEntry = require.resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(dirname(pgliteEntry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const template = join(resolve(cacheRoot), 'pglite-template', version);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = `${template}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const script =
    'const { PGlite } = require(process.argv[1]);' +
    'PGlite.create(process.argv[2]).then((db) => db.close()).catch((e) => { console.error(e); process.exit(1); });';
  await promisify(execFile)(process.execPath, [
    '-e',
    script,
    require.resolve('@electric-sql/pglite'),
    building,
  ]);
  try {
    renameSync(building, template);
  } catch (error) {
    // Another process built it at the same moment: use theirs.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(template, 'PG_VERSION'))) throw error;
  }
  return template;
}
