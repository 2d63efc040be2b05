import { groupRows } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { ChatTransactions } from '../database/chat-transactions';
import { emojisOfGuilds } from '../emojis/emojis.repository';
import type { ChannelsTable, GuildsTable, RolesTable } from '../database/schema';
import type { Selectable } from 'kysely';

type GuildRow = Selectable<GuildsTable>;
export type RoleRow = Selectable<RolesTable>;
type ChannelRow = Selectable<ChannelsTable>;

interface MembershipRow {
  guildId: string;
  nickname: string | null;
  joinedAt: Date;
}

export interface Membership {
  guild: GuildRow;
  member: MembershipRow;
}

export interface ReadState {
  channelId: string;
  lastReadMessageId: string | null;
}

export interface MemberPageRow {
  guildId: string;
  userId: string;
  total: number;
}

/**
 * The reads behind the realtime `ready` payload. Every read takes many users, guilds or channels at once
 * (one round trip per table, never one per guild or per channel): a user in 200 guilds costs the same
 * queries as a user in one, and RealtimeStateReads gathers concurrent handshakes into the same reads.
 */
@Injectable()
export class RealtimeStateRepository {
  constructor(private readonly transactions: ChatTransactions) {}

  private get db() {
    return this.transactions.executor;
  }

  /** Each user's guilds with their membership, oldest membership first. */
  async membershipsOf(userIds: readonly string[]): Promise<Map<string, Membership[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('members')
      .innerJoin('guilds', 'guilds.id', 'members.guildId')
      .selectAll('guilds')
      .select([
        'members.userId as memberUserId',
        'members.nickname as memberNickname',
        'members.joinedAt as memberJoinedAt',
      ])
      .where('members.userId', 'in', userIds)
      .orderBy('members.joinedAt')
      .orderBy('guilds.id')
      .execute();
    return groupRows(
      rows,
      (row) => row.memberUserId,
      ({ memberUserId: _, memberNickname, memberJoinedAt, ...guild }) => ({
        guild,
        member: { guildId: guild.id, nickname: memberNickname, joinedAt: memberJoinedAt },
      }),
    );
  }

  /** The guilds' custom emoji, by guild, oldest first. */
  emojis(guildIds: readonly string[]) {
    return emojisOfGuilds(this.db, guildIds);
  }

  async roles(guildIds: readonly string[]): Promise<RoleRow[]> {
    if (guildIds.length === 0) return [];
    return this.db
      .selectFrom('roles')
      .selectAll()
      .where('guildId', 'in', guildIds)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** The guilds' active (unarchived) threads, oldest first. */
  async activeThreads(guildIds: readonly string[]): Promise<ChannelRow[]> {
    if (guildIds.length === 0) return [];
    return this.db
      .selectFrom('channels')
      .selectAll()
      .where('guildId', 'in', guildIds)
      .where('threadParentId', 'is not', null)
      .where('archived', '=', false)
      .orderBy('id')
      .execute();
  }

  /** Each user's role ids, by guild. */
  async memberRoleIdsOf(userIds: readonly string[]): Promise<Map<string, Map<string, string[]>>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('member_roles')
      .select(['userId', 'guildId', 'roleId'])
      .where('userId', 'in', userIds)
      .execute();
    const byUser = groupRows(rows, (row) => row.userId);
    return new Map(
      [...byUser].map(([userId, userRows]) => [
        userId,
        groupRows(
          userRows,
          (row) => row.guildId,
          (row) => row.roleId,
        ),
      ]),
    );
  }

  async guildChannels(guildIds: readonly string[]): Promise<ChannelRow[]> {
    if (guildIds.length === 0) return [];
    return this.db
      .selectFrom('channels')
      .selectAll()
      .where('guildId', 'in', guildIds)
      .where('threadParentId', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async guildChannelIds(guildId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('channels')
      .select('id')
      .where('guildId', '=', guildId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** The DMs and group DMs each user is a recipient of, newest activity first. */
  async dmChannelsOf(userIds: readonly string[]): Promise<Map<string, ChannelRow[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('channels')
      .innerJoin('channel_recipients', 'channel_recipients.channelId', 'channels.id')
      .selectAll('channels')
      .select('channel_recipients.userId as recipientUserId')
      .where('channel_recipients.userId', 'in', userIds)
      .where('channels.guildId', 'is', null)
      .orderBy('channels.lastMessageId', (ob) => ob.desc().nullsLast())
      .orderBy('channels.id', 'desc')
      .execute();
    return groupRows(
      rows,
      (row) => row.recipientUserId,
      ({ recipientUserId: _, ...channel }) => channel,
    );
  }

  async recipients(channelIds: readonly string[]): Promise<Map<string, string[]>> {
    const byChannel = new Map<string, string[]>();
    if (channelIds.length === 0) return byChannel;
    const rows = await this.db
      .selectFrom('channel_recipients')
      .select(['channelId', 'userId'])
      .where('channelId', 'in', channelIds)
      .orderBy('userId')
      .execute();
    for (const row of rows)
      byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row.userId]);
    return byChannel;
  }

  /** Each user's read positions, by channel id. */
  async readStatesOf(userIds: readonly string[]): Promise<Map<string, ReadState[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('read_states')
      .select(['userId', 'channelId', 'lastReadMessageId'])
      .where('userId', 'in', userIds)
      .orderBy('channelId')
      .execute();
    return groupRows(
      rows,
      (row) => row.userId,
      ({ channelId, lastReadMessageId }) => ({ channelId, lastReadMessageId }),
    );
  }

  /**
   * The first `pageSize` members (by user id) of every guild, with each guild's member count, in one
   * query. Per guild, the page reads `pageSize` entries of the (guild, user) key and the count only that
   * guild's part of the index: a handshake into a guild of 10,000 costs the same page as one into 50
   * (a window over every member took 5.5 ms of Postgres per handshake there).
   */
  async memberPages(guildIds: readonly string[], pageSize: number): Promise<MemberPageRow[]> {
    if (guildIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('guilds')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('members')
            .select((count) => count.fn.countAll<string>().as('total'))
            .whereRef('members.guildId', '=', 'guilds.id')
            .as('counted'),
        (join) => join.onTrue(),
      )
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('members')
            .select('members.userId')
            .whereRef('members.guildId', '=', 'guilds.id')
            .orderBy('members.userId')
            .limit(pageSize)
            .as('page'),
        (join) => join.onTrue(),
      )
      .select(['guilds.id as guildId', 'page.userId as userId', 'counted.total as total'])
      .where('guilds.id', 'in', guildIds)
      .orderBy('guilds.id')
      .orderBy('page.userId')
      .execute();
    return rows.map((row) => ({ guildId: row.guildId, userId: row.userId, total: Number(row.total) }));
  }
}
