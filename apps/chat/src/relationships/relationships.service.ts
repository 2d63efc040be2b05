import {
  ERROR,
  isSnowflake,
  type PrivacySettings,
  type Relationship,
  type RelationshipType,
  type RelationshipUser,
} from '@bonfire/contracts';
import { AppError, type Transaction } from '@bonfire/platform';
import type { ChatDatabase } from '../database/schema';
import { Injectable } from '@nestjs/common';
import { type ChatExecutor, ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { pairKey, RelationshipsRepository } from './relationships.repository';

interface RelationshipChange {
  relationship: Relationship;
  /** False when nothing changed (a repeated request or block). */
  changed: boolean;
}

/**
 * Friends, friend requests and blocks (Discord's model), and each user's privacy settings. Every change
 * of a pair runs under the pair's lock and writes one outbox event per side that changed
 * (`relationship.added` / `relationship.removed`, key: the pair), so both users' sessions, and presence's
 * projection of blocks and friendships, follow in order.
 */
@Injectable()
export class RelationshipsService {
  constructor(
    private readonly relationships: RelationshipsRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
  ) {}

  list(userId: string): Promise<Relationship[]> {
    return this.relationships.list(this.transactions.executor, userId);
  }

  /** `{username}`: a friend request (or the acceptance of theirs) to the user of that name. */
  async requestByName(userId: string, username: string): Promise<RelationshipChange> {
    const target = await this.relationships.findUserByName(this.transactions.executor, username);
    if (!target) throw unknownUser('body.username');
    return this.request(userId, target, 'body.username');
  }

  /** PUT without a type, or `{type: 'friend'}`: a friend request, or the acceptance of an incoming one. */
  async requestById(userId: string, targetId: string): Promise<RelationshipChange> {
    return this.request(userId, await this.requireUser(targetId, 'param.userId'), 'param.userId');
  }

  private async request(
    userId: string,
    target: RelationshipUser,
    field: string,
  ): Promise<RelationshipChange> {
    if (target.id === userId) {
      throw new AppError(ERROR.CANNOT_FRIEND_SELF, 'You cannot befriend yourself.', {
        details: [{ field, code: 'self', message: 'must not be yourself' }],
      });
    }
    if (target.bot) {
      throw new AppError(ERROR.CANNOT_FRIEND_BOT, 'Bots cannot be friends.', {
        details: [{ field, code: 'bot', message: 'must not be a bot user' }],
      });
    }
    return this.transactions.run(async (trx): Promise<RelationshipChange> => {
      await this.relationships.lockPair(trx, userId, target.id);
      const mine = await this.relationships.get(trx, userId, target.id);
      const theirs = await this.relationships.get(trx, target.id, userId);
      if (mine?.type === 'friend') {
        throw new AppError(ERROR.ALREADY_FRIENDS, 'You are already friends.', {
          details: [{ field, code: 'already_friends', message: 'is already your friend' }],
        });
      }
      if (mine?.type === 'outgoing') {
        return { relationship: view(target, 'outgoing', mine.since), changed: false };
      }
      if (mine?.type === 'blocked') {
        throw new AppError(ERROR.USER_BLOCKED, 'You blocked this user: unblock them first.', {
          details: [{ field, code: 'blocked', message: 'is blocked by you' }],
        });
      }
      if (mine?.type === 'incoming' && theirs?.type === 'outgoing') {
        // Accepting their request: both become friends.
        const me = (await this.relationships.findUser(trx, userId))!;
        const since = await this.relationships.set(trx, userId, target.id, 'friend');
        await this.relationships.set(trx, target.id, userId, 'friend');
        const relationship = view(target, 'friend', since);
        await this.added(trx, userId, relationship);
        await this.added(trx, target.id, view(me, 'friend', since));
        return { relationship, changed: true };
      }
      // A block is told exactly as the privacy setting refusing the request: the same code and message.
      if (theirs?.type === 'blocked' || !(await this.acceptsRequestFrom(trx, target.id, userId))) {
        throw new AppError(
          ERROR.FRIEND_REQUEST_BLOCKED,
          'This user is not accepting friend requests from you.',
          {
            details: [
              { field, code: 'friend_request_blocked', message: 'does not accept friend requests from you' },
            ],
          },
        );
      }
      const me = await this.relationships.findUser(trx, userId);
      if (!me) throw unknownUser(field);
      const since = await this.relationships.set(trx, userId, target.id, 'outgoing');
      await this.relationships.set(trx, target.id, userId, 'incoming');
      const relationship = view(target, 'outgoing', since);
      await this.added(trx, userId, relationship);
      await this.added(trx, target.id, view(me, 'incoming', since));
      return { relationship, changed: true };
    });
  }

  /**
   * Blocks the user: my side becomes `blocked`, and their friendship or request with me ends (their row
   * goes, unless they blocked me too). The blocked user is not told (their list just loses me).
   */
  async block(userId: string, targetId: string): Promise<RelationshipChange> {
    if (targetId === userId) {
      throw new AppError(ERROR.CANNOT_BLOCK_SELF, 'You cannot block yourself.', {
        details: [{ field: 'param.userId', code: 'self', message: 'must not be yourself' }],
      });
    }
    const target = await this.requireUser(targetId, 'param.userId');
    return this.transactions.run(async (trx): Promise<RelationshipChange> => {
      await this.relationships.lockPair(trx, userId, targetId);
      const mine = await this.relationships.get(trx, userId, targetId);
      if (mine?.type === 'blocked') {
        return { relationship: view(target, 'blocked', mine.since), changed: false };
      }
      const theirs = await this.relationships.get(trx, targetId, userId);
      if (theirs && theirs.type !== 'blocked') {
        await this.relationships.delete(trx, targetId, userId);
        await this.removed(trx, targetId, userId, theirs.type);
      }
      const since = await this.relationships.set(trx, userId, targetId, 'blocked');
      const relationship = view(target, 'blocked', since);
      await this.added(trx, userId, relationship);
      return { relationship, changed: true };
    });
  }

  /** Removes a friend, cancels my request, declines theirs, or unblocks. 404 when there is nothing. */
  async remove(userId: string, targetId: string): Promise<void> {
    if (!isSnowflake(targetId)) {
      throw new AppError(ERROR.UNKNOWN_RELATIONSHIP, 'You have no relationship with this user.');
    }
    await this.transactions.run(async (trx) => {
      await this.relationships.lockPair(trx, userId, targetId);
      const mine = await this.relationships.delete(trx, userId, targetId);
      if (!mine) {
        throw new AppError(ERROR.UNKNOWN_RELATIONSHIP, 'You have no relationship with this user.');
      }
      await this.removed(trx, userId, targetId, mine);
      if (mine === 'blocked') return;
      const theirs = await this.relationships.get(trx, targetId, userId);
      if (theirs && theirs.type !== 'blocked') {
        await this.relationships.delete(trx, targetId, userId);
        await this.removed(trx, targetId, userId, theirs.type);
      }
    });
  }

  privacy(userId: string): Promise<PrivacySettings> {
    return this.relationships.privacy(this.transactions.executor, userId);
  }

  async updatePrivacy(userId: string, patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
    return this.transactions.run(async (trx) => {
      const settings = { ...(await this.relationships.privacy(trx, userId)), ...patch };
      await this.relationships.setPrivacy(trx, userId, settings);
      return settings;
    });
  }

  private async acceptsRequestFrom(db: ChatExecutor, targetId: string, senderId: string): Promise<boolean> {
    const { friendRequestsFrom } = await this.relationships.privacy(db, targetId);
    switch (friendRequestsFrom) {
      case 'everyone':
        return true;
      case 'guild_members':
        return this.relationships.shareGuild(db, targetId, senderId);
      case 'friends_of_friends':
        return this.relationships.haveMutualFriend(db, targetId, senderId);
      case 'nobody':
        return false;
    }
  }

  private async requireUser(id: string, field: string): Promise<RelationshipUser> {
    if (!isSnowflake(id)) throw unknownUser(field);
    const user = await this.relationships.findUser(this.transactions.executor, id);
    if (!user) throw unknownUser(field);
    return user;
  }

  private added(trx: Transaction<ChatDatabase>, userId: string, relationship: Relationship): Promise<void> {
    return this.events.add(trx, 'relationship.added', pairKey(userId, relationship.id), {
      userId,
      relationship,
    });
  }

  private removed(
    trx: Transaction<ChatDatabase>,
    userId: string,
    targetId: string,
    type: RelationshipType,
  ): Promise<void> {
    return this.events.add(trx, 'relationship.removed', pairKey(userId, targetId), {
      userId,
      id: targetId,
      type,
    });
  }
}

function view(user: RelationshipUser, type: RelationshipType, since: Date): Relationship {
  return { id: user.id, type, user, since: since.toISOString() };
}

function unknownUser(field: string): AppError {
  return new AppError(ERROR.UNKNOWN_USER, 'Unknown user.', {
    details: [{ field, code: 'unknown_user', message: 'no user has this name or id' }],
  });
}
