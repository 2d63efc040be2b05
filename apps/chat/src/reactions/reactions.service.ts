import { isSnowflake } from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService, type ChannelAccess } from '../access/access.service';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { MessagesRepository } from '../messages/messages.repository';
import { unknownMessage } from '../messages/messages.service';
import { isUnicodeEmoji } from './emoji';
import type { Reactor, ReactorsQuery } from './reactions.dto';
import { ReactionsRepository } from './reactions.repository';

export const REACTION_ERRORS = {
  invalidEmoji: 'INVALID_EMOJI',
  tooManyReactions: 'TOO_MANY_REACTIONS',
} as const;

export const MAX_DISTINCT_EMOJI_PER_MESSAGE = 20;

/** My reactions (idempotent add/remove; an event only when something changed) and who reacted. */
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
    requireEmoji(emoji);
    await this.requireMessage(channelId, messageId);
    await this.transactions.run(async (trx) => {
      // Serialises the channel's writes (event order) and the 20-emoji check.
      await this.messages.lockChannel(trx, channelId);
      if (!(await this.reactions.messageExists(trx, channelId, messageId))) throw unknownMessage();
      const state = await this.reactions.emojiState(trx, messageId, emoji);
      if (!state.present && state.distinct >= MAX_DISTINCT_EMOJI_PER_MESSAGE) {
        throw new AppError(
          400,
          REACTION_ERRORS.tooManyReactions,
          `A message can have at most ${MAX_DISTINCT_EMOJI_PER_MESSAGE} different emoji.`,
          [{ field: 'emoji', code: 'too_many', message: 'too many different emoji on this message' }],
        );
      }
      const key = { messageId, channelId, userId, emoji };
      if (await this.reactions.add(trx, key)) {
        await this.events.add(trx, 'reaction.added', channelId, eventData(access, key));
      }
    });
  }

  async remove(userId: string, channelId: string, messageId: string, emoji: string): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId);
    requireEmoji(emoji);
    await this.requireMessage(channelId, messageId);
    await this.transactions.run(async (trx) => {
      await this.messages.lockChannel(trx, channelId);
      const key = { messageId, channelId, userId, emoji };
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
    requireEmoji(emoji);
    await this.requireMessage(channelId, messageId);
    return this.reactions.reactors(this.transactions.executor, messageId, emoji, query);
  }

  private async requireMessage(channelId: string, messageId: string): Promise<void> {
    if (!isSnowflake(messageId)) throw unknownMessage();
    if (!(await this.reactions.messageExists(this.transactions.executor, channelId, messageId))) {
      throw unknownMessage();
    }
  }
}

function requireEmoji(emoji: string): void {
  if (!isUnicodeEmoji(emoji)) {
    throw new AppError(400, REACTION_ERRORS.invalidEmoji, 'The emoji must be one unicode emoji.', [
      { field: 'emoji', code: 'invalid_emoji', message: 'must be one unicode emoji' },
    ]);
  }
}

function eventData(
  access: ChannelAccess,
  key: { messageId: string; channelId: string; userId: string; emoji: string },
) {
  return { ...key, guildId: access.guildId };
}
