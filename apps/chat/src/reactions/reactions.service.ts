import { ERROR, customEmojiRef, isSnowflake, parseCustomEmojiRef } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type ChannelAccess } from '../access/access.service';
import { type ChatExecutor, ChatTransactions } from '../database/chat-transactions';
import { findGuildEmoji } from '../emojis/emojis.repository';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { MessagesRepository } from '../messages/messages.repository';
import { unknownMessage } from '../messages/messages.service';
import { isUnicodeEmoji } from './emoji';
import type { Reactor, ReactorsQuery } from './reactions.dto';
import { ReactionsRepository } from './reactions.repository';

const MAX_DISTINCT_EMOJI_PER_MESSAGE = 20;

/**
 * My reactions (idempotent add/remove; an event only when something changed) and who reacted. An emoji is
 * one unicode emoji or a custom emoji of the message's guild named `name:id` (as Discord). A custom emoji's
 * reactions are keyed `name:id` with the name it had when the message first got it: later reactions by id
 * join that key (a rename does not split them), and they stay readable and removable once it is deleted.
 */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly access: AccessService,
    private readonly reactions: ReactionsRepository,
    private readonly messages: MessagesRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
  ) {}

  async add(userId: string, channelId: string, messageId: string, emoji: string): Promise<void> {
    const access = await this.access.requireChannel(
      channelId,
      userId,
      'READ_MESSAGE_HISTORY',
      'ADD_REACTIONS',
    );
    const custom = await this.usableEmoji(access, emoji);
    await this.requireMessage(channelId, messageId);
    await this.transactions.run(async (trx) => {
      // Serialises the channel's writes (event order) and the 20-emoji check.
      await this.messages.lockChannel(trx, channelId);
      if (!(await this.reactions.messageExists(trx, channelId, messageId))) throw unknownMessage();
      const present = await this.reactions.emojiOn(trx, messageId);
      const stored = custom
        ? (present.find((key) => sameCustomEmoji(key, custom.id)) ?? customEmojiRef(custom))
        : emoji;
      const state = { distinct: present.length, present: present.includes(stored) };
      if (!state.present && state.distinct >= MAX_DISTINCT_EMOJI_PER_MESSAGE) {
        throw new AppError(
          ERROR.TOO_MANY_REACTIONS,
          `A message can have at most ${MAX_DISTINCT_EMOJI_PER_MESSAGE} different emoji.`,
          {
            details: [
              { field: 'emoji', code: 'too_many', message: 'too many different emoji on this message' },
            ],
          },
        );
      }
      const key = { messageId, channelId, userId, emoji: stored };
      if (await this.reactions.add(trx, key)) {
        await this.events.add(trx, 'reaction.added', channelId, eventData(access, key));
      }
    });
  }

  async remove(userId: string, channelId: string, messageId: string, emoji: string): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId);
    const custom = requireEmoji(emoji);
    await this.requireMessage(channelId, messageId);
    await this.transactions.run(async (trx) => {
      await this.messages.lockChannel(trx, channelId);
      const stored = custom ? await this.storedKey(trx, messageId, custom.id) : emoji;
      if (stored === null) return;
      const key = { messageId, channelId, userId, emoji: stored };
      if (await this.reactions.remove(trx, key)) {
        await this.events.add(trx, 'reaction.removed', channelId, eventData(access, key));
      }
    });
  }

  async reactors(
    userId: string,
    channelId: string,
    messageId: string,
    emoji: string,
    query: ReactorsQuery,
  ): Promise<Reactor[]> {
    await this.access.requireChannel(channelId, userId, 'READ_MESSAGE_HISTORY');
    const custom = requireEmoji(emoji);
    await this.requireMessage(channelId, messageId);
    const db = this.transactions.executor;
    const key = custom ? await this.storedKey(db, messageId, custom.id) : emoji;
    if (key === null) return [];
    return this.reactions.reactors(db, messageId, key, query);
  }

  /**
   * The custom emoji a new reaction names, checked: it must be an emoji of the message's guild (none in
   * DMs). Null for a unicode emoji.
   */
  private async usableEmoji(
    access: ChannelAccess,
    emoji: string,
  ): Promise<{ name: string; id: string } | null> {
    const custom = requireEmoji(emoji);
    if (!custom) return null;
    const row =
      access.guildId === null
        ? null
        : await findGuildEmoji(this.transactions.executor, access.guildId, custom.id);
    if (!row) {
      throw new AppError(ERROR.INVALID_EMOJI, 'The custom emoji is not an emoji of this guild.', {
        details: [
          {
            field: 'emoji',
            code: 'unknown_emoji',
            message: 'must be a custom emoji of this guild (name:id)',
          },
        ],
      });
    }
    return { name: row.name, id: row.id };
  }

  /** The key a custom emoji's reactions have on a message, or null when it has none. */
  private async storedKey(db: ChatExecutor, messageId: string, emojiId: string): Promise<string | null> {
    const present = await this.reactions.emojiOn(db, messageId);
    return present.find((key) => sameCustomEmoji(key, emojiId)) ?? null;
  }

  private async requireMessage(channelId: string, messageId: string): Promise<void> {
    if (!isSnowflake(messageId)) throw unknownMessage();
    if (!(await this.reactions.messageExists(this.transactions.executor, channelId, messageId))) {
      throw unknownMessage();
    }
  }
}

/** A unicode emoji (null) or a custom one's `name:id` (its parts); 400 INVALID_EMOJI otherwise. */
function requireEmoji(emoji: string): { name: string; id: string } | null {
  if (isUnicodeEmoji(emoji)) return null;
  const custom = parseCustomEmojiRef(emoji);
  if (custom) return custom;
  throw new AppError(
    ERROR.INVALID_EMOJI,
    'The emoji must be one unicode emoji or a custom emoji as name:id.',
    { details: [{ field: 'emoji', code: 'invalid_emoji', message: 'must be one unicode emoji or name:id' }] },
  );
}

function sameCustomEmoji(key: string, emojiId: string): boolean {
  return parseCustomEmojiRef(key)?.id === emojiId;
}

function eventData(
  access: ChannelAccess,
  key: { messageId: string; channelId: string; userId: string; emoji: string },
) {
  return { ...key, guildId: access.guildId };
}
