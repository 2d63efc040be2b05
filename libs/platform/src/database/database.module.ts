import { join } from 'node:path';
import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { HealthRegistry } from '../health/health.registry';
import { DatabaseMetrics } from '../metrics/database-metrics';
import { MetricsService } from '../metrics/metrics.service';
import { createDatabase, createEmbeddedDatabase, migrateToLatest, pingDatabase } from './database';
import { EmbeddedPostgres, type EmbeddedPool } from './embedded-postgres';

export const DATABASE = Symbol('DATABASE');

/**
 * Where the service's database lives, for the few parts that need a session of their own beside Kysely
 * (the outbox relay's lock and LISTEN): a Postgres URL, or the embedded database's pool.
 */
export const DATABASE_SOURCE = Symbol('DATABASE_SOURCE');
export type DatabaseSource = { kind: 'postgres'; url: string } | { kind: 'embedded'; pool: EmbeddedPool };

/** Injects the service's Kysely instance. Only repositories should ask for it. */
export const InjectDatabase = () => Inject(DATABASE);

export interface DatabaseModuleOptions {
  /** Postgres URL (distributed shape); ignored when `embedded` is set. */
  url?: string;
  /** The standalone shape: PGlite in `dataDir`, this service's tables in `schema`. */
  embedded?: { dataDir: string; schema: string };
  migrations: Record<string, Migration>;
  /** Run pending migrations at boot (default). Deployments may run them as a separate job instead. */
  migrateOnBoot?: boolean;
  maxConnections?: number;
  applicationName: string;
  /** Kysely's CamelCasePlugin on the service's instance: camelCase table types over snake_case columns. */
  camelCase?: boolean;
  /** Prepared statements on the pooled connections (distributed shape; DATABASE_PREPARED_STATEMENTS). */
  preparedStatements?: boolean;
}

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Kysely<unknown>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}

/** The embedded database's place for a standalone service (its own schema), or none when distributed. */
export function embeddedDatabase(
  config: { BONFIRE_MODE: 'standalone' | 'distributed'; BONFIRE_DATA_DIR: string },
  schema: string,
): DatabaseModuleOptions['embedded'] {
  if (config.BONFIRE_MODE !== 'standalone') return undefined;
  return { dataDir: join(config.BONFIRE_DATA_DIR, 'postgres'), schema };
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const sourceProvider: Provider = {
      provide: DATABASE_SOURCE,
      useFactory: async (): Promise<DatabaseSource> => {
        if (options.embedded) {
          const database = await EmbeddedPostgres.shared(options.embedded.dataDir);
          return { kind: 'embedded', pool: await database.pool(options.embedded.schema) };
        }
        if (!options.url) throw new Error('DatabaseModule needs a url or the embedded database');
        return { kind: 'postgres', url: options.url };
      },
    };
    const databaseProvider: Provider = {
      provide: DATABASE,
      inject: [HealthRegistry, DATABASE_SOURCE, { token: MetricsService, optional: true }],
      useFactory: async (health: HealthRegistry, source: DatabaseSource, service?: MetricsService) => {
        const metrics = service && new DatabaseMetrics(service.registry);
        const db =
          source.kind === 'embedded'
            ? createEmbeddedDatabase<unknown>(source.pool, { metrics, camelCase: options.camelCase })
            : createDatabase<unknown>({ ...options, url: source.url, metrics });
        if (options.migrateOnBoot !== false) {
          const schema = source.kind === 'embedded' ? source.pool.schema : undefined;
          // Migrations are written against the snake_case columns, whatever the service's naming plugin.
          await migrateToLatest(db.withoutPlugins(), options.migrations, schema);
        }
        health.register(source.kind === 'embedded' ? 'database' : 'postgres', () => pingDatabase(db));
        return db;
      },
    };
    return {
      module: DatabaseModule,
      global: true,
      providers: [sourceProvider, databaseProvider, DatabaseLifecycle],
      exports: [DATABASE, DATABASE_SOURCE],
    };
  }
}
