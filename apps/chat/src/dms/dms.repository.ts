import { toChannel } from '../channels/channels.dto';
import type { Channel } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelsTable } from '../database/schema';

type ChannelRow = Selectable<ChannelsTable>;

@Injectable()
export class DmsRepository {
  /** My DMs and group DMs, newest activity first (last message, else creation). */
  async listForUser(db: ChatExecutor, userId: string): Promise<Channel[]> {
    const rows = await db
      .selectFrom('channel_recipients as me')
      .innerJoin('channels', 'channels.id', 'me.channelId')
      .selectAll('channels')
      .where('me.userId', '=', userId)
      .where('channels.type', 'in', ['dm', 'group_dm'])
      .orderBy(sql`coalesce(channels.last_message_id, channels.id)`, 'desc')
      .execute();
    return this.withRecipients(db, rows);
  }

  async find(db: ChatExecutor, channelId: string): Promise<Channel | null> {
    const row = await db.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirst();
    if (!row) return null;
    const [channel] = await this.withRecipients(db, [row]);
    return channel ?? null;
  }

  async findByDmKey(db: ChatExecutor, dmKey: string): Promise<Channel | null> {
    const row = await db.selectFrom('channels').selectAll().where('dmKey', '=', dmKey).executeTakeFirst();
    if (!row) return null;
    const [channel] = await this.withRecipients(db, [row]);
    return channel ?? null;
  }

  /** Creates the 1:1 DM; false when one with this key exists already (a concurrent open won). */
  async insertDm(db: ChatExecutor, channel: { id: string; dmKey: string }): Promise<boolean> {
    const row = await db
      .insertInto('channels')
      .values({ id: channel.id, type: 'dm', guildId: null, dmKey: channel.dmKey })
      .onConflict((conflict) => conflict.column('dmKey').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertGroup(
    db: ChatExecutor,
    channel: { id: string; ownerId: string; name: string | null },
  ): Promise<void> {
    await db
      .insertInto('channels')
      .values({
        id: channel.id,
        type: 'group_dm',
        guildId: null,
        ownerId: channel.ownerId,
        name: channel.name,
      })
      .execute();
  }

  async addRecipients(db: ChatExecutor, channelId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await db
      .insertInto('channel_recipients')
      .values(userIds.map((userId) => ({ channelId, userId })))
      .onConflict((conflict) => conflict.columns(['channelId', 'userId']).doNothing())
      .execute();
  }

  async removeRecipient(db: ChatExecutor, channelId: string, userId: string): Promise<boolean> {
    const row = await db
      .deleteFrom('channel_recipients')
      .where('channelId', '=', channelId)
      .where('userId', '=', userId)
      .returning('userId')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Serialises, until the transaction ends, everything that puts these users into a group DM (the
   * group-DMs-per-user limit holds under concurrent creates and adds). Taken in id order, so two
   * transactions locking overlapping sets cannot deadlock.
   */
  async lockUsersGroupDms(db: ChatExecutor, userIds: readonly string[]): Promise<void> {
    const ordered = [...new Set(userIds)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    for (const userId of ordered) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`user-group-dms:${userId}`}, 0))`.execute(db);
    }
  }

  /** How many group DMs each of these users is in (users in none are absent from the map). */
  async countGroupDms(db: ChatExecutor, userIds: readonly string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('channel_recipients')
      .innerJoin('channels', 'channels.id', 'channel_recipients.channelId')
      .select(['channel_recipients.userId as userId', (eb) => eb.fn.countAll<string>().as('count')])
      .where('channel_recipients.userId', 'in', userIds)
      .where('channels.type', '=', 'group_dm')
      .groupBy('channel_recipients.userId')
      .execute();
    return new Map(rows.map((row) => [row.userId, Number(row.count)]));
  }

  /** Row-locks the channel (recipient changes of one group DM happen one at a time). */
  async lock(db: ChatExecutor, channelId: string): Promise<void> {
    await db.selectFrom('channels').select('id').where('id', '=', channelId).forUpdate().execute();
  }

  async setOwner(db: ChatExecutor, channelId: string, ownerId: string): Promise<void> {
    await db.updateTable('channels').set({ ownerId }).where('id', '=', channelId).execute();
  }

  async setName(db: ChatExecutor, channelId: string, name: string | null): Promise<void> {
    await db.updateTable('channels').set({ name }).where('id', '=', channelId).execute();
  }

  async deleteChannel(db: ChatExecutor, channelId: string): Promise<void> {
    await db.deleteFrom('channels').where('id', '=', channelId).execute();
  }

  private async withRecipients(db: ChatExecutor, rows: readonly ChannelRow[]): Promise<Channel[]> {
    if (rows.length === 0) return [];
    const recipients = await db
      .selectFrom('channel_recipients')
      .select(['channelId', 'userId'])
      .where(
        'channelId',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('userId')
      .execute();
    const byChannel = new Map<string, string[]>();
    for (const recipient of recipients) {
      const list = byChannel.get(recipient.channelId) ?? [];
      list.push(recipient.userId);
      byChannel.set(recipient.channelId, list);
    }
    return rows.map((row) => toChannel(row, [], byChannel.get(row.id) ?? []));
  }
}
