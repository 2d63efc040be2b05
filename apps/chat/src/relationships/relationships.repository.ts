import {
  DEFAULT_PRIVACY_SETTINGS,
  type DmsFrom,
  type FriendRequestsFrom,
  type PrivacySettings,
  type Relationship,
  type RelationshipType,
  type RelationshipUser,
} from '@bonfire/contracts';
import { groupRows } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';

/** The unique key of a pair of users: "<lower id>:<higher id>" (numeric order). */
export function pairKey(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}:${b}` : `${b}:${a}`;
}

interface RelationshipRow {
  type: RelationshipType;
  since: Date;
}

@Injectable()
export class RelationshipsRepository {
  /** Every relationship of the user, with the other user, newest first. */
  async list(db: ChatExecutor, userId: string): Promise<Relationship[]> {
    return (await this.listOf(db, [userId])).get(userId) ?? [];
  }

  /** Every relationship of each user, with the other user, newest first. */
  async listOf(db: ChatExecutor, userIds: readonly string[]): Promise<Map<string, Relationship[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('relationships as r')
      .innerJoin('users as u', 'u.id', 'r.targetId')
      .select([
        'r.userId',
        'r.targetId',
        'r.type',
        'r.since',
        'u.username',
        'u.displayName',
        'u.avatarFileId',
        'u.bot',
      ])
      .where('r.userId', 'in', userIds)
      .orderBy('r.since', 'desc')
      .orderBy('r.targetId')
      .execute();
    return groupRows(
      rows,
      (row) => row.userId,
      (row): Relationship => ({
        id: row.targetId,
        type: row.type,
        since: row.since.toISOString(),
        user: {
          id: row.targetId,
          username: row.username,
          displayName: row.displayName,
          avatarFileId: row.avatarFileId,
          bot: row.bot,
        },
      }),
    );
  }

  /** Serialises every change of one pair until the transaction ends (both sides stay consistent). */
  async lockPair(db: ChatExecutor, a: string, b: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`relationship:${pairKey(a, b)}`}, 0))`.execute(
      db,
    );
  }

  async get(db: ChatExecutor, userId: string, targetId: string): Promise<RelationshipRow | null> {
    const row = await db
      .selectFrom('relationships')
      .select(['type', 'since'])
      .where('userId', '=', userId)
      .where('targetId', '=', targetId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Sets how `userId` relates to `targetId`; answers when it took this type (now). */
  async set(db: ChatExecutor, userId: string, targetId: string, type: RelationshipType): Promise<Date> {
    const since = new Date();
    await db
      .insertInto('relationships')
      .values({ userId, targetId, type, since })
      .onConflict((conflict) => conflict.columns(['userId', 'targetId']).doUpdateSet({ type, since }))
      .execute();
    return since;
  }

  async delete(db: ChatExecutor, userId: string, targetId: string): Promise<RelationshipType | null> {
    const row = await db
      .deleteFrom('relationships')
      .where('userId', '=', userId)
      .where('targetId', '=', targetId)
      .returning('type')
      .executeTakeFirst();
    return row?.type ?? null;
  }

  async findUser(db: ChatExecutor, id: string): Promise<RelationshipUser | null> {
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'displayName', 'avatarFileId', 'bot'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** A user by username (case-insensitive: auth keeps usernames unique without regard to case). */
  async findUserByName(db: ChatExecutor, username: string): Promise<RelationshipUser | null> {
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'displayName', 'avatarFileId', 'bot'])
      .where(sql<string>`lower(username)`, '=', username.toLowerCase())
      .orderBy('id')
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async shareGuild(db: ChatExecutor, a: string, b: string): Promise<boolean> {
    const row = await db
      .selectFrom('members as m1')
      .innerJoin('members as m2', 'm2.guildId', 'm1.guildId')
      .select('m1.guildId')
      .where('m1.userId', '=', a)
      .where('m2.userId', '=', b)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async haveMutualFriend(db: ChatExecutor, a: string, b: string): Promise<boolean> {
    const row = await db
      .selectFrom('relationships as r1')
      .innerJoin('relationships as r2', 'r2.targetId', 'r1.targetId')
      .select('r1.targetId')
      .where('r1.userId', '=', a)
      .where('r1.type', '=', 'friend')
      .where('r2.userId', '=', b)
      .where('r2.type', '=', 'friend')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async privacy(db: ChatExecutor, userId: string): Promise<PrivacySettings> {
    const row = await db
      .selectFrom('privacy_settings')
      .select(['dmsFrom', 'friendRequestsFrom'])
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (!row) return { ...DEFAULT_PRIVACY_SETTINGS };
    return {
      dmsFrom: row.dmsFrom as DmsFrom,
      friendRequestsFrom: row.friendRequestsFrom as FriendRequestsFrom,
    };
  }

  async setPrivacy(db: ChatExecutor, userId: string, settings: PrivacySettings): Promise<void> {
    const values = { dmsFrom: settings.dmsFrom, friendRequestsFrom: settings.friendRequestsFrom };
    await db
      .insertInto('privacy_settings')
      .values({ userId, ...values })
      .onConflict((conflict) => conflict.column('userId').doUpdateSet({ ...values, updatedAt: new Date() }))
      .execute();
  }

  /** The other recipient of a 1:1 DM (null when the channel is not one, or the caller is alone in it). */
  async dmPartner(db: ChatExecutor, channelId: string, userId: string): Promise<string | null> {
    const row = await db
      .selectFrom('channel_recipients')
      .select('userId')
      .where('channelId', '=', channelId)
      .where('userId', '<>', userId)
      .executeTakeFirst();
    return row?.userId ?? null;
  }

  /** Of `others`, those who blocked `userId`. */
  async blockedBy(db: ChatExecutor, userId: string, others: readonly string[]): Promise<string[]> {
    if (others.length === 0) return [];
    const rows = await db
      .selectFrom('relationships')
      .select('userId')
      .where('targetId', '=', userId)
      .where('type', '=', 'blocked')
      .where('userId', 'in', others)
      .execute();
    return rows.map((row) => row.userId);
  }

  /** Of `others`, those `userId` blocked. */
  async blockedByUser(db: ChatExecutor, userId: string, others: readonly string[]): Promise<string[]> {
    if (others.length === 0) return [];
    const rows = await db
      .selectFrom('relationships')
      .select('targetId')
      .where('userId', '=', userId)
      .where('type', '=', 'blocked')
      .where('targetId', 'in', others)
      .execute();
    return rows.map((row) => row.targetId);
  }
}

function toUser(row: {
  id: string;
  username: string;
  displayName: string | null;
  avatarFileId: string | null;
  bot: boolean;
}): RelationshipUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    avatarFileId: row.avatarFileId,
    bot: row.bot,
  };
}
