import type { ThreadMember } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { type Insertable, sql } from 'kysely';
import type { ChannelRow } from '../channels/channels.dto';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChannelsTable } from '../database/schema';

interface ThreadChanges {
  name?: string;
  archived?: boolean;
  locked?: boolean;
  autoArchiveMinutes?: number;
  invitable?: boolean;
  archiveTimestamp?: Date;
  lastActivityAt?: Date;
}

/** Which threads a listing shows: all (MANAGE_THREADS), else public ones and the private ones joined. */
interface ThreadFilter {
  parentId: string;
  userId: string;
  includeAllPrivate: boolean;
}

/** The "N replies" line of a message that started a thread. */
interface ThreadSummary {
  id: string;
  name: string;
  messageCount: number;
  archived: boolean;
}

@Injectable()
export class ThreadsRepository {
  async insert(db: ChatExecutor, thread: Insertable<ChannelsTable>): Promise<ChannelRow> {
    return db.insertInto('channels').values(thread).returningAll().executeTakeFirstOrThrow();
  }

  async find(db: ChatExecutor, threadId: string, forUpdate = false): Promise<ChannelRow | null> {
    let query = db
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', threadId)
      .where('threadParentId', 'is not', null);
    if (forUpdate) query = query.forUpdate();
    return (await query.executeTakeFirst()) ?? null;
  }

  async byStarter(db: ChatExecutor, messageId: string): Promise<ChannelRow | null> {
    return (
      (await db
        .selectFrom('channels')
        .selectAll()
        .where('starterMessageId', '=', messageId)
        .executeTakeFirst()) ?? null
    );
  }

  /** Whether the message is in the channel. */
  async messageInChannel(db: ChatExecutor, channelId: string, messageId: string): Promise<boolean> {
    const row = await db
      .selectFrom('messages')
      .select('id')
      .where('id', '=', messageId)
      .where('channelId', '=', channelId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async update(db: ChatExecutor, threadId: string, changes: ThreadChanges): Promise<ChannelRow> {
    return db
      .updateTable('channels')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.archived !== undefined ? { archived: changes.archived } : {}),
        ...(changes.locked !== undefined ? { locked: changes.locked } : {}),
        ...(changes.autoArchiveMinutes !== undefined
          ? { autoArchiveMinutes: changes.autoArchiveMinutes }
          : {}),
        ...(changes.invitable !== undefined ? { invitable: changes.invitable } : {}),
        ...(changes.archiveTimestamp !== undefined ? { archiveTimestamp: changes.archiveTimestamp } : {}),
        ...(changes.lastActivityAt !== undefined ? { lastActivityAt: changes.lastActivityAt } : {}),
      })
      .where('id', '=', threadId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(db: ChatExecutor, threadId: string): Promise<void> {
    await db.deleteFrom('channels').where('id', '=', threadId).execute();
  }

  /** Adds a member; the thread's member count follows. False when they already were one. */
  async addMember(db: ChatExecutor, threadId: string, userId: string): Promise<ThreadMember | null> {
    const row = await db
      .insertInto('thread_members')
      .values({ threadId, userId })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    await db
      .updateTable('channels')
      .set((eb) => ({ memberCount: eb('memberCount', '+', 1) }))
      .where('id', '=', threadId)
      .execute();
    return { threadId: row.threadId, userId: row.userId, joinedAt: row.joinedAt.toISOString() };
  }

  async removeMember(db: ChatExecutor, threadId: string, userId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('thread_members')
      .where('threadId', '=', threadId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await db
      .updateTable('channels')
      .set({ memberCount: sql<number>`greatest(member_count - 1, 0)` })
      .where('id', '=', threadId)
      .execute();
    return true;
  }

  async isMember(db: ChatExecutor, threadId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('thread_members')
      .select('userId')
      .where('threadId', '=', threadId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async members(db: ChatExecutor, threadId: string): Promise<ThreadMember[]> {
    const rows = await db
      .selectFrom('thread_members')
      .selectAll()
      .where('threadId', '=', threadId)
      .orderBy('joinedAt')
      .orderBy('userId')
      .limit(1000)
      .execute();
    return rows.map((row) => ({
      threadId: row.threadId,
      userId: row.userId,
      joinedAt: row.joinedAt.toISOString(),
    }));
  }

  /** The parent's unarchived threads the filter lets through, oldest first. */
  async active(db: ChatExecutor, filter: ThreadFilter): Promise<ChannelRow[]> {
    return this.visible(db, filter).where('archived', '=', false).orderBy('id').limit(1000).execute();
  }

  /** One page of the parent's archived threads, newest archive first (limit + 1 rows tell `hasMore`). */
  async archived(
    db: ChatExecutor,
    filter: ThreadFilter,
    before: Date | null,
    limit: number,
  ): Promise<ChannelRow[]> {
    let query = this.visible(db, filter).where('archived', '=', true);
    if (before) query = query.where('archiveTimestamp', '<', before);
    return query
      .orderBy('archiveTimestamp', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  private visible(db: ChatExecutor, filter: ThreadFilter) {
    let query = db.selectFrom('channels').selectAll().where('threadParentId', '=', filter.parentId);
    if (!filter.includeAllPrivate) {
      query = query.where((eb) =>
        eb.or([
          eb('type', '=', 'public_thread'),
          eb.exists(
            eb
              .selectFrom('thread_members')
              .select('userId')
              .whereRef('thread_members.threadId', '=', 'channels.id')
              .where('thread_members.userId', '=', filter.userId),
          ),
        ]),
      );
    }
    return query;
  }

  /**
   * After messages were sent in a channel (under its lock): for a thread, counts them, records the
   * activity and unarchives it. Answers the thread as it is now when it was unarchived, else null.
   */
  async afterMessages(
    db: ChatExecutor,
    channelId: string,
    count: number,
    at: Date,
  ): Promise<ChannelRow | null> {
    const before = await db
      .selectFrom('channels')
      .select(['archived', 'threadParentId'])
      .where('id', '=', channelId)
      .executeTakeFirst();
    if (!before || before.threadParentId === null) return null;
    const row = await db
      .updateTable('channels')
      .set((eb) => ({
        messageCount: eb('messageCount', '+', count),
        lastActivityAt: at,
        archived: false,
        ...(before.archived ? { archiveTimestamp: at } : {}),
      }))
      .where('id', '=', channelId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return before.archived ? row : null;
  }

  /** A message of the channel was deleted: a thread counts one message fewer. */
  async messageDeleted(db: ChatExecutor, channelId: string): Promise<void> {
    await db
      .updateTable('channels')
      .set({ messageCount: sql<number>`greatest(message_count - 1, 0)` })
      .where('id', '=', channelId)
      .where('threadParentId', 'is not', null)
      .execute();
  }

  /**
   * Archives (in the caller's transaction) up to `limit` unarchived threads idle for longer than their
   * period at `now`; rows another sweeper holds are skipped. Answers the archived threads.
   */
  async archiveIdle(db: ChatExecutor, now: Date, limit: number): Promise<ChannelRow[]> {
    const idle = db
      .selectFrom('channels')
      .select('id')
      .where('threadParentId', 'is not', null)
      .where('archived', '=', false)
      .where(
        sql<boolean>`coalesce(last_activity_at, created_at) + make_interval(mins => coalesce(auto_archive_minutes, 1440)) <= ${now}`,
      )
      .orderBy('lastActivityAt')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return db
      .updateTable('channels')
      .set({ archived: true, archiveTimestamp: now })
      .where('id', 'in', idle)
      .returningAll()
      .execute();
  }

  /** The threads started from these messages, by message id. */
  async summaries(db: ChatExecutor, messageIds: readonly string[]): Promise<Map<string, ThreadSummary>> {
    const byMessage = new Map<string, ThreadSummary>();
    if (messageIds.length === 0) return byMessage;
    const rows = await db
      .selectFrom('channels')
      .select(['id', 'name', 'messageCount', 'archived', 'starterMessageId'])
      .where('starterMessageId', 'in', messageIds)
      .execute();
    for (const row of rows) {
      byMessage.set(row.starterMessageId!, {
        id: row.id,
        name: row.name ?? '',
        messageCount: row.messageCount,
        archived: row.archived,
      });
    }
    return byMessage;
  }
}
