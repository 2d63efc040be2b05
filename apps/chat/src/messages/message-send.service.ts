import { ERROR, has, type Message, PERMISSIONS } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type ChannelAccess, requirePermissions } from '../access/access.service';
import { RememberedAccess } from '../access/remembered-access';
import { FileAttachmentsClient } from '../attachments/file-attachments.client';
import { ChatTransactions, type ChatExecutor } from '../database/chat-transactions';
import { DmPolicy } from '../relationships/dm-policy';
import type { ParsedMentions } from './mentions';
import type { SendMessageDto } from './messages.dto';
import { MessagesRepository } from './messages.repository';
import { fieldError, MessagesService, requireMessageChannel, unknownChannel } from './messages.service';
import { SendLimits } from './send-limits';
import { type SendEntry, SendOrder, type SendSteps } from './send-order';
import { type SendDraft, SendWriter, type WrittenSend } from './send-writer';

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

/**
 * Sending messages: a member's (checked against their access, limited, in channel order) and a webhook's.
 */
@Injectable()
export class MessageSendService {
  constructor(
    private readonly access: AccessService,
    private readonly remembered: RememberedAccess,
    private readonly messages: MessagesRepository,
    private readonly messageViews: MessagesService,
    private readonly transactions: ChatTransactions,
    private readonly limits: SendLimits,
    private readonly files: FileAttachmentsClient,
    private readonly sendOrder: SendOrder,
    private readonly writer: SendWriter,
    private readonly dmPolicy: DmPolicy,
  ) {}

  /**
   * Sends a message. Idempotent by (channel, author, nonce): a retry — even one racing the first
   * request — returns the first message, and only the first creates a row and an event.
   *
   * The access check and the insert are one atomic step: the send's statement writes only while the
   * sender's access inputs still have the fingerprint the check saw. So a member's sends in a channel use the
   * access remembered from their last one (no read), and when it turns out stale — or any permission changed
   * in between — nothing was written and the send is checked again, without counting against the limits twice.
   */
  async send(userId: string, channelId: string, body: SendMessageDto): Promise<SendResult> {
    const counted: CountedSend = { send: false, slowmode: false };
    for (let attempt = 1; ; attempt += 1) {
      const access = await this.sendAccess(userId, channelId, body, attempt === 1 && !claims(body));
      const outcome = await this.sendChecked(userId, access, body, counted);
      if (outcome !== 'stale') return outcome;
      this.remembered.forget(channelId, userId);
      if (attempt === MAX_SEND_ATTEMPTS) {
        throw new AppError(ERROR.CONFLICT, 'Your permissions in this channel kept changing; send again.');
      }
    }
  }

  /** The sender's access, checked for this send: the remembered one if allowed (first attempt), else read. */
  private async sendAccess(
    userId: string,
    channelId: string,
    body: SendMessageDto,
    mayRemember: boolean,
  ): Promise<ChannelAccess> {
    const remembered = mayRemember ? this.remembered.get(channelId, userId) : undefined;
    if (remembered && allowsSend(remembered, body)) return remembered;
    const access = await this.access.requireChannel(channelId, userId);
    requireSend(access, body);
    this.remembered.remember(userId, access);
    return access;
  }

  /** A send whose access is checked: 'stale' when nothing was written because that access changed since. */
  private async sendChecked(
    userId: string,
    access: ChannelAccess,
    body: SendMessageDto,
    counted: CountedSend,
  ): Promise<SendResult | 'stale'> {
    const { channelId } = access;
    const db = this.transactions.executor;
    // A 1:1 DM: blocks and the recipient's `dmsFrom` hold for every message (issue 20).
    if (access.type === 'dm') await this.dmPolicy.requireCanMessageDm(db, userId, channelId);
    const nonce = body.nonce ?? null;
    let mentions: ParsedMentions;
    let slowmodeStarted = false;
    try {
      // The reads a send depends on, at once (one round trip of waiting instead of two).
      const [replied, parsed] = await Promise.all([
        body.replyTo === undefined ? true : this.messages.findInChannel(db, channelId, body.replyTo),
        this.messageViews.resolveMentions(db, access, body.content),
      ]);
      if (!replied) throw fieldError('body.replyTo', 'must be a message in this channel');
      mentions = parsed;
      const bypassSlowmode =
        has(access.permissions, PERMISSIONS.MANAGE_MESSAGES) ||
        has(access.permissions, PERMISSIONS.MANAGE_CHANNELS);
      const slowmodeSeconds = access.guildId === null || bypassSlowmode ? 0 : access.slowmodeSeconds;
      slowmodeStarted = !counted.slowmode && slowmodeSeconds > 0;
      await this.limits.consume({
        userId,
        channelId,
        slowmodeSeconds: slowmodeStarted ? slowmodeSeconds : 0,
        countSend: !counted.send,
      });
      counted.send = true;
      counted.slowmode ||= slowmodeStarted;
    } catch (error) {
      // A retry of a send that was written is answered with its message (200), whatever would refuse a
      // new one now (its slowmode wait, a reply target deleted since). Looking only here keeps the
      // nonce's read off the path of every new send; the send statement skips a repeat by itself.
      const earlier = nonce === null ? null : await this.messages.findByNonce(db, channelId, userId, nonce);
      if (!earlier) throw error;
      return { message: await this.messageViews.view(db, earlier, userId), created: false };
    }

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
      // Files are claimed before the insert, so a send that claims is checked as before it (fresh, no
      // fingerprint): a stale insert would leave its files claimed by a message that never was.
      accessFingerprint: claims(body) ? null : (access.fingerprint ?? null),
    };
    const outcome = await this.sendOrder.run(channelId, draft, this.sendSteps);
    // A repeat whose first send's slowmode wait had ended started one of its own: no new message, no wait.
    if (slowmodeStarted && outcome !== 'stale' && !outcome.created)
      await this.limits.endSlowmode({ userId, channelId });
    return outcome;
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
      this.messageViews.resolveMentions(db, access, body.content),
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
      accessFingerprint: null, // the webhook is the sender, checked by its token
    };
    const result = await this.sendOrder.run(webhook.channelId, draft, this.sendSteps);
    if (result === 'stale') throw new Error('a send without an access fingerprint came back stale');
    return result.message;
  }

  /** The ordered part of a send (SendOrder runs it, several sends of a channel in one turn). */
  private readonly sendSteps: SendSteps<SendDraft, SendResult | 'stale'> = {
    lockChannel: (trx, channelId) => this.messages.lockChannelForSend(trx, channelId),
    claims: (draft) => draft.attachmentIds.length > 0,
    earlier: async (trx, draft) => {
      // A racing send with this nonce may have committed (and claimed the files) while we waited.
      if (draft.nonce === null) return null;
      const earlier = await this.messages.findByNonce(trx, draft.channelId, draft.userId, draft.nonce);
      return earlier
        ? { message: await this.messageViews.view(trx, earlier, draft.userId), created: false }
        : null;
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
  ): Promise<(SendResult | 'stale')[]> {
    return Promise.all(
      written.map(async (send, index) => {
        if (send.kind === 'stale') return 'stale' as const;
        if (send.kind === 'created') return { message: send.message, created: true };
        return {
          message: await this.messageViews.view(db, send.row, entries[index]!.draft.userId),
          created: false,
        };
      }),
    );
  }
}

/** What one send already counted against the limits, so that checking it again does not count it twice. */
interface CountedSend {
  send: boolean;
  /** A slowmode wait was started for it (a later check may find slowmode newly on: it starts then). */
  slowmode: boolean;
}

function claims(body: SendMessageDto): boolean {
  return body.attachments.length > 0;
}

/** Sends per call that found their access changed before one is written (each checks again). */
const MAX_SEND_ATTEMPTS = 4;

/** 403/404/400 when the access does not allow this send; threads have their own send permission. */
function requireSend(access: ChannelAccess, body: SendMessageDto): void {
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
}

/** requireSend as a question: a remembered access that does not allow the send is read again. */
function allowsSend(access: ChannelAccess, body: SendMessageDto): boolean {
  try {
    requireSend(access, body);
    return true;
  } catch {
    return false;
  }
}
