import {
  createTestDatabase,
  DATABASE,
  type Kysely,
  type RunningService,
  ServiceTestClient,
  type TestDatabase,
} from '@bonfire/platform';
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
    private readonly database: TestDatabase,
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
