import type { PermissionOverwrite, RoleGrant } from '@bonfire/contracts';
import { type Kysely, PrecompiledQuery, sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelTypeColumn, ChatDatabase } from '../database/schema';

export interface DecisionChannel {
  id: string;
  type: ChannelTypeColumn;
  guildId: string | null;
  name: string | null;
  /** Threads: the text channel whose overwrites and notification override they follow. */
  parentId: string | null;
  locked: boolean;
  /**
   * Guild channels: who chose level `all` for the guild, the channel, or (a thread) its parent — the
   * recipients of an ordinary message, bounded by opt-ins. Empty for DMs.
   */
  optedInToAll: string[];
}

/** The messages' channels with their opted-in users (NotifyDecisionRepository.channels), compiled once. */
const channelsQuery = new PrecompiledQuery((db: Kysely<ChatDatabase>, args: { channelIds: string[] }) =>
  db
    .selectFrom('channels')
    .select(['id', 'type', 'guildId', 'name', 'threadParentId', 'locked'])
    .select(
      sql<string[]>`case when channels.guild_id is null then '{}'::text[] else array(
        select user_id::text from notification_guild_settings
        where guild_id = channels.guild_id and level = 'all'
        union
        select user_id::text from notification_channel_overrides
        where channel_id in (channels.id, channels.thread_parent_id) and level = 'all'
      ) end`.as('optedInToAll'),
    )
    .where(sql<boolean>`channels.id = any(${args.channelIds}::bigint[])`),
);

/** What the notify decision reads about one message's audience: each a single query for all candidates. */
@Injectable()
export class NotifyDecisionRepository {
  /**
   * The channels of a batch of messages with their opted-in users, in one round trip: it runs for every
   * batch of messages sent. Ids are read as text, so both Postgres drivers (pg and the embedded one) give
   * strings. Channels that no longer exist are absent.
   */
  async channels(db: ChatExecutor, channelIds: readonly string[]): Promise<Map<string, DecisionChannel>> {
    const { rows } = await channelsQuery.execute(db, { channelIds: [...new Set(channelIds)] });
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          type: row.type,
          guildId: row.guildId,
          name: row.name,
          parentId: row.threadParentId,
          locked: row.locked,
          optedInToAll: row.optedInToAll,
        },
      ]),
    );
  }

  async dmRecipients(db: ChatExecutor, channelId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('channel_recipients')
      .select('userId')
      .where('channelId', '=', channelId)
      .execute();
    return rows.map((row) => row.userId);
  }

  /** Members holding one of these roles, the first `limit` by user id. */
  async roleMembers(
    db: ChatExecutor,
    guildId: string,
    roleIds: readonly string[],
    limit: number,
  ): Promise<string[]> {
    if (roleIds.length === 0) return [];
    const rows = await db
      .selectFrom('member_roles')
      .select('userId')
      .distinct()
      .where('guildId', '=', guildId)
      .where('roleId', 'in', roleIds)
      .orderBy('userId')
      .limit(limit)
      .execute();
    return rows.map((row) => row.userId);
  }

  /** The guild's first `limit` members by user id (@everyone / @here). */
  async firstMembers(db: ChatExecutor, guildId: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('members')
      .select('userId')
      .where('guildId', '=', guildId)
      .orderBy('userId')
      .limit(limit)
      .execute();
    return rows.map((row) => row.userId);
  }

  /** Of these users, the guild's members. */
  async membersAmong(db: ChatExecutor, guildId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await db
      .selectFrom('members')
      .select('userId')
      .where('guildId', '=', guildId)
      .where('userId', 'in', userIds)
      .execute();
    return rows.map((row) => row.userId);
  }

  /** The guild's owner, name and @everyone grant. */
  async guild(
    db: ChatExecutor,
    guildId: string,
  ): Promise<{ ownerId: string; name: string; everyone: RoleGrant } | null> {
    const row = await db
      .selectFrom('guilds')
      .innerJoin('roles', 'roles.id', 'guilds.id')
      .select(['guilds.ownerId', 'guilds.name', 'roles.permissions'])
      .where('guilds.id', '=', guildId)
      .executeTakeFirst();
    return row
      ? {
          ownerId: row.ownerId,
          name: row.name,
          everyone: { id: guildId, permissions: BigInt(row.permissions), position: 0 },
        }
      : null;
  }

  /** The roles of these members: user → grants. */
  async memberRoles(
    db: ChatExecutor,
    guildId: string,
    userIds: readonly string[],
  ): Promise<Map<string, RoleGrant[]>> {
    const byUser = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('member_roles')
      .innerJoin('roles', 'roles.id', 'member_roles.roleId')
      .select(['member_roles.userId', 'roles.id', 'roles.permissions', 'roles.position'])
      .where('member_roles.guildId', '=', guildId)
      .where('member_roles.userId', 'in', userIds)
      .execute();
    for (const row of rows) {
      const list = byUser.get(row.userId) ?? [];
      list.push({ id: row.id, permissions: BigInt(row.permissions), position: row.position });
      byUser.set(row.userId, list);
    }
    return byUser;
  }

  async overwrites(db: ChatExecutor, channelId: string): Promise<PermissionOverwrite[]> {
    const rows = await db
      .selectFrom('permission_overwrites')
      .selectAll()
      .where('channelId', '=', channelId)
      .execute();
    return rows.map((row) => ({
      id: row.targetId,
      type: row.targetType,
      allow: BigInt(row.allow),
      deny: BigInt(row.deny),
    }));
  }

  /** Of these users, the thread's members. */
  async threadMembersAmong(
    db: ChatExecutor,
    threadId: string,
    userIds: readonly string[],
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('thread_members')
      .select('userId')
      .where('threadId', '=', threadId)
      .where('userId', 'in', userIds)
      .execute();
    return new Set(rows.map((row) => row.userId));
  }

  /** Of these users, those who blocked the author (relationships). */
  async blockersOf(db: ChatExecutor, authorId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('relationships')
      .select('userId')
      .where('targetId', '=', authorId)
      .where('type', '=', 'blocked')
      .where('userId', 'in', userIds)
      .execute();
    return new Set(rows.map((row) => row.userId));
  }

  /** A user's display name (else username), as chat's users projection knows it. */
  async userName(db: ChatExecutor, userId: string): Promise<string | null> {
    const row = await db
      .selectFrom('users')
      .select(['username', 'displayName'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return row ? (row.displayName ?? row.username) : null;
  }
}
