import { CamelCasePlugin, Kysely, type KyselyPlugin, PostgresDialect, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import pg from 'pg';
import type { DatabaseMetrics } from '../metrics/database-metrics';
import type { EmbeddedPool } from './embedded-postgres';
import { PreparingPool } from './prepared-statements';

export type { Kysely, Transaction } from 'kysely';
export type { Migration } from 'kysely/migration';
export { sql } from 'kysely';

// Postgres BIGINT arrives as a string by default; our ids fit in 53 bits only as strings, so keep strings
// for int8 and parse counts explicitly where needed.

export interface DatabaseOptions {
  url: string;
  /** Pool size per process. */
  maxConnections?: number;
  applicationName?: string;
  /** Times every statement and samples the pool (the service's db_* series). */
  metrics?: DatabaseMetrics;
  /** camelCase names in TypeScript for the snake_case columns (see `namingPlugins`). */
  camelCase?: boolean;
  /** Name repeated statements on each pooled connection (PreparingPool; default true). */
  preparedStatements?: boolean;
}

/**
 * Kysely's CamelCasePlugin: table types and queries use camelCase, Postgres keeps snake_case columns
 * (identifiers are snake_cased on the way out, result keys camelCased on the way back). JSON columns
 * keep their own keys. Identifiers written as plain text inside `sql` templates are not transformed.
 */
function namingPlugins(camelCase: boolean | undefined): KyselyPlugin[] {
  return camelCase ? [new CamelCasePlugin({ maintainNestedObjectKeys: true })] : [];
}

export function createDatabase<TDatabase>(options: DatabaseOptions): Kysely<TDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose connection dies (database restart, failover, a forced drop) is dropped from the
  // pool and replaced on next use; without a listener the pool's 'error' event would crash the process.
  pool.on('error', () => undefined);
  // A client checked out of the pool has no listener of the pool's: when its connection dies between two
  // queries (inside a transaction waiting on something else), its 'error' event crashed the process (the
  // fault suite's SIGKILL of Postgres killed chat). With one, the next query fails and the pool drops it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  options.metrics?.watchPool(pool);
  return new Kysely<TDatabase>({
    dialect: new PostgresDialect({
      pool: new PreparingPool(pool, { maxNames: options.preparedStatements === false ? 0 : undefined }),
    }),
    plugins: namingPlugins(options.camelCase),
    ...(options.metrics && { log: options.metrics.log }),
  });
}

/** Kysely over the embedded database (standalone shape): the same Postgres dialect, one session. */
export function createEmbeddedDatabase<TDatabase>(
  pool: EmbeddedPool,
  options: Pick<DatabaseOptions, 'metrics' | 'camelCase'> = {},
): Kysely<TDatabase> {
  return new Kysely<TDatabase>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
    plugins: namingPlugins(options.camelCase),
    ...(options.metrics && { log: options.metrics.log }),
  });
}

/** Applies pending migrations in name order; a failure stops boot with the migration named. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  migrations: Record<string, Migration>,
  /** Keep the migration bookkeeping in this schema (the embedded database holds every service's schema). */
  migrationTableSchema?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}

export async function pingDatabase(db: Kysely<unknown>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The `migrate` command: applies pending migrations on its own connection, logs them, and closes. */
export async function runMigrations(
  service: string,
  url: string,
  migrations: Record<string, Migration>,
  logger: { info: (object: object, message: string) => void },
): Promise<void> {
  const db = createDatabase<unknown>({
    url,
    maxConnections: 1,
    applicationName: `bonfire-${service}-migrate`,
  });
  try {
    const applied = await migrateToLatest(db, migrations);
    logger.info(
      { applied },
      applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date',
    );
  } finally {
    await db.destroy();
  }
}
