import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { ChatTransactions } from '../database/chat-transactions';

@Injectable()
export class SearchSupportRepository {
  constructor(private readonly transactions: ChatTransactions) {}

  private get db() {
    return this.transactions.executor;
  }

  /** The guild's channels, then its threads (an `in:#name` finds a channel before a thread of that name). */
  async guildChannels(guildId: string): Promise<{ id: string; name: string | null }[]> {
    return this.db
      .selectFrom('channels')
      .select(['id', 'name'])
      .where('guildId', '=', guildId)
      .orderBy(sql`thread_parent_id is not null`)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async usersByName(usernames: readonly string[]): Promise<{ id: string; username: string }[]> {
    if (usernames.length === 0) return [];
    return this.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', usernames)
      .execute();
  }
}
