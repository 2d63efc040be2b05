import type { Message, ReactionEmoji, ReactionUser, ReactionUsersQuery, ThumbnailSize } from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/**
 * What a person does to a sent message. The answers change nothing here: the dispatch each change causes
 * (`message.updated`, `message.deleted`, `reaction.*`) brings it to every session, this one included.
 */
export class MessageActions {
  constructor(private readonly kernel: StoreKernel) {}

  edit(channelId: string, messageId: string, content: string): Promise<Message> {
    return this.kernel.client.messages.edit(channelId, messageId, content);
  }

  delete(channelId: string, messageId: string): Promise<void> {
    return this.kernel.client.messages.delete(channelId, messageId);
  }

  /** Removes the message's link embeds. */
  suppressEmbeds(channelId: string, messageId: string): Promise<Message> {
    return this.kernel.client.messages.suppressEmbeds(channelId, messageId);
  }

  setPinned(channelId: string, messageId: string, pinned: boolean): Promise<void> {
    const { messages } = this.kernel.client;
    return pinned ? messages.pin(channelId, messageId) : messages.unpin(channelId, messageId);
  }

  /** The channel's pinned messages, newest first. */
  pins(channelId: string): Promise<Message[]> {
    return this.kernel.client.messages.pins(channelId);
  }

  /** Adds my reaction, or takes it back. */
  setReaction(channelId: string, messageId: string, emoji: ReactionEmoji, reacted: boolean): Promise<void> {
    const { reactions } = this.kernel.client;
    return reacted
      ? reactions.add(channelId, messageId, emoji)
      : reactions.remove(channelId, messageId, emoji);
  }

  /** Who reacted with `emoji`; `after` pages. */
  reactionUsers(
    channelId: string,
    messageId: string,
    emoji: ReactionEmoji,
    query: ReactionUsersQuery,
  ): Promise<ReactionUser[]> {
    return this.kernel.client.reactions.users(channelId, messageId, emoji, query);
  }

  /** Tells the channel I am typing (renewed by the composer while I keep typing). */
  startTyping(channelId: string): Promise<void> {
    return this.kernel.client.realtime.startTyping(channelId);
  }

  /** An attachment's bytes (or a thumbnail's), fetched with my token. */
  downloadAttachment(fileId: string, size?: ThumbnailSize): Promise<Response> {
    return this.kernel.client.files.downloadAttachment(fileId, size ? { size } : {});
  }
}
