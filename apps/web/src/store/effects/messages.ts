import type { Message } from '@bonfire/sdk';
import { describeError } from '../../app/util';
import {
  type ClientMessage,
  oldestSent,
  optimisticMessage,
  PAGE_SIZE,
  withLatestPage,
  withOlderPage,
} from '../slices/message-history';
import { addMessages, holdsMessage, updateHistory } from '../slices/messages';
import { findChannel, receiveMessage } from '../updates';
import type { StoreKernel } from './kernel';
import type { ThreadEffects } from './threads';
import type { UserEffects } from './users';

export interface MessageDraft {
  content: string;
  replyTo?: string;
  attachments?: string[];
}

/** Message history requests and sending. */
export class MessageEffects {
  private readonly sendQueues = new Map<string, Promise<void>>();

  constructor(
    private readonly kernel: StoreKernel,
    private readonly users: UserEffects,
    private readonly threads: ThreadEffects,
  ) {}

  private history(channelId: string) {
    return this.kernel.getState().histories[channelId];
  }

  /** A message created or edited (a dispatch or the answer to a send). */
  receive(message: Message): void {
    void this.users.ensureAuthor(message);
    this.kernel.update((state) => receiveMessage(state, message));
  }

  /** The newest page, when a channel is opened the first time. */
  async openChannel(channelId: string): Promise<void> {
    if (this.history(channelId)?.loaded) return;
    await this.refreshLatest(channelId);
  }

  async refreshLatest(channelId: string): Promise<void> {
    this.kernel.update((state) =>
      updateHistory(state, channelId, (history) => ({ ...history, loadingLatest: true })),
    );
    try {
      const page = await this.kernel.client.messages.history(channelId, { limit: PAGE_SIZE });
      for (const message of page) void this.users.ensureAuthor(message);
      this.kernel.update((state) =>
        updateHistory(state, channelId, (history) => withLatestPage(history, page)),
      );
    } catch (error) {
      this.kernel.update((state) =>
        updateHistory(state, channelId, (history) => ({
          ...history,
          loadingLatest: false,
          error: `Messages could not be loaded: ${describeError(error)}`,
        })),
      );
    }
  }

  /** The page before the oldest message held (scrolling back). */
  async loadOlder(channelId: string): Promise<void> {
    const history = this.history(channelId);
    if (!history || history.loadingOlder || !history.hasMoreBefore) return;
    const oldest = oldestSent(history);
    if (!oldest) return;
    this.kernel.update((state) =>
      updateHistory(state, channelId, (current) => ({ ...current, loadingOlder: true })),
    );
    try {
      const page = await this.kernel.client.messages.history(channelId, {
        before: oldest.id,
        limit: PAGE_SIZE,
      });
      for (const message of page) void this.users.ensureAuthor(message);
      this.kernel.update((state) =>
        updateHistory(state, channelId, (current) => withOlderPage(current, page)),
      );
    } catch (error) {
      this.kernel.update((state) =>
        updateHistory(state, channelId, (current) => ({
          ...current,
          loadingOlder: false,
          error: `Older messages could not be loaded: ${describeError(error)}`,
        })),
      );
    }
  }

  /**
   * Loads older pages until `messageId` is held (history stays contiguous: no page is skipped), at most
   * `maxPages` of them. Answers whether the message is held now.
   */
  async loadUntil(channelId: string, messageId: string, maxPages: number): Promise<boolean> {
    await this.openChannel(channelId);
    for (let page = 0; ; page++) {
      if (holdsMessage(this.kernel.getState(), channelId, messageId)) return true;
      const history = this.history(channelId);
      if (!history?.hasMoreBefore || page >= maxPages || history.error) return false;
      await this.loadOlder(channelId);
    }
  }

  /** Optimistic send: the message shows at once and is replaced by the server's copy (matched by nonce). */
  async send(channelId: string, draft: MessageDraft, nonce: string): Promise<void> {
    const state = this.kernel.getState();
    if (!state.me) return;
    const optimistic = optimisticMessage({
      channelId,
      guildId: findChannel(state, channelId)?.guildId ?? null,
      authorId: state.me.id,
      content: draft.content,
      replyTo: draft.replyTo,
      nonce,
      createdAt: new Date().toISOString(),
    });
    this.kernel.update((current) => addMessages(current, channelId, [optimistic]));
    // One request at a time per channel: messages keep the order they were written in.
    const previous = this.sendQueues.get(channelId) ?? Promise.resolve();
    const turn = previous.then(() => this.deliver(channelId, optimistic, draft, nonce));
    this.sendQueues.set(channelId, turn);
    await turn;
  }

  private async deliver(
    channelId: string,
    optimistic: ClientMessage,
    draft: MessageDraft,
    nonce: string,
  ): Promise<void> {
    try {
      const message = await this.kernel.client.messages.send(channelId, {
        content: draft.content,
        nonce,
        ...(draft.replyTo ? { replyTo: draft.replyTo } : {}),
        ...(draft.attachments?.length ? { attachments: draft.attachments } : {}),
      });
      this.receive(message);
      this.threads.countNewMessage(message);
    } catch (error) {
      const failed = { ...optimistic, pending: false, failed: `Not sent: ${describeError(error)}` };
      this.kernel.update((state) => addMessages(state, channelId, [failed]));
    }
  }
}
