import { ERROR } from '@bonfire/contracts';

import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import { RelationshipsRepository } from './relationships.repository';

/**
 * Who may DM whom (issue 20), asked when a 1:1 DM is opened and on every message sent in one:
 * - neither side may have blocked the other (a blocked user cannot reach you; you cannot message
 *   someone you blocked without unblocking them, as in Discord);
 * - the recipient's `dmsFrom`: `everyone`; `guild_members` (sharing a guild, or friends); `friends`.
 * Refusals are 403 CANNOT_MESSAGE_USER with one message whatever the reason, so a block is not told
 * apart from the privacy setting. Group DMs: nobody can be put into a group DM with someone who blocked
 * them, or whom they blocked (create and add); messages inside an existing group DM are not refused —
 * clients collapse a blocked user's messages there, as in guilds.
 */
@Injectable()
export class DmPolicy {
  constructor(private readonly relationships: RelationshipsRepository) {}

  async requireCanDm(db: ChatExecutor, senderId: string, recipientId: string, field: string): Promise<void> {
    if (!(await this.canDm(db, senderId, recipientId))) throw cannotMessage(field);
  }

  async canDm(db: ChatExecutor, senderId: string, recipientId: string): Promise<boolean> {
    const [mine, theirs] = await Promise.all([
      this.relationships.get(db, senderId, recipientId),
      this.relationships.get(db, recipientId, senderId),
    ]);
    if (mine?.type === 'blocked' || theirs?.type === 'blocked') return false;
    const { dmsFrom } = await this.relationships.privacy(db, recipientId);
    if (dmsFrom === 'everyone' || theirs?.type === 'friend') return true;
    if (dmsFrom === 'friends') return false;
    return this.relationships.shareGuild(db, senderId, recipientId);
  }

  /** A message in a 1:1 DM: the sender must still be allowed to DM the other recipient. */
  async requireCanMessageDm(db: ChatExecutor, senderId: string, channelId: string): Promise<void> {
    const partner = await this.relationships.dmPartner(db, channelId, senderId);
    if (partner !== null && !(await this.canDm(db, senderId, partner)))
      throw cannotMessage('param.channelId');
  }

  /**
   * Group DMs: throws 403 CANNOT_MESSAGE_USER naming the first of `others` (fieldOf(i)) who blocked
   * `userId` or whom `userId` blocked.
   */
  async requireNoBlocks(
    db: ChatExecutor,
    userId: string,
    others: readonly string[],
    fieldOf: (index: number) => string,
  ): Promise<void> {
    if (others.length === 0) return;
    const blocking = new Set([
      ...(await this.relationships.blockedBy(db, userId, others)),
      ...(await this.relationships.blockedByUser(db, userId, others)),
    ]);
    const index = others.findIndex((id) => blocking.has(id));
    if (index >= 0) throw cannotMessage(fieldOf(index));
  }
}

function cannotMessage(field: string): AppError {
  return new AppError(ERROR.CANNOT_MESSAGE_USER, 'You cannot send messages to this user.', {
    details: [{ field, code: 'cannot_message_user', message: 'does not accept direct messages from you' }],
  });
}
