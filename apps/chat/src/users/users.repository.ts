import { Injectable } from '@nestjs/common';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';

export interface UserProjection {
  id: string;
  username: string;
  displayName: string | null;
  avatarFileId: string | null;
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
        display_name: user.displayName,
        avatar_file_id: user.avatarFileId,
      })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({
          username: user.username,
          display_name: user.displayName,
          avatar_file_id: user.avatarFileId,
          updated_at: new Date(),
        }),
      )
      .execute();
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
