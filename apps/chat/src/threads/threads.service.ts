import {
  ERROR,
  type Channel,
  has,
  isSnowflake,
  PERMISSIONS,
  type ThreadList,
  type ThreadMember,
  type ThreadType,
} from '@bonfire/contracts';
import {
  AppError,
  type ComponentLogger,
  ServiceLogger,
  SnowflakeGenerator,
  type Transaction,
} from '@bonfire/platform';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  AccessService,
  type ChannelAccess,
  requirePermissions,
  threadPermissions,
} from '../access/access.service';
import { toChannel, type UpdateChannelDto } from '../channels/channels.dto';
import { CHAT_LIMITS } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { invalidField } from '../guilds/guild-common';
import type { ArchivedThreadsQuery, CreateThreadDto, CreateThreadFromMessageDto } from './threads.dto';
import { ThreadsRepository } from './threads.repository';

/** How often the auto-archive sweep runs, and how many threads one pass archives at most per batch. */
const THREAD_SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 100;
const DEFAULT_AUTO_ARCHIVE_MINUTES = 1440;

const unknownChannel = () => new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');

function threadName(name: string): string {
  const normalised = name.trim().replace(/\s+/g, ' ');
  if (normalised.length === 0 || [...normalised].length > CHAT_LIMITS.channelNameLength) {
    throw invalidField('body.name', 'invalid_name', `must be 1–${CHAT_LIMITS.channelNameLength} characters`);
  }
  return normalised;
}

/**
 * Threads: channel rows of type public_thread/private_thread under a guild text channel. Who sees and may
 * send in one is decided by AccessService (threadPermissions: the parent's permissions); messages, pins,
 * reactions, read states and search go through the ordinary channel routes with the thread's id.
 */
@Injectable()
export class ThreadsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger: ComponentLogger;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly access: AccessService,
    private readonly threads: ThreadsRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('threads');
  }

  /** A public thread from a message of a text channel (CREATE_PUBLIC_THREADS; one thread per message). */
  async createFromMessage(
    userId: string,
    channelId: string,
    messageId: string,
    dto: CreateThreadFromMessageDto,
  ): Promise<Channel> {
    const parent = await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    requireTextChannel(parent);
    requirePermissions(parent.permissions, ['CREATE_PUBLIC_THREADS']);
    const db = this.transactions.executor;
    if (!isSnowflake(messageId) || !(await this.threads.messageInChannel(db, channelId, messageId))) {
      throw new AppError(ERROR.UNKNOWN_MESSAGE, 'Unknown message.');
    }
    return this.insert(userId, parent, {
      name: threadName(dto.name),
      type: 'public_thread',
      starterMessageId: messageId,
      autoArchiveMinutes: dto.autoArchiveMinutes ?? DEFAULT_AUTO_ARCHIVE_MINUTES,
      invitable: true,
    });
  }

  /** A thread in a text channel: public (CREATE_PUBLIC_THREADS) or private (CREATE_PRIVATE_THREADS). */
  async create(userId: string, channelId: string, dto: CreateThreadDto): Promise<Channel> {
    const parent = await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    requireTextChannel(parent);
    requirePermissions(parent.permissions, [
      dto.type === 'private' ? 'CREATE_PRIVATE_THREADS' : 'CREATE_PUBLIC_THREADS',
    ]);
    return this.insert(userId, parent, {
      name: threadName(dto.name),
      type: dto.type === 'private' ? 'private_thread' : 'public_thread',
      starterMessageId: null,
      autoArchiveMinutes: dto.autoArchiveMinutes ?? DEFAULT_AUTO_ARCHIVE_MINUTES,
      invitable: dto.invitable ?? true,
    });
  }

  private async insert(
    userId: string,
    parent: ChannelAccess,
    thread: {
      name: string;
      type: ThreadType;
      starterMessageId: string | null;
      autoArchiveMinutes: number;
      invitable: boolean;
    },
  ): Promise<Channel> {
    const now = new Date();
    try {
      return await this.transactions.run(async (trx) => {
        if (thread.starterMessageId && (await this.threads.byStarter(trx, thread.starterMessageId))) {
          throw threadAlreadyCreated();
        }
        const row = await this.threads.insert(trx, {
          id: this.ids.next(),
          type: thread.type,
          guildId: parent.guildId,
          name: thread.name,
          topic: null,
          parentId: null,
          ownerId: userId,
          dmKey: null,
          lastMessageId: null,
          threadParentId: parent.channelId,
          starterMessageId: thread.starterMessageId,
          autoArchiveMinutes: thread.autoArchiveMinutes,
          archiveTimestamp: now,
          invitable: thread.invitable,
          lastActivityAt: now,
        });
        // The creator is its first member (thread.created re-evaluates who sees the thread anyway).
        await this.threads.addMember(trx, row.id, userId);
        const created = toChannel({ ...row, memberCount: 1 }, []);
        await this.events.add(trx, 'thread.created', row.id, { thread: created });
        return created;
      });
    } catch (error) {
      // Two creations from one message at once: the unique index answers the second.
      if ((error as { code?: string }).code === '23505') throw threadAlreadyCreated();
      throw error;
    }
  }

  /** PATCH /channels/{threadId}: name, archived, autoArchiveMinutes (owner or MANAGE_THREADS), locked, invitable (MANAGE_THREADS). */
  async update(access: ChannelAccess, userId: string, dto: UpdateChannelDto): Promise<Channel> {
    for (const field of ['topic', 'parentId', 'position', 'slowmodeSeconds', 'userLimit'] as const) {
      if (dto[field] !== undefined) throw invalidField(`body.${field}`, 'custom', `threads have no ${field}`);
    }
    if (dto.name === null) throw invalidField('body.name', 'invalid_type', 'a thread needs a name');
    const manager = has(access.permissions, PERMISSIONS.MANAGE_THREADS);
    return this.transactions.run(async (trx) => {
      const row = await this.threads.find(trx, access.channelId, true);
      if (!row) throw unknownChannel();
      if (!manager) {
        if (dto.locked !== undefined || dto.invitable !== undefined) {
          requirePermissions(access.permissions, ['MANAGE_THREADS']);
        }
        if (row.ownerId !== userId) requirePermissions(access.permissions, ['MANAGE_THREADS']);
        // Only moderators unarchive a locked thread.
        if (row.locked && dto.archived === false) requirePermissions(access.permissions, ['MANAGE_THREADS']);
      }
      if (dto.invitable !== undefined && row.type !== 'private_thread') {
        throw invalidField('body.invitable', 'custom', 'only private threads have invitable');
      }
      const now = new Date();
      const archiving = dto.archived !== undefined && dto.archived !== row.archived;
      const updated = await this.threads.update(trx, row.id, {
        ...(typeof dto.name === 'string' ? { name: threadName(dto.name) } : {}),
        ...(dto.archived !== undefined ? { archived: dto.archived } : {}),
        ...(dto.locked !== undefined ? { locked: dto.locked } : {}),
        ...(dto.autoArchiveMinutes !== undefined ? { autoArchiveMinutes: dto.autoArchiveMinutes } : {}),
        ...(dto.invitable !== undefined ? { invitable: dto.invitable } : {}),
        ...(archiving ? { archiveTimestamp: now } : {}),
        ...(archiving && dto.archived === false ? { lastActivityAt: now } : {}),
      });
      const thread = toChannel(updated, []);
      await this.events.add(trx, 'thread.updated', row.id, { thread });
      return thread;
    });
  }

  /** DELETE /channels/{threadId} (MANAGE_THREADS): the thread and its messages. */
  async delete(access: ChannelAccess, _userId: string): Promise<void> {
    requirePermissions(access.permissions, ['MANAGE_THREADS']);
    await this.transactions.run(async (trx) => {
      const row = await this.threads.find(trx, access.channelId, true);
      if (!row) throw unknownChannel();
      await this.threads.delete(trx, row.id);
      await this.events.add(trx, 'thread.deleted', row.id, {
        threadId: row.id,
        parentId: row.threadParentId!,
        guildId: row.guildId!,
        type: row.type as ThreadType,
      });
    });
  }

  /** PUT thread-members/@me: join a thread you can see (not an archived one). */
  async join(userId: string, threadId: string): Promise<void> {
    const access = await this.requireThread(threadId, userId);
    await this.addMember(access, userId);
  }

  /** DELETE thread-members/@me: leave (a no-op when you are not a member). */
  async leave(userId: string, threadId: string): Promise<void> {
    const access = await this.requireThread(threadId, userId);
    await this.removeMember(access, userId);
  }

  /**
   * PUT thread-members/{userId}: add someone who can see the parent (and read its history). You must
   * be able to send in the thread; a private thread that is not invitable needs MANAGE_THREADS.
   */
  async add(userId: string, threadId: string, targetId: string): Promise<void> {
    const access = await this.requireThread(threadId, userId);
    if (!has(access.permissions, PERMISSIONS.SEND_MESSAGES)) {
      requirePermissions(0n, ['SEND_MESSAGES_IN_THREADS']);
    }
    const db = this.transactions.executor;
    const row = await this.threads.find(db, threadId);
    if (!row) throw unknownChannel();
    if (row.type === 'private_thread' && !row.invitable && row.ownerId !== userId) {
      requirePermissions(access.permissions, ['MANAGE_THREADS']);
    }
    const target = isSnowflake(targetId) ? await this.access.channel(row.threadParentId!, targetId) : null;
    if (
      !target ||
      threadPermissions(target.permissions, { type: 'public_thread', locked: false, isMember: true }) === null
    ) {
      throw new AppError(ERROR.UNKNOWN_MEMBER, 'Unknown member.');
    }
    await this.addMember(access, targetId);
  }

  /** DELETE thread-members/{userId}: MANAGE_THREADS (or yourself, as leaving). */
  async remove(userId: string, threadId: string, targetId: string): Promise<void> {
    const access = await this.requireThread(threadId, userId);
    if (targetId !== userId) requirePermissions(access.permissions, ['MANAGE_THREADS']);
    await this.removeMember(access, targetId);
  }

  async members(userId: string, threadId: string): Promise<ThreadMember[]> {
    await this.requireThread(threadId, userId);
    return this.threads.members(this.transactions.executor, threadId);
  }

  /** The parent's active threads the caller can see. */
  async active(userId: string, channelId: string): Promise<ThreadList> {
    const parent = await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    requireTextChannel(parent);
    const rows = await this.threads.active(this.transactions.executor, {
      parentId: channelId,
      userId,
      includeAllPrivate: has(parent.permissions, PERMISSIONS.MANAGE_THREADS),
    });
    return { threads: rows.map((row) => toChannel(row, [])), hasMore: false };
  }

  /** A page of the parent's archived threads the caller can see, newest archive first. */
  async archived(userId: string, channelId: string, query: ArchivedThreadsQuery): Promise<ThreadList> {
    const parent = await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    requireTextChannel(parent);
    const rows = await this.threads.archived(
      this.transactions.executor,
      { parentId: channelId, userId, includeAllPrivate: has(parent.permissions, PERMISSIONS.MANAGE_THREADS) },
      query.before ? new Date(query.before) : null,
      query.limit,
    );
    return {
      threads: rows.slice(0, query.limit).map((row) => toChannel(row, [])),
      hasMore: rows.length > query.limit,
    };
  }

  /**
   * Archives the threads idle for longer than their period at `now` (each with a thread.updated);
   * answers how many. The timer calls it every THREAD_SWEEP_INTERVAL_MS; tests call it with a clock.
   */
  async sweep(now: Date = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const archived = await this.transactions.run(async (trx) => {
        const rows = await this.threads.archiveIdle(trx, now, SWEEP_BATCH);
        for (const row of rows) {
          await this.events.add(trx, 'thread.updated', row.id, { thread: toChannel(row, []) });
        }
        return rows.length;
      });
      total += archived;
      if (archived < SWEEP_BATCH) return total;
    }
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.runSweep(), THREAD_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private runSweep(): void {
    this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'thread auto-archive failed'));
  }

  private async requireThread(threadId: string, userId: string): Promise<ChannelAccess> {
    const access = await this.access.requireChannel(threadId, userId);
    if (!access.thread) {
      throw new AppError(ERROR.INVALID_CHANNEL_TYPE, 'This channel is not a thread.');
    }
    return access;
  }

  private async addMember(access: ChannelAccess, userId: string): Promise<void> {
    if (access.thread?.archived) {
      throw new AppError(ERROR.THREAD_ARCHIVED, 'The thread is archived.');
    }
    await this.transactions.run(async (trx) => {
      const row = await this.threads.find(trx, access.channelId, true);
      if (!row) throw unknownChannel();
      const member = await this.threads.addMember(trx, row.id, userId);
      if (member)
        await this.membersUpdated(
          trx,
          toChannel({ ...row, memberCount: row.memberCount + 1 }, []),
          [member],
          [],
        );
    });
  }

  private async removeMember(access: ChannelAccess, userId: string): Promise<void> {
    await this.transactions.run(async (trx) => {
      const row = await this.threads.find(trx, access.channelId, true);
      if (!row) throw unknownChannel();
      if (await this.threads.removeMember(trx, row.id, userId)) {
        await this.membersUpdated(
          trx,
          toChannel({ ...row, memberCount: Math.max(row.memberCount - 1, 0) }, []),
          [],
          [userId],
        );
      }
    });
  }

  private membersUpdated(
    trx: Transaction<ChatDatabase>,
    thread: Channel,
    added: ThreadMember[],
    removedUserIds: string[],
  ): Promise<void> {
    return this.events.add(trx, 'thread.members.updated', thread.id, {
      threadId: thread.id,
      guildId: thread.guildId!,
      type: thread.type as ThreadType,
      memberCount: thread.thread?.memberCount ?? 0,
      added,
      removedUserIds,
    });
  }
}

function requireTextChannel(access: ChannelAccess): void {
  if (access.type !== 'text' || access.guildId === null) {
    throw new AppError(ERROR.INVALID_CHANNEL_TYPE, 'Threads live in guild text channels.');
  }
}

function threadAlreadyCreated(): AppError {
  return new AppError(ERROR.THREAD_ALREADY_CREATED, 'A thread was already started from this message.');
}
