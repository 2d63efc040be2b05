import type { Message } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { toChannel } from '../channels/channels.dto';
import type { Transaction } from '@bonfire/platform';
import { type ChatExecutor, ChatTransactions } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { ThreadsRepository } from '../threads/threads.repository';
import { MessageSendRepository } from './message-send.repository';
import { type NewMessage, newMessageRow } from './message-row';
import { type MessageRow, toMessage } from './message-view';
import type { ParsedMentions } from './mentions';
import { MessagesRepository } from './messages.repository';
import type { SendEntry } from './send-order';

/** A checked send waiting for its turn: everything but its id and claimed attachments. */
export interface SendDraft {
  userId: string;
  channelId: string;
  guildId: string | null;
  content: string;
  nonce: string | null;
  replyToId: string | null;
  mentions: ParsedMentions;
  attachmentIds: string[];
  /** A webhook's message: userId is then the webhook's id. */
  webhook?: { id: string; name: string; avatar: string | null };
  /** Sent in a thread (counts, activity and unarchive follow the send). */
  inThread?: boolean;
  /**
   * The fingerprint of the access the send was checked with: it is written only while the sender's access
   * inputs still have it (null: checked otherwise, as a webhook's is).
   */
  accessFingerprint: string | null;
}

/**
 * One send of a turn, written: the created message as its event carries it, or the earlier row with its
 * nonce (for the caller to view as the sender sees it); or not written, because the sender's access inputs
 * changed since the send was checked (the caller checks again).
 */
export type WrittenSend =
  { kind: 'created'; message: Message } | { kind: 'earlier'; row: MessageRow } | { kind: 'stale' };

const STALE: WrittenSend = { kind: 'stale' };

function newMessage({ draft, id, attachments }: SendEntry<SendDraft>): NewMessage {
  return {
    id,
    channelId: draft.channelId,
    guildId: draft.guildId,
    authorId: draft.userId,
    content: draft.content,
    nonce: draft.nonce,
    replyToId: draft.replyToId,
    mentions: draft.mentions,
    attachments,
    ...(draft.webhook ? { webhook: draft.webhook } : {}),
  };
}

/** Writes a turn of sends (SendOrder decides the turns and their ids): the messages and their events. */
@Injectable()
export class SendWriter {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly sends: MessageSendRepository,
    private readonly threads: ThreadsRepository,
    private readonly events: ChatEventsWriter,
    private readonly transactions: ChatTransactions,
  ) {}

  /**
   * The turn in one statement, when it can be: not in a thread (whose count and unarchive follow the
   * insert), and while the channel's latest id is below the turn's first (else this replica's clock is
   * behind the last writer's, which the transactional path waits out). 'fallback' when nothing was written
   * for either reason; 'missing' when the channel is gone.
   */
  async writeAtOnce(
    channelId: string,
    entries: readonly SendEntry<SendDraft>[],
  ): Promise<WrittenSend[] | 'fallback' | 'missing'> {
    if (entries[0]!.draft.inThread) return 'fallback';
    const createdAt = new Date();
    const rows = entries.map((entry) => ({
      ...newMessageRow(newMessage(entry), createdAt),
      accessFingerprint: entry.draft.accessFingerprint,
    }));
    const messages = rows.map((row) => toMessage(row));
    const db = this.transactions.executor;
    const outcome = await this.sends.sendAtOnce(
      db,
      channelId,
      rows,
      this.events.insertionValuesOfMany(
        'message.created',
        channelId,
        messages.map((message) => ({ message })),
        rows.map((row) => row.id),
      ),
    );
    if (!outcome.found) return 'missing';
    if (outcome.behind) return 'fallback';
    return Promise.all(
      rows.map((row, index) =>
        outcome.written.has(row.id)
          ? { kind: 'created' as const, message: messages[index]! }
          : outcome.stale.has(row.id)
            ? STALE
            : this.earlier(db, row),
      ),
    );
  }

  /** The turn in the transaction that holds the channel's lock (threads, attachments, a clock behind). */
  async write(
    trx: Transaction<ChatDatabase>,
    entries: readonly SendEntry<SendDraft>[],
  ): Promise<WrittenSend[]> {
    const { channelId, inThread = false } = entries[0]!.draft; // a turn is one channel's
    const stale = await this.sends.staleChecks(
      trx,
      channelId,
      entries.map(({ draft }) => ({ authorId: draft.userId, accessFingerprint: draft.accessFingerprint })),
    );
    const newMessages = entries.flatMap((entry, index) => (stale.has(index) ? [] : [newMessage(entry)]));
    // The channel's last_message_id moves in the insert's own statement, except in a thread: there it
    // moves after afterMessages, whose unarchived row (in thread.updated) shows the one before the send.
    const inserted = inThread
      ? await this.messages.insertMany(trx, newMessages)
      : await this.messages.insertManyAsLatest(trx, channelId, newMessages);
    const results: WrittenSend[] = [];
    const created: Message[] = [];
    for (const [index, entry] of entries.entries()) {
      if (stale.has(index)) {
        results.push(STALE);
        continue;
      }
      const row = inserted.get(entry.id);
      if (!row) {
        results.push(await this.earlier(trx, newMessage(entry)));
        continue;
      }
      const message = toMessage(row);
      created.push(message);
      results.push({ kind: 'created', message });
    }
    const last = created.at(-1);
    if (last && inThread) {
      // A thread counts its messages and unarchives on a new one (its event comes first, same key).
      const unarchived = await this.threads.afterMessages(trx, last.channelId, created.length, new Date());
      if (unarchived) {
        await this.events.add(trx, 'thread.updated', unarchived.id, { thread: toChannel(unarchived, []) });
      }
    }
    if (last) {
      if (inThread) await this.messages.setLastMessage(trx, last.channelId, last.id);
      await this.events.addMany(
        trx,
        'message.created',
        last.channelId,
        created.map((message) => ({ message })),
      );
    }
    return results;
  }

  /** A send whose nonce an earlier message has (committed first, in an earlier turn or this one). */
  private async earlier(
    db: ChatExecutor,
    unwritten: Pick<NewMessage, 'channelId' | 'authorId' | 'nonce'>,
  ): Promise<WrittenSend> {
    const existing =
      unwritten.nonce === null
        ? null
        : await this.messages.findByNonce(db, unwritten.channelId, unwritten.authorId, unwritten.nonce);
    if (!existing) throw new Error('nonce conflict without an existing message');
    return { kind: 'earlier', row: existing };
  }
}
