import { randomInt } from 'node:crypto';
import { type Kysely, type RunningService } from '@bonfire/platform';
import { createTestDatabase, ServiceTestClient, type TestDatabase } from '@bonfire/platform/testing';
import { DATABASE } from '@bonfire/platform';
import { startChat } from '../bootstrap';
import type { ChatDatabase } from '../database/schema';

/**
 * The chat service started in-process on a throwaway database (real Postgres, Redis and Kafka), with a
 * client that calls it as the gateway would. Users are added to chat's users projection directly.
 */
export class ChatTestApp {
  private constructor(
    readonly service: RunningService,
    readonly client: ServiceTestClient,
    private readonly database: TestDatabase,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<ChatTestApp> {
    const database = await createTestDatabase('bonfire_chat_test');
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;
    try {
      const service = await startChat(
        {
          ...process.env,
          CHAT_PORT: '0',
          CHAT_DATABASE_URL: database.url,
          LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
          CHAT_USERS_CONSUMER_ENABLED: 'false',
          CHAT_VOICE_AUDIT_CONSUMER_ENABLED: 'false',
          CHAT_NOTIFICATIONS_CONSUMER_ENABLED: 'false',
          CHAT_EMBEDS_ENABLED: 'false',
          ...env,
        },
        { handleSignals: false },
      );
      return new ChatTestApp(service, new ServiceTestClient(service.url, secret), database);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  get db(): Kysely<ChatDatabase> {
    return this.service.app.get<Kysely<ChatDatabase>>(DATABASE);
  }

  /** A user known to chat (as if auth.users had delivered user.created). Returns its id. */
  async createUser(username = `user${randomInt(1_000_000)}`): Promise<string> {
    const id = String(BigInt(Date.now()) * 4_194_304n + BigInt(randomInt(4_194_304)));
    await this.db
      .insertInto('users')
      .values({ id, username, displayName: null, avatarFileId: null })
      .execute();
    return id;
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
