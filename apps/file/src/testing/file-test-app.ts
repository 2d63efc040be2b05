import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE, type Kysely, type RunningService } from '@bonfire/platform';
import {
  createTestDatabase,
  freePort,
  ServiceTestClient,
  type TestDatabase,
} from '@bonfire/platform/testing';
import { startFile } from '../bootstrap';
import type { FileDatabase } from '../database/schema';

/**
 * The file service started in-process on a throwaway database (real Postgres, Redis, Kafka and S3 server),
 * with a client that calls it as the gateway would.
 */
export class FileTestApp {
  private constructor(
    readonly service: RunningService,
    readonly client: ServiceTestClient,
    private readonly database: Pick<TestDatabase, 'drop'>,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<FileTestApp> {
    const database = await createTestDatabase('bonfire_file_test');
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    try {
      const service = await startFile(
        {
          ...process.env,
          FILE_PORT: '0',
          FILE_DATABASE_URL: database.url,
          LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
          FILE_MESSAGES_CONSUMER_ENABLED: 'false',
          FILE_CLEANUP_INTERVAL_SECONDS: '0',
          ...env,
        },
        { handleSignals: false },
      );
      return new FileTestApp(service, new ServiceTestClient(service.url, secret), database);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  /**
   * The file service in the standalone shape: embedded database, in-process bus and files in a throwaway
   * BONFIRE_DATA_DIR, with no real-server setting in its environment. FILE_PUBLIC_URL is the service's own
   * address (the gateway would proxy the same paths).
   */
  static async startStandalone(env: Record<string, string> = {}): Promise<FileTestApp> {
    const dataDir = await mkdtemp(join(tmpdir(), 'bonfire-file-standalone-'));
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    const environment = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !REAL_SERVER_SETTINGS.test(name)),
    );
    const port = await freePort();
    try {
      const service = await startFile(
        {
          ...environment,
          BONFIRE_MODE: 'standalone',
          BONFIRE_DATA_DIR: dataDir,
          FILE_HOST: '127.0.0.1',
          FILE_PORT: String(port),
          FILE_PUBLIC_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
          FILE_MESSAGES_CONSUMER_ENABLED: 'false',
          FILE_CLEANUP_INTERVAL_SECONDS: '0',
          ...env,
        },
        { handleSignals: false },
      );
      const folder = { drop: () => rm(dataDir, { recursive: true, force: true }) };
      return new FileTestApp(service, new ServiceTestClient(service.url, secret), folder);
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  get db(): Kysely<FileDatabase> {
    return this.service.app.get<Kysely<FileDatabase>>(DATABASE);
  }

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: Parameters<ServiceTestClient['call']>[2] = {},
  ) {
    return this.client.call<T>(method, path, options);
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.database.drop();
  }
}

/** Settings of the distributed shape's servers, left out of a standalone environment. */
const REAL_SERVER_SETTINGS = /^(REDIS_URL|KAFKA_BROKERS|FILE_DATABASE_URL|S3_.*)$/;
