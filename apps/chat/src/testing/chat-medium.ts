import { randomInt } from 'node:crypto';
import { type Channel, type Guild, PERMISSIONS, type Role } from '@bonfire/contracts';
import { createEvent } from '@bonfire/messaging';
import {
  AppError,
  DATABASE,
  DATABASE_SOURCE,
  type DatabaseSource,
  type Kysely,
  loadConfig,
  SnowflakeGenerator,
  sql,
} from '@bonfire/platform';
import { createTestDatabase, type TestDatabase } from '@bonfire/platform/testing';
import type { Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { expect } from 'vitest';
import { ChatServiceModule } from '../app.module';
import { createChannelSchema } from '../channels/channels.dto';
import { ChannelsService } from '../channels/channels.service';
import { chatConfigSchema } from '../config';
import type { ChatDatabase } from '../database/schema';
import { GuildsService } from '../guilds/guilds.service';
import { InvitesService } from '../invites/invites.service';
import { MembersService } from '../members/members.service';
import { sendMessageSchema } from '../messages/messages.dto';
import { MessageSendService, type SendResult } from '../messages/message-send.service';
import { createRoleSchema } from '../roles/roles.dto';
import { RolesService } from '../roles/roles.service';
import { UsersProjectionHandlers } from '../users/users-projection.handlers';

/** What @everyone keeps in medium-test guilds: see and talk, nothing that any write needs. */
export const MINIMAL_EVERYONE =
  PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES | PERMISSIONS.READ_MESSAGE_HISTORY;

/**
 * Chat's own Nest modules (ChatServiceModule, no HTTP server, no transports) on a throwaway database of
 * the real local Postgres, chat's migrations applied. The rest is the standalone shape: the in-process
 * event bus behind the EventBus port, the in-memory send limits, no Redis and no Kafka. The outbox relay
 * is off, so every event a service writes stays in `outbox_events` for the test to read.
 */
export class ChatMedium {
  private constructor(
    private readonly moduleRef: TestingModule,
    private readonly database: TestDatabase,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<ChatMedium> {
    const database = await createTestDatabase('bonfire_chat_medium');
    try {
      const config = loadConfig('chat', chatConfigSchema, {
        ...process.env,
        BONFIRE_MODE: 'standalone',
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
        CHAT_OUTBOX_RELAY_ENABLED: 'false',
        CHAT_USERS_CONSUMER_ENABLED: 'false',
        CHAT_VOICE_AUDIT_CONSUMER_ENABLED: 'false',
        CHAT_NOTIFICATIONS_CONSUMER_ENABLED: 'false',
        CHAT_EMBEDS_ENABLED: 'false',
        CHAT_DATA_EXPORTS_ENABLED: 'false',
        ...env,
      });
      // The standalone shape would open the embedded database: point it at the throwaway one instead.
      const source: DatabaseSource = { kind: 'postgres', url: database.url };
      const moduleRef = await Test.createTestingModule({ imports: [ChatServiceModule.register(config)] })
        .overrideProvider(DATABASE_SOURCE)
        .useValue(source)
        .compile();
      await moduleRef.init();
      return new ChatMedium(moduleRef, database);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  /** A real provider of the chat module (service, repository), as the controllers get it. */
  service<T>(type: Type<T>): T {
    return this.moduleRef.get(type, { strict: false });
  }

  private get db(): Kysely<ChatDatabase> {
    return this.moduleRef.get<Kysely<ChatDatabase>>(DATABASE, { strict: false });
  }

  /** A user known to chat, delivered the way auth's `user.created` reaches the users projection. */
  async createUser(username = `user${randomInt(1_000_000)}`): Promise<string> {
    const id = this.service(SnowflakeGenerator).next();
    const profile = {
      id,
      username,
      displayName: null,
      avatarFileId: null,
      about: null,
      createdAt: new Date().toISOString(),
    };
    await this.service(UsersProjectionHandlers).apply(createEvent('user.created', id, profile, 'auth'));
    return id;
  }

  /** A guild created by `ownerId`, with @everyone cut down to `everyone` permissions. */
  async createGuild(ownerId: string, everyone: bigint = MINIMAL_EVERYONE): Promise<Guild> {
    const guild = await this.service(GuildsService).create(ownerId, { name: 'Medium guild' });
    await this.service(RolesService).update(guild.id, guild.id, ownerId, { permissions: String(everyone) });
    return guild;
  }

  /** A new user who joined the guild through an invite of its owner. */
  async addMember(guild: Guild): Promise<string> {
    const invites = this.service(InvitesService);
    const invite = await invites.create(guild.id, guild.ownerId, { maxAgeSeconds: 0 });
    const id = await this.createUser();
    await invites.accept(invite.code, id);
    return id;
  }

  /** A role created by `actorId` (position 1, above @everyone), with these permissions. */
  async createRole(guildId: string, actorId: string, permissions: bigint, name = 'role'): Promise<Role> {
    const dto = createRoleSchema.parse({ name, permissions: String(permissions) });
    return this.service(RolesService).create(guildId, actorId, dto);
  }

  /** Sets a member's roles as `actorId` (the owner unless told). */
  async setRoles(guild: Guild, targetId: string, roleIds: string[], actorId = guild.ownerId) {
    return this.service(MembersService).update(guild.id, actorId, targetId, { roleIds });
  }

  /** A new text channel of the guild, created by its owner. */
  async createChannel(guild: Guild, name = 'medium'): Promise<Channel> {
    return this.service(ChannelsService).create(guild.id, guild.ownerId, createChannelSchema.parse({ name }));
  }

  /** Sends a message as `userId`, the body validated as the route would. */
  async send(userId: string, channelId: string, content: string, nonce?: string): Promise<SendResult> {
    const body = sendMessageSchema.parse({ content, ...(nonce !== undefined ? { nonce } : {}) });
    return this.service(MessageSendService).send(userId, channelId, body);
  }

  /** The types of the events written to the outbox with this key (guild or channel id), oldest first. */
  async outboxTypes(key: string): Promise<string[]> {
    const { rows } = await sql<{ type: string }>`
      select envelope->>'type' as type from outbox_events where key = ${key} order by position
    `.execute(this.db);
    return rows.map((row) => row.type);
  }

  async stop(): Promise<void> {
    await this.moduleRef.close();
    await this.database.drop();
  }
}

/** Asserts that `action` fails with this error code of the catalogue. */
export async function expectError(action: Promise<unknown>, code: string): Promise<AppError> {
  const error: unknown = await action.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected ${code}, got success`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
