import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import type { Reactor } from './reactions.dto';

interface ReactionKey {
  messageId: string;
  channelId: string;
  userId: string;
  emoji: string;
}

@Injectable()
export class ReactionsRepository {
  async messageExists(db: ChatExecutor, channelId: string, messageId: string): Promise<boolean> {
    const row = await db
      .selectFrom('messages')
      .select('id')
      .where('channelId', '=', channelId)
      .where('id', '=', messageId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The distinct emoji (reaction keys) on a message. */
  async emojiOn(db: ChatExecutor, messageId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('reactions')
      .select('emoji')
      .distinct()
      .where('messageId', '=', messageId)
      .execute();
    return rows.map((row) => row.emoji);
  }

  /** True when the reaction was added (false: it was already there). */
  async add(db: ChatExecutor, key: ReactionKey): Promise<boolean> {
    const row = await db
      .insertInto('reactions')
      .values({ messageId: key.messageId, channelId: key.channelId, userId: key.userId, emoji: key.emoji })
      .onConflict((conflict) => conflict.columns(['messageId', 'emoji', 'userId']).doNothing())
      .returning('userId')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** True when a reaction was removed. */
  async remove(db: ChatExecutor, key: ReactionKey): Promise<boolean> {
    const row = await db
      .deleteFrom('reactions')
      .where('messageId', '=', key.messageId)
      .where('emoji', '=', key.emoji)
      .where('userId', '=', key.userId)
      .returning('userId')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Who reacted with an emoji, by user id ascending (served by the primary key). */
  async reactors(
    db: ChatExecutor,
    messageId: string,
    emoji: string,
    page: { after?: string; limit: number },
  ): Promise<Reactor[]> {
    let query = db
      .selectFrom('reactions')
      .leftJoin('users', 'users.id', 'reactions.userId')
      .select(['reactions.userId as id', 'users.username', 'users.displayName'])
      .where('reactions.messageId', '=', messageId)
      .where('reactions.emoji', '=', emoji);
    if (page.after !== undefined) query = query.where('reactions.userId', '>', page.after);
    const rows = await query.orderBy('reactions.userId', 'asc').limit(page.limit).execute();
    return rows.map((row) => ({
      id: row.id,
      username: row.username ?? 'unknown',
      displayName: row.displayName ?? null,
    }));
  }
}
