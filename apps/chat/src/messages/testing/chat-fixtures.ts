import { DEFAULT_EVERYONE_PERMISSIONS } from '@bonfire/contracts';
import { SnowflakeGenerator, sql } from '@bonfire/platform';
import type { ChatTestApp } from '../../testing/chat-test-app';

/**
 * Guild-side rows for the conversation tests, inserted directly (the guild routes belong to another
 * feature). Ids come from worker 1023 so they never collide with the service's (worker 0).
 */
export class ChatFixtures {
  readonly ids = new SnowflakeGenerator(1023);

  constructor(private readonly app: ChatTestApp) {}

  /** A guild owned by `ownerId` (a member), with its @everyone role. */
  async guild(ownerId: string, everyonePermissions: bigint = DEFAULT_EVERYONE_PERMISSIONS): Promise<string> {
    const id = this.ids.next();
    await this.app.db
      .insertInto('guilds')
      .values({ id, name: 'guild', ownerId, iconFileId: null, description: null })
      .execute();
    await this.app.db
      .insertInto('roles')
      .values({
        id,
        guildId: id,
        name: '@everyone',
        color: 0,
        hoist: false,
        mentionable: false,
        position: 0,
        permissions: everyonePermissions,
      })
      .execute();
    await this.member(id, ownerId);
    return id;
  }

  async member(guildId: string, userId: string, roleIds: readonly string[] = []): Promise<void> {
    await this.app.db.insertInto('members').values({ guildId, userId, nickname: null }).execute();
    if (roleIds.length > 0) {
      await this.app.db
        .insertInto('member_roles')
        .values(roleIds.map((roleId) => ({ guildId, userId, roleId })))
        .execute();
    }
  }

  async role(
    guildId: string,
    options: { permissions?: bigint; mentionable?: boolean; position?: number } = {},
  ): Promise<string> {
    const id = this.ids.next();
    await this.app.db
      .insertInto('roles')
      .values({
        id,
        guildId,
        name: `role-${id}`,
        color: 0,
        hoist: false,
        mentionable: options.mentionable ?? false,
        position: options.position ?? 1,
        permissions: options.permissions ?? 0n,
      })
      .execute();
    return id;
  }

  async channel(
    guildId: string,
    options: { type?: 'text' | 'voice' | 'category'; slowmodeSeconds?: number } = {},
  ): Promise<string> {
    const id = this.ids.next();
    await this.app.db
      .insertInto('channels')
      .values({
        id,
        type: options.type ?? 'text',
        guildId,
        name: 'channel',
        topic: null,
        parentId: null,
        slowmodeSeconds: options.slowmodeSeconds ?? 0,
        userLimit: null,
        ownerId: null,
        dmKey: null,
        lastMessageId: null,
      })
      .execute();
    return id;
  }

  async overwrite(
    channelId: string,
    target: { id: string; type: 'role' | 'member' },
    change: { allow?: bigint; deny?: bigint },
  ): Promise<void> {
    await this.app.db
      .insertInto('permission_overwrites')
      .values({
        channelId,
        targetId: target.id,
        targetType: target.type,
        allow: change.allow ?? 0n,
        deny: change.deny ?? 0n,
      })
      .execute();
  }

  /** Sends a message through the API and returns its id (fails the test on anything but 201). */
  async send(
    channelId: string,
    as: string,
    content = 'hello',
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const reply = await this.app.call<{ id: string }>('POST', `/api/v1/channels/${channelId}/messages`, {
      as,
      body: { content, ...extra },
    });
    if (reply.status !== 201) throw new Error(`send failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id;
  }

  /** The events written to the outbox under a key, in outbox order. */
  async events<T = Record<string, unknown>>(key: string): Promise<{ type: string; data: T }[]> {
    const result = await sql<{ envelope: { type: string; data: T } }>`
      select envelope from outbox_events where key = ${key} order by position
    `.execute(this.app.db);
    return result.rows.map((row) => ({ type: row.envelope.type, data: row.envelope.data }));
  }
}
