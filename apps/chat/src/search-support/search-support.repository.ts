import { Injectable } from '@nestjs/common';
import { ChatTransactions } from '../database/chat-transactions';

@Injectable()
export class SearchSupportRepository {
  constructor(private readonly transactions: ChatTransactions) {}

  private get db() {
    return this.transactions.executor;
  }

  async guildChannels(guildId: string): Promise<{ id: string; name: string | null }[]> {
    return this.db
      .selectFrom('channels')
      .select(['id', 'name'])
      .where('guild_id', '=', guildId)
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
