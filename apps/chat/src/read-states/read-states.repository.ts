import type { PermissionOverwrite, RoleGrant } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';

/** Unread and mention counts stop at this many (clients show "999+"); keeps every count one bounded scan. */
export const READ_STATE_COUNT_CAP = 1_000;

interface MemberGuild {
  guildId: string;
  ownerId: string;
  everyone: RoleGrant;
  roles: RoleGrant[];
}

interface ReadStateCounts {
  channelId: string;
  lastReadMessageId: string | null;
  hasReadState: boolean;
  unreadCount: number;
  mentionCount: number;
  /** Mentions of me or my roles only (without @everyone/@here): what counts when those are suppressed. */
  namedMentionCount: number;
}

@Injectable()
export class ReadStatesRepository {
  /**
   * Moves the read marker forward (never back). Returns false when the stored marker was already at or
   * past this message.
   */
  async advance(db: ChatExecutor, userId: string, channelId: string, messageId: string): Promise<boolean> {
    const row = await db
      .insertInto('read_states')
      .values({ userId, channelId, lastReadMessageId: messageId })
      .onConflict((conflict) =>
        conflict
          .columns(['userId', 'channelId'])
          .doUpdateSet({ lastReadMessageId: messageId, updatedAt: new Date() })
          .where((eb) =>
            eb.or([
              eb('read_states.lastReadMessageId', 'is', null),
              eb('read_states.lastReadMessageId', '<', messageId),
            ]),
          ),
      )
      .returning('userId')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The guilds I am in, each with its @everyone role and my roles (two queries for all guilds). */
  async memberGuilds(db: ChatExecutor, userId: string): Promise<MemberGuild[]> {
    const guilds = await db
      .selectFrom('members')
      .innerJoin('guilds', 'guilds.id', 'members.guildId')
      .innerJoin('roles as everyone', 'everyone.id', 'guilds.id')
      .select([
        'guilds.id as guildId',
        'guilds.ownerId as ownerId',
        'everyone.permissions as everyonePermissions',
      ])
      .where('members.userId', '=', userId)
      .execute();
    if (guilds.length === 0) return [];
    const roles = await db
      .selectFrom('member_roles')
      .innerJoin('roles', 'roles.id', 'member_roles.roleId')
      .select(['member_roles.guildId', 'roles.id', 'roles.permissions', 'roles.position'])
      .where('member_roles.userId', '=', userId)
      .execute();
    const rolesByGuild = new Map<string, RoleGrant[]>();
    for (const role of roles) {
      const list = rolesByGuild.get(role.guildId) ?? [];
      list.push({ id: role.id, permissions: BigInt(role.permissions), position: role.position });
      rolesByGuild.set(role.guildId, list);
    }
    return guilds.map((guild) => ({
      guildId: guild.guildId,
      ownerId: guild.ownerId,
      everyone: { id: guild.guildId, permissions: BigInt(guild.everyonePermissions), position: 0 },
      roles: rolesByGuild.get(guild.guildId) ?? [],
    }));
  }

  /** The text channels of these guilds with their overwrites (two queries). */
  /** The guilds' threads the user joined or has a read state in (unread badges per thread). */
  async followedThreads(
    db: ChatExecutor,
    userId: string,
    guildIds: readonly string[],
  ): Promise<{ id: string; guildId: string }[]> {
    if (guildIds.length === 0) return [];
    const rows = await db
      .selectFrom('channels')
      .select(['id', 'guildId'])
      .where('guildId', 'in', guildIds)
      .where('threadParentId', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('thread_members')
              .select('userId')
              .whereRef('thread_members.threadId', '=', 'channels.id')
              .where('thread_members.userId', '=', userId),
          ),
          eb.exists(
            eb
              .selectFrom('read_states')
              .select('userId')
              .whereRef('read_states.channelId', '=', 'channels.id')
              .where('read_states.userId', '=', userId),
          ),
        ]),
      )
      .execute();
    return rows.map((row) => ({ id: row.id, guildId: row.guildId! }));
  }

  async guildTextChannels(
    db: ChatExecutor,
    guildIds: readonly string[],
  ): Promise<{ id: string; guildId: string; overwrites: PermissionOverwrite[] }[]> {
    if (guildIds.length === 0) return [];
    const channels = await db
      .selectFrom('channels')
      .select(['id', 'guildId'])
      .where('guildId', 'in', guildIds)
      .where('type', '=', 'text')
      .execute();
    if (channels.length === 0) return [];
    const overwrites = await db
      .selectFrom('permission_overwrites')
      .selectAll()
      .where(
        'channelId',
        'in',
        channels.map((channel) => channel.id),
      )
      .execute();
    const byChannel = new Map<string, PermissionOverwrite[]>();
    for (const row of overwrites) {
      const list = byChannel.get(row.channelId) ?? [];
      list.push({
        id: row.targetId,
        type: row.targetType,
        allow: BigInt(row.allow),
        deny: BigInt(row.deny),
      });
      byChannel.set(row.channelId, list);
    }
    return channels.map((channel) => ({
      id: channel.id,
      guildId: channel.guildId!,
      overwrites: byChannel.get(channel.id) ?? [],
    }));
  }

  async dmChannelIds(db: ChatExecutor, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('channel_recipients')
      .select('channelId')
      .where('userId', '=', userId)
      .execute();
    return rows.map((row) => row.channelId);
  }

  /**
   * Read states of the given channels in one query: channels where I have a read state or whose last
   * message is newer than it. Per channel, unread = messages by others after my marker, mentions = those
   * of them mentioning me, @everyone (honoured) or one of my roles; both capped at READ_STATE_COUNT_CAP,
   * each a bounded scan of the (channel_id, id) index.
   */
  async counts(
    db: ChatExecutor,
    userId: string,
    channelIds: readonly string[],
    roleIds: readonly string[],
  ): Promise<ReadStateCounts[]> {
    if (channelIds.length === 0) return [];
    // Result keys come back camelCase (CamelCasePlugin): the aliases name ReadStateCounts' fields.
    const result = await sql<ReadStateCounts>`
      select c.id as channel_id,
        rs.last_read_message_id,
        rs.user_id is not null as has_read_state,
        (select count(*)::int from (
          select 1 from messages m
          where m.channel_id = c.id and m.id > coalesce(rs.last_read_message_id, 0) and m.author_id <> ${userId}
          limit ${READ_STATE_COUNT_CAP}) unread) as unread_count,
        (select count(*)::int from (
          select 1 from messages m
          where m.channel_id = c.id and m.id > coalesce(rs.last_read_message_id, 0) and m.author_id <> ${userId}
            and (m.mention_everyone
              or m.mention_user_ids @> array[${userId}]::bigint[]
              or m.mention_role_ids && ${[...roleIds]}::bigint[])
          limit ${READ_STATE_COUNT_CAP}) mentioned) as mention_count,
        (select count(*)::int from (
          select 1 from messages m
          where m.channel_id = c.id and m.id > coalesce(rs.last_read_message_id, 0) and m.author_id <> ${userId}
            and (m.mention_user_ids @> array[${userId}]::bigint[]
              or m.mention_role_ids && ${[...roleIds]}::bigint[])
          limit ${READ_STATE_COUNT_CAP}) named) as named_mention_count
      from channels c
      left join read_states rs on rs.channel_id = c.id and rs.user_id = ${userId}
      where c.id = any(${[...channelIds]}::bigint[])
        and (rs.user_id is not null or c.last_message_id > coalesce(rs.last_read_message_id, 0))
      order by c.id
    `.execute(db);
    return result.rows;
  }
}
