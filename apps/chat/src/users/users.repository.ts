import { Injectable } from '@nestjs/common';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';

export interface UserProjection {
  id: string;
  username: string;
  displayName: string | null;
  avatarFileId: string | null;
  bot?: boolean;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly transactions: ChatTransactions) {}

  async upsert(executor: ChatExecutor, user: UserProjection): Promise<void> {
    await executor
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        avatarFileId: user.avatarFileId,
        bot: user.bot ?? false,
      })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({
          username: user.username,
          displayName: user.displayName,
          avatarFileId: user.avatarFileId,
          bot: user.bot ?? false,
          updatedAt: new Date(),
        }),
      )
      .execute();
  }

  /**
   * Who can see the user: the guilds they are a member of and the DMs and group DMs they are in (the
   * audience of their profile changes), read in the transaction that applied the change.
   */
  async audience(
    executor: ChatExecutor,
    userId: string,
  ): Promise<{ guildIds: string[]; dmChannelIds: string[] }> {
    const guilds = await executor
      .selectFrom('members')
      .select('guildId')
      .where('userId', '=', userId)
      .orderBy('guildId')
      .execute();
    const dms = await executor
      .selectFrom('channel_recipients')
      .select('channelId')
      .where('userId', '=', userId)
      .orderBy('channelId')
      .execute();
    return { guildIds: guilds.map((row) => row.guildId), dmChannelIds: dms.map((row) => row.channelId) };
  }

  /** A bot user as chat knows it (null when unknown yet, or not a bot). */
  async findBot(executor: ChatExecutor, id: string): Promise<UserProjection | null> {
    const row = await executor
      .selectFrom('users')
      .select(['id', 'username', 'displayName', 'avatarFileId'])
      .where('id', '=', id)
      .where('bot', '=', true)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          username: row.username,
          displayName: row.displayName,
          avatarFileId: row.avatarFileId,
          bot: true,
        }
      : null;
  }

  async exist(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.transactions.executor
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((row) => row.id));
  }
}
