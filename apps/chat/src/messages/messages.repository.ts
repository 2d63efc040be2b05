import { MESSAGE_FLAGS } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { type QueryCreator, sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import type { ParsedMentions } from './mentions';
import type { HistoryPlan } from './history-cursor';
import type { MessageRow, ReactionCount } from './message-view';
import { type NewMessage, newMessageRow } from './message-row';

interface SendTarget {
  slowmodeSeconds: number;
}

/** Messages and pins. Every read goes through the (channel_id, id) index or the primary key. */
@Injectable()
export class MessagesRepository {
  async findInChannel(db: ChatExecutor, channelId: string, messageId: string): Promise<MessageRow | null> {
    const row = await db
      .selectFrom('messages')
      .selectAll()
      .where('channelId', '=', channelId)
      .where('id', '=', messageId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The channel a message lives in (null when no such message). */
  async channelOf(db: ChatExecutor, messageId: string): Promise<string | null> {
    const row = await db
      .selectFrom('messages')
      .select('channelId')
      .where('id', '=', messageId)
      .executeTakeFirst();
    return row?.channelId ?? null;
  }

  async findByNonce(
    db: ChatExecutor,
    channelId: string,
    authorId: string,
    nonce: string,
  ): Promise<MessageRow | null> {
    const row = await db
      .selectFrom('messages')
      .selectAll()
      .where('channelId', '=', channelId)
      .where('authorId', '=', authorId)
      .where('nonce', '=', nonce)
      .executeTakeFirst();
    return row ?? null;
  }

  async sendTarget(db: ChatExecutor, channelId: string): Promise<SendTarget | null> {
    const row = await db
      .selectFrom('channels')
      .select('slowmodeSeconds')
      .where('id', '=', channelId)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Row-locks the channel until the transaction ends: one channel's writes commit one after another, so
   * their ids, outbox positions and commit order agree (consumers see a channel's events in order).
   */
  async lockChannel(db: ChatExecutor, channelId: string): Promise<boolean> {
    const row = await db
      .selectFrom('channels')
      .select('id')
      .where('id', '=', channelId)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }

  /** lockChannel for a send: also the channel's latest message id (null: no message yet); null when no channel. */
  async lockChannelForSend(
    db: ChatExecutor,
    channelId: string,
  ): Promise<{ lastMessageId: string | null } | null> {
    const row = await db
      .selectFrom('channels')
      .select('lastMessageId')
      .where('id', '=', channelId)
      .forUpdate()
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Inserts messages in one statement, by id; a message whose (channel, author, nonce) already exists —
   * before this statement or earlier in it — is skipped (absent from the map).
   */
  async insertMany(db: ChatExecutor, messages: readonly NewMessage[]): Promise<Map<string, MessageRow>> {
    if (messages.length === 0) return new Map();
    const rows = await this.insertion(db, messages).execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * insertMany for messages of one channel, which in the same statement also becomes the channel's
   * last_message_id: its newest inserted id (unchanged when every message was skipped).
   */
  async insertManyAsLatest(
    db: ChatExecutor,
    channelId: string,
    messages: readonly NewMessage[],
  ): Promise<Map<string, MessageRow>> {
    if (messages.length === 0) return new Map();
    const rows = await db
      .with('inserted', (cte) => this.insertion(cte, messages))
      .with('bumped', (cte) =>
        cte
          .updateTable('channels')
          .set((eb) => ({
            lastMessageId: eb.selectFrom('inserted').select((inner) => inner.fn.max('inserted.id').as('id')),
          }))
          .where('id', '=', channelId)
          .where((eb) => eb.exists(eb.selectFrom('inserted').select(sql.lit(1).as('one')))),
      )
      .selectFrom('inserted')
      .selectAll()
      .execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  private insertion(db: QueryCreator<ChatDatabase>, messages: readonly NewMessage[]) {
    const createdAt = new Date();
    return db
      .insertInto('messages')
      .values(
        messages.map((message) => {
          const row = newMessageRow(message, createdAt);
          return { ...row, attachments: JSON.stringify(row.attachments), embeds: JSON.stringify(row.embeds) };
        }),
      )
      .onConflict((conflict) =>
        conflict.columns(['channelId', 'authorId', 'nonce']).where('nonce', 'is not', null).doNothing(),
      )
      .returningAll();
  }

  async setLastMessage(db: ChatExecutor, channelId: string, messageId: string): Promise<void> {
    await db.updateTable('channels').set({ lastMessageId: messageId }).where('id', '=', channelId).execute();
  }

  async updateContent(
    db: ChatExecutor,
    channelId: string,
    messageId: string,
    change: { content: string; mentions: ParsedMentions },
  ): Promise<MessageRow | null> {
    const row = await db
      .updateTable('messages')
      .set((eb) => ({
        content: change.content,
        mentionUserIds: change.mentions.userIds,
        mentionRoleIds: change.mentions.roleIds,
        mentionEveryone: change.mentions.everyone,
        editedAt: new Date(),
        revision: eb('revision', '+', 1),
      }))
      .where('channelId', '=', channelId)
      .where('id', '=', messageId)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Sets or clears SUPPRESS_EMBEDS (link embeds, 0011); null when it already was so (nothing changed).
   * Setting it removes the embeds; clearing it marks the message for a new unfurl.
   */
  async updateSuppressEmbeds(
    db: ChatExecutor,
    channelId: string,
    messageId: string,
    suppress: boolean,
  ): Promise<MessageRow | null> {
    const bit = MESSAGE_FLAGS.SUPPRESS_EMBEDS;
    const row = await db
      .updateTable('messages')
      .set((eb) => ({
        flags: suppress ? sql<number>`flags | ${sql.lit(bit)}` : sql<number>`flags & ~${sql.lit(bit)}`,
        ...(suppress ? { embeds: '[]' } : { embedsUnfurledAt: null }),
        revision: eb('revision', '+', 1),
      }))
      .where('channelId', '=', channelId)
      .where('id', '=', messageId)
      .where(sql<boolean>`(flags & ${sql.lit(bit)}) ${sql.raw(suppress ? '=' : '<>')} 0`)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Pins or unpins; null when the message already was in that state (nothing changed). */
  async setPinned(
    db: ChatExecutor,
    channelId: string,
    messageId: string,
    pinned: boolean,
  ): Promise<MessageRow | null> {
    const row = await db
      .updateTable('messages')
      .set((eb) => ({ pinned, revision: eb('revision', '+', 1) }))
      .where('channelId', '=', channelId)
      .where('id', '=', messageId)
      .where('pinned', '=', !pinned)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async countPinned(db: ChatExecutor, channelId: string): Promise<number> {
    const row = await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('channelId', '=', channelId)
      .where('pinned', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Pinned messages, newest first (served by the partial pinned index). */
  async pinned(db: ChatExecutor, channelId: string): Promise<MessageRow[]> {
    return db
      .selectFrom('messages')
      .selectAll()
      .where('channelId', '=', channelId)
      .where('pinned', '=', true)
      .orderBy('id', 'desc')
      .execute();
  }

  async delete(db: ChatExecutor, channelId: string, messageId: string): Promise<MessageRow | null> {
    const row = await db
      .deleteFrom('messages')
      .where('channelId', '=', channelId)
      .where('id', '=', messageId)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * One page of history, newest first. Each branch is one range scan of the (channel_id, id) index:
   * `where channel_id = $1 and id < $2 order by id desc limit $3` never sorts or reads past the page.
   */
  async history(db: ChatExecutor, channelId: string, plan: HistoryPlan): Promise<MessageRow[]> {
    const base = db.selectFrom('messages').selectAll().where('channelId', '=', channelId);
    const newestFirst = (query: typeof base) => query.orderBy('id', 'desc');
    const oldestFirst = (query: typeof base) => query.orderBy('id', 'asc');
    switch (plan.kind) {
      case 'latest':
        return newestFirst(base).limit(plan.limit).execute();
      case 'before':
        return newestFirst(base.where('id', '<', plan.cursor))
          .limit(plan.limit)
          .execute();
      case 'after': {
        const rows = await oldestFirst(base.where('id', '>', plan.cursor))
          .limit(plan.limit)
          .execute();
        return rows.reverse();
      }
      case 'around': {
        const [older, newer] = await Promise.all([
          newestFirst(base.where('id', '<=', plan.cursor))
            .limit(plan.older)
            .execute(),
          plan.newer > 0
            ? oldestFirst(base.where('id', '>', plan.cursor))
                .limit(plan.newer)
                .execute()
            : Promise.resolve([]),
        ]);
        return [...newer.reverse(), ...older];
      }
    }
  }

  /** Reaction counts per message, emoji in the order they were first used; `me` for the viewer. */
  async reactionCounts(
    db: ChatExecutor,
    messageIds: readonly string[],
    viewerId: string | null,
  ): Promise<Map<string, ReactionCount[]>> {
    const byMessage = new Map<string, ReactionCount[]>();
    if (messageIds.length === 0) return byMessage;
    const rows = await db
      .selectFrom('reactions')
      .select((eb) => [
        'messageId',
        'emoji',
        eb.fn.countAll<string>().as('count'),
        viewerId === null
          ? sql<boolean>`false`.as('me')
          : sql<boolean>`bool_or(user_id = ${viewerId})`.as('me'),
        eb.fn.min('createdAt').as('firstAt'),
      ])
      .where('messageId', 'in', messageIds)
      .groupBy(['messageId', 'emoji'])
      .orderBy('firstAt', 'asc')
      .orderBy('emoji', 'asc')
      .execute();
    for (const row of rows) {
      const list = byMessage.get(row.messageId) ?? [];
      list.push({ emoji: row.emoji, count: Number(row.count), me: row.me });
      byMessage.set(row.messageId, list);
    }
    return byMessage;
  }

  /** Of the given users, those who may be mentioned in the channel: guild members or DM recipients. */
  async mentionableUsers(
    db: ChatExecutor,
    target: { channelId: string; guildId: string | null },
    userIds: readonly string[],
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows =
      target.guildId === null
        ? await db
            .selectFrom('channel_recipients')
            .select('userId')
            .where('channelId', '=', target.channelId)
            .where('userId', 'in', userIds)
            .execute()
        : await db
            .selectFrom('members')
            .select('userId')
            .where('guildId', '=', target.guildId)
            .where('userId', 'in', userIds)
            .execute();
    return new Set(rows.map((row) => row.userId));
  }

  /** Of the given role ids, the roles of this guild (not @everyone), with whether each is mentionable. */
  async guildRoles(
    db: ChatExecutor,
    guildId: string,
    roleIds: readonly string[],
  ): Promise<Map<string, { mentionable: boolean }>> {
    if (roleIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('roles')
      .select(['id', 'mentionable'])
      .where('guildId', '=', guildId)
      .where('id', 'in', roleIds)
      .where('id', '!=', guildId)
      .execute();
    return new Map(rows.map((row) => [row.id, { mentionable: row.mentionable }]));
  }
}
