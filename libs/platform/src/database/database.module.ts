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
import { createDatabase, migrateToLatest, pingDatabase } from './database';

export const DATABASE = Symbol('DATABASE');

/** Injects the service's Kysely instance. Only repositories should ask for it. */
export const InjectDatabase = () => Inject(DATABASE);

export interface DatabaseModuleOptions {
  url: string;
  migrations: Record<string, Migration>;
  /** Run pending migrations at boot (default). Deployments may run them as a separate job instead. */
  migrateOnBoot?: boolean;
  maxConnections?: number;
  applicationName: string;
}

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Kysely<unknown>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const databaseProvider: Provider = {
      provide: DATABASE,
      inject: [HealthRegistry],
      useFactory: async (health: HealthRegistry) => {
        const db = createDatabase<unknown>(options);
        if (options.migrateOnBoot !== false) await migrateToLatest(db, options.migrations);
        health.register('postgres', () => pingDatabase(db));
        return db;
      },
    };
    return {
      module: DatabaseModule,
      global: true,
      providers: [databaseProvider, DatabaseLifecycle],
      exports: [DATABASE],
    };
  }
}
