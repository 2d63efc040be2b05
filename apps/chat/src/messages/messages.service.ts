import { ERROR, has, isSnowflake, MESSAGE_FLAGS, type Message, PERMISSIONS } from '@bonfire/contracts';
import { AppError, idParam, SnowflakeGenerator } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type ChannelAccess, requirePermissions } from '../access/access.service';
import { FileAttachmentsClient } from '../attachments/file-attachments.client';
import { AuditLogService } from '../audit-log/audit-log.service';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { cursorField, type HistoryQuery, planHistory } from './history-cursor';
import { honourMentions, type ParsedMentions, parseMentions } from './mentions';
import { type MessageRow, toMessage } from './message-view';
import type { EditMessageDto, SendMessageDto } from './messages.dto';
import { MessagesRepository } from './messages.repository';
import { SendLimits } from './send-limits';
import { type SendEntry, SendOrder, type SendSteps } from './send-order';
import { type SendDraft, SendWriter, type WrittenSend } from './send-writer';
import { ThreadsRepository } from '../threads/threads.repository';
import { DmPolicy } from '../relationships/dm-policy';

/** Channel types that hold messages. */
const MESSAGE_CHANNEL_TYPES = new Set(['text', 'dm', 'group_dm', 'public_thread', 'private_thread']);

/** A webhook posting: which webhook (and its channel), and the name and avatar the message shows. */
interface WebhookSender {
  id: string;
  channelId: string;
  guildId: string;
  /** Mentions are honoured with the creator's permissions in the channel (@everyone only if they could). */
  creatorId: string;
  name: string;
  avatar: string | null;
}

export interface SendResult {
  message: Message;
  /** False when the nonce matched an earlier message (answered 200 instead of 201). */
  created: boolean;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly access: AccessService,
    private readonly messages: MessagesRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
    private readonly limits: SendLimits,
    private readonly files: FileAttachmentsClient,
    private readonly sendOrder: SendOrder,
    private readonly writer: SendWriter,
    private readonly auditLog: AuditLogService,
    private readonly threads: ThreadsRepository,
    private readonly dmPolicy: DmPolicy,
  ) {}

  /**
   * Sends a message. Idempotent by (channel, author, nonce): a retry — even one racing the first
   * request — returns the first message, and only the first creates a row and an event.
   */
  async send(userId: string, channelId: string, body: SendMessageDto): Promise<SendResult> {
    const access = await this.access.requireChannel(channelId, userId);
    // In a thread SEND_MESSAGES stands for SEND_MESSAGES_IN_THREADS on the parent (threadPermissions).
    if (!has(access.permissions, PERMISSIONS.SEND_MESSAGES)) {
      requirePermissions(0n, [
        !access.thread
          ? 'SEND_MESSAGES'
          : access.thread.locked && has(access.permissions, PERMISSIONS.SEND_MESSAGES_IN_THREADS)
            ? 'MANAGE_THREADS'
            : 'SEND_MESSAGES_IN_THREADS',
      ]);
    }
    requireMessageChannel(access);
    if (body.attachments.length > 0) requirePermissions(access.permissions, ['ATTACH_FILES']);
    const db = this.transactions.executor;
    // A 1:1 DM: blocks and the recipient's `dmsFrom` hold for every message (issue 20).
    if (access.type === 'dm') await this.dmPolicy.requireCanMessageDm(db, userId, channelId);
    const nonce = body.nonce ?? null;
    // The reads a send depends on, at once (one round trip of waiting instead of three).
    const [existing, replied, mentions] = await Promise.all([
      nonce === null ? null : this.messages.findByNonce(db, channelId, userId, nonce),
      body.replyTo === undefined ? true : this.messages.findInChannel(db, channelId, body.replyTo),
      this.resolveMentions(db, access, body.content),
    ]);
    if (existing) return { message: await this.view(db, existing, userId), created: false };
    if (!replied) throw fieldError('body.replyTo', 'must be a message in this channel');
    const bypassSlowmode =
      has(access.permissions, PERMISSIONS.MANAGE_MESSAGES) ||
      has(access.permissions, PERMISSIONS.MANAGE_CHANNELS);
    await this.limits.consume({
      userId,
      channelId,
      slowmodeSeconds: access.guildId === null || bypassSlowmode ? 0 : access.slowmodeSeconds,
    });

    const draft: SendDraft = {
      userId,
      channelId,
      guildId: access.guildId,
      content: body.content,
      nonce,
      replyToId: body.replyTo ?? null,
      mentions,
      attachmentIds: body.attachments,
      ...(access.thread ? { inThread: true } : {}),
    };
    return this.sendOrder.run(channelId, draft, this.sendSteps);
  }

  /**
   * Sends a message as a webhook, through the same ordered path as users' sends (ids, outbox, realtime
   * `message.created`, search indexing). No slowmode; the per-sender send limit counts the webhook.
   */
  async sendAsWebhook(webhook: WebhookSender, body: { content: string }): Promise<Message> {
    const db = this.transactions.executor;
    const creator = await this.access.channel(webhook.channelId, webhook.creatorId);
    const access: ChannelAccess = {
      channelId: webhook.channelId,
      type: 'text',
      guildId: webhook.guildId,
      guild: null,
      permissions: creator?.permissions ?? 0n,
      slowmodeSeconds: 0, // a webhook is not slowed
    };
    const [mentions, target] = await Promise.all([
      this.resolveMentions(db, access, body.content),
      this.messages.sendTarget(db, webhook.channelId),
    ]);
    if (!target) throw unknownChannel();
    await this.limits.consume({ userId: webhook.id, channelId: webhook.channelId, slowmodeSeconds: 0 });
    const draft: SendDraft = {
      userId: webhook.id,
      channelId: webhook.channelId,
      guildId: webhook.guildId,
      content: body.content,
      nonce: null,
      replyToId: null,
      mentions,
      attachmentIds: [],
      webhook: { id: webhook.id, name: webhook.name, avatar: webhook.avatar },
    };
    const result = await this.sendOrder.run(webhook.channelId, draft, this.sendSteps);
    return result.message;
  }

  /** The ordered part of a send (SendOrder runs it, several sends of a channel in one turn). */
  private readonly sendSteps: SendSteps<SendDraft, SendResult> = {
    lockChannel: (trx, channelId) => this.messages.lockChannelForSend(trx, channelId),
    claims: (draft) => draft.attachmentIds.length > 0,
    earlier: async (trx, draft) => {
      // A racing send with this nonce may have committed (and claimed the files) while we waited.
      if (draft.nonce === null) return null;
      const earlier = await this.messages.findByNonce(trx, draft.channelId, draft.userId, draft.nonce);
      return earlier ? { message: await this.view(trx, earlier, draft.userId), created: false } : null;
    },
    // The file service accepts only the sender's ready uploads for this channel and marks them this
    // message's (bounded by CHAT_FILE_TIMEOUT_MS).
    claim: (draft, id) =>
      this.files.claim(draft.userId, { channelId: draft.channelId, messageId: id, ids: draft.attachmentIds }),
    write: async (trx, entries) => this.sendResults(trx, await this.writer.write(trx, entries), entries),
    writeAtOnce: async (channelId, entries) => {
      const written = await this.writer.writeAtOnce(channelId, entries);
      return typeof written === 'string'
        ? written
        : this.sendResults(this.transactions.executor, written, entries);
    },
  };

  /** A created message as written (no reactions yet); an earlier one with the nonce as its sender sees it. */
  private sendResults(
    db: ChatExecutor,
    written: readonly WrittenSend[],
    entries: readonly SendEntry<SendDraft>[],
  ): Promise<SendResult[]> {
    return Promise.all(
      written.map(async (send, index) => ({
        message: send.created ? send.message : await this.view(db, send.row, entries[index]!.draft.userId),
        created: send.created,
      })),
    );
  }

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

  private async resolveMentions(
    db: ChatExecutor,
    access: ChannelAccess,
    content: string,
  ): Promise<ParsedMentions> {
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

function requireMessageChannel(access: ChannelAccess): void {
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

function fieldError(field: string, message: string): AppError {
  return AppError.validation([{ field, code: 'invalid', message }], `${field}: ${message}`);
}
