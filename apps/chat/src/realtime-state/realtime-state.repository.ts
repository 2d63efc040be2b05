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

interface MemberPageRow {
  guildId: string;
  userId: string;
  total: number;
}

/**
 * The reads behind the realtime `ready` payload. Every read takes all of the user's guilds at once
 * (one round trip per table, never one per guild or per channel), so a user in 200 guilds costs the
 * same eight queries as a user in one.
 */
@Injectable()
export class RealtimeStateRepository {
  constructor(private readonly transactions: ChatTransactions) {}

  private get db() {
    return this.transactions.executor;
  }

  async memberships(userId: string): Promise<{ guild: GuildRow; member: MembershipRow }[]> {
    const rows = await this.db
      .selectFrom('members')
      .innerJoin('guilds', 'guilds.id', 'members.guildId')
      .selectAll('guilds')
      .select(['members.nickname as memberNickname', 'members.joinedAt as memberJoinedAt'])
      .where('members.userId', '=', userId)
      .orderBy('members.joinedAt')
      .orderBy('guilds.id')
      .execute();
    return rows.map(({ memberNickname, memberJoinedAt, ...guild }) => ({
      guild,
      member: { guildId: guild.id, nickname: memberNickname, joinedAt: memberJoinedAt },
    }));
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

  /** The user's role ids in each of the guilds. */
  async memberRoleIds(userId: string, guildIds: readonly string[]): Promise<Map<string, string[]>> {
    const byGuild = new Map<string, string[]>();
    if (guildIds.length === 0) return byGuild;
    const rows = await this.db
      .selectFrom('member_roles')
      .select(['guildId', 'roleId'])
      .where('userId', '=', userId)
      .where('guildId', 'in', guildIds)
      .execute();
    for (const row of rows) byGuild.set(row.guildId, [...(byGuild.get(row.guildId) ?? []), row.roleId]);
    return byGuild;
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

  /** DMs and group DMs the user is a recipient of, newest activity first. */
  async dmChannels(userId: string): Promise<ChannelRow[]> {
    return this.db
      .selectFrom('channels')
      .innerJoin('channel_recipients', 'channel_recipients.channelId', 'channels.id')
      .selectAll('channels')
      .where('channel_recipients.userId', '=', userId)
      .where('channels.guildId', 'is', null)
      .orderBy('channels.lastMessageId', (ob) => ob.desc().nullsLast())
      .orderBy('channels.id', 'desc')
      .execute();
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

  async readStates(userId: string): Promise<{ channelId: string; lastReadMessageId: string | null }[]> {
    return this.db
      .selectFrom('read_states')
      .select(['channelId', 'lastReadMessageId'])
      .where('userId', '=', userId)
      .orderBy('channelId')
      .execute();
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
