import { ERROR, has, isSnowflake, MESSAGE_FLAGS, type Message, PERMISSIONS } from '@bonfire/contracts';
import { AppError, idParam } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type ChannelAccess, requirePermissions } from '../access/access.service';
import { AuditLogService } from '../audit-log/audit-log.service';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { cursorField, type HistoryQuery, planHistory } from './history-cursor';
import { honourMentions, type ParsedMentions, parseMentions } from './mentions';
import { type MessageRow, toMessage } from './message-view';
import type { EditMessageDto } from './messages.dto';
import { MessagesRepository } from './messages.repository';
import { ThreadsRepository } from '../threads/threads.repository';

/** Channel types that hold messages. */
const MESSAGE_CHANNEL_TYPES = new Set(['text', 'dm', 'group_dm', 'public_thread', 'private_thread']);

@Injectable()
export class MessagesService {
  constructor(
    private readonly access: AccessService,
    private readonly messages: MessagesRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly auditLog: AuditLogService,
    private readonly threads: ThreadsRepository,
  ) {}

  /** One page of history, always newest → oldest. */
  async history(userId: string, channelId: string, query: HistoryQuery): Promise<Message[]> {
    await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    const db = this.transactions.executor;
    const plan = planHistory(query);
    const field = cursorField(plan);
    if (field !== null && plan.kind !== 'latest') {
      // A cursor from another channel is refused. A well-formed id that is no message at all is taken as
      // a point in time, so paging survives the deletion of the message used as the cursor.
      const cursorChannel = await this.messages.channelOf(db, plan.cursor);
      if (cursorChannel !== null && cursorChannel !== channelId) {
        throw fieldError(`query.${field}`, 'must be a message of this channel');
      }
    }
    const rows = await this.messages.history(db, channelId, plan);
    return this.views(db, rows, userId);
  }

  async get(userId: string, channelId: string, messageId: string): Promise<Message> {
    await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    const db = this.transactions.executor;
    const row = await this.findOrThrow(db, channelId, messageId);
    return this.view(db, row, userId);
  }

  /**
   * Edits content (author only; mentions are parsed again with the author's current permissions) and/or
   * the SUPPRESS_EMBEDS flag (the author, or MANAGE_MESSAGES). One `message.updated` for the change.
   */
  async edit(userId: string, channelId: string, messageId: string, body: EditMessageDto): Promise<Message> {
    const access = await this.access.requireChannel(channelId, userId);
    const db = this.transactions.executor;
    const existing = await this.findOrThrow(db, channelId, messageId);
    const own = existing.authorId === userId;
    if (body.content !== undefined && !own) {
      throw new AppError(ERROR.NOT_MESSAGE_AUTHOR, 'Only the author can edit a message.');
    }
    if (body.flags !== undefined && !own) requirePermissions(access.permissions, ['MANAGE_MESSAGES']);
    const content = body.content;
    const mentions = content === undefined ? null : await this.resolveMentions(db, access, content);
    return this.transactions.run(async (trx) => {
      await this.messages.lockChannel(trx, channelId);
      let row: MessageRow | null = null;
      if (content !== undefined && mentions !== null) {
        row = await this.messages.updateContent(trx, channelId, messageId, { content, mentions });
        if (!row) throw unknownMessage();
      }
      if (body.flags !== undefined) {
        const suppress = (body.flags & MESSAGE_FLAGS.SUPPRESS_EMBEDS) !== 0;
        row = (await this.messages.updateSuppressEmbeds(trx, channelId, messageId, suppress)) ?? row;
      }
      // Flags already as asked and no content: nothing changed, no event.
      if (!row) return this.view(trx, await this.findOrThrow(trx, channelId, messageId), userId);
      await this.events.add(trx, 'message.updated', channelId, { message: await this.eventView(trx, row) });
      return this.view(trx, row, userId);
    });
  }

  /** Deletes a message: its author, or anyone with MANAGE_MESSAGES in the channel. */
  async delete(userId: string, channelId: string, messageId: string): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId);
    const db = this.transactions.executor;
    const existing = await this.findOrThrow(db, channelId, messageId);
    if (existing.authorId !== userId) requirePermissions(access.permissions, ['MANAGE_MESSAGES']);
    await this.transactions.run(async (trx) => {
      await this.messages.lockChannel(trx, channelId);
      const row = await this.messages.delete(trx, channelId, messageId);
      if (!row) throw unknownMessage();
      await this.threads.messageDeleted(trx, channelId);
      // A moderator's delete (not the author's own) is a moderation action.
      if (row.guildId !== null && row.authorId !== userId) {
        await this.auditLog.record(trx, {
          guildId: row.guildId,
          actorId: userId,
          action: 'MESSAGE_DELETE',
          targetType: 'user',
          targetId: row.authorId,
          options: { channelId, messageId },
        });
      }
      await this.events.add(trx, 'message.deleted', channelId, {
        messageId: row.id,
        channelId: row.channelId,
        guildId: row.guildId,
        revision: row.revision + 1,
        // The proxied images of its link embeds are files of the message too: the file service removes them.
        attachmentIds: [
          ...row.attachmentIds,
          ...row.embeds.flatMap((embed) => (embed.thumbnail?.fileId ? [embed.thumbnail.fileId] : [])),
        ],
      });
    });
  }

  async findOrThrow(db: ChatExecutor, channelId: string, messageId: string): Promise<MessageRow> {
    if (!isSnowflake(messageId)) throw unknownMessage();
    const row = await this.messages.findInChannel(db, channelId, messageId);
    if (!row) throw unknownMessage();
    return row;
  }

  async view(db: ChatExecutor, row: MessageRow, viewerId: string | null): Promise<Message> {
    const [message] = await this.views(db, [row], viewerId);
    return message!;
  }

  /** The message as events carry it: current reaction counts, `me` always false. */
  eventView(db: ChatExecutor, row: MessageRow): Promise<Message> {
    return this.view(db, row, null);
  }

  async views(db: ChatExecutor, rows: readonly MessageRow[], viewerId: string | null): Promise<Message[]> {
    const ids = rows.map((row) => row.id);
    const [reactions, threads] = await Promise.all([
      this.messages.reactionCounts(db, ids, viewerId),
      // "N replies": the threads started from these messages (guild text channels only).
      rows.some((row) => row.guildId !== null) ? this.threads.summaries(db, ids) : new Map(),
    ]);
    return rows.map((row) => {
      const message = toMessage(row, reactions.get(row.id) ?? []);
      const thread = threads.get(row.id);
      return thread ? { ...message, thread } : message;
    });
  }

  /** The mentions of `content` the author may make in the channel (parsed, then honoured per permission). */
  async resolveMentions(db: ChatExecutor, access: ChannelAccess, content: string): Promise<ParsedMentions> {
    const parsed = parseMentions(content);
    const [mentionableUserIds, guildRoles] = await Promise.all([
      this.messages.mentionableUsers(
        db,
        { channelId: access.channelId, guildId: access.guildId },
        parsed.userIds,
      ),
      access.guildId === null
        ? Promise.resolve(new Map<string, { mentionable: boolean }>())
        : this.messages.guildRoles(db, access.guildId, parsed.roleIds),
    ]);
    return honourMentions(parsed, {
      mentionableUserIds,
      guildRoles,
      canMentionEveryone: has(access.permissions, PERMISSIONS.MENTION_EVERYONE),
    });
  }
}

export function requireMessageChannel(access: ChannelAccess): void {
  if (!MESSAGE_CHANNEL_TYPES.has(access.type)) {
    throw new AppError(ERROR.INVALID_CHANNEL_TYPE, `A ${access.type} channel holds no messages.`);
  }
}

export function unknownMessage(): AppError {
  return new AppError(ERROR.UNKNOWN_MESSAGE, 'Unknown message.');
}

export const messageIdPipe = () => idParam(ERROR.UNKNOWN_MESSAGE, 'Unknown message.');

export function unknownChannel(): AppError {
  return new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
}

export function fieldError(field: string, message: string): AppError {
  return AppError.validation([{ field, code: 'invalid', message }], `${field}: ${message}`);
}
