import {
  DEFAULT_PRIVACY_SETTINGS,
  type DmsFrom,
  type FriendRequestsFrom,
  type PrivacySettings,
  type Relationship,
  type RelationshipType,
  type RelationshipUser,
} from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';

/** The unique key of a pair of users: "<lower id>:<higher id>" (numeric order). */
export function pairKey(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}:${b}` : `${b}:${a}`;
}

export interface RelationshipRow {
  type: RelationshipType;
  since: Date;
}

@Injectable()
export class RelationshipsRepository {
  /** Every relationship of the user, with the other user, newest first. */
  async list(db: ChatExecutor, userId: string): Promise<Relationship[]> {
    const rows = await db
      .selectFrom('relationships as r')
      .innerJoin('users as u', 'u.id', 'r.target_id')
      .select([
        'r.target_id',
        'r.type',
        'r.since',
        'u.username',
        'u.display_name',
        'u.avatar_file_id',
        'u.bot',
      ])
      .where('r.user_id', '=', userId)
      .orderBy('r.since', 'desc')
      .orderBy('r.target_id')
      .execute();
    return rows.map((row) => ({
      id: row.target_id,
      type: row.type,
      since: row.since.toISOString(),
      user: {
        id: row.target_id,
        username: row.username,
        displayName: row.display_name,
        avatarFileId: row.avatar_file_id,
        bot: row.bot,
      },
    }));
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
      .where('user_id', '=', userId)
      .where('target_id', '=', targetId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Sets how `userId` relates to `targetId`; answers when it took this type (now). */
  async set(db: ChatExecutor, userId: string, targetId: string, type: RelationshipType): Promise<Date> {
    const since = new Date();
    await db
      .insertInto('relationships')
      .values({ user_id: userId, target_id: targetId, type, since })
      .onConflict((conflict) => conflict.columns(['user_id', 'target_id']).doUpdateSet({ type, since }))
      .execute();
    return since;
  }

  async delete(db: ChatExecutor, userId: string, targetId: string): Promise<RelationshipType | null> {
    const row = await db
      .deleteFrom('relationships')
      .where('user_id', '=', userId)
      .where('target_id', '=', targetId)
      .returning('type')
      .executeTakeFirst();
    return row?.type ?? null;
  }

  async findUser(db: ChatExecutor, id: string): Promise<RelationshipUser | null> {
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'avatar_file_id', 'bot'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** A user by username (case-insensitive: auth keeps usernames unique without regard to case). */
  async findUserByName(db: ChatExecutor, username: string): Promise<RelationshipUser | null> {
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'avatar_file_id', 'bot'])
      .where(sql<string>`lower(username)`, '=', username.toLowerCase())
      .orderBy('id')
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async shareGuild(db: ChatExecutor, a: string, b: string): Promise<boolean> {
    const row = await db
      .selectFrom('members as m1')
      .innerJoin('members as m2', 'm2.guild_id', 'm1.guild_id')
      .select('m1.guild_id')
      .where('m1.user_id', '=', a)
      .where('m2.user_id', '=', b)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async haveMutualFriend(db: ChatExecutor, a: string, b: string): Promise<boolean> {
    const row = await db
      .selectFrom('relationships as r1')
      .innerJoin('relationships as r2', 'r2.target_id', 'r1.target_id')
      .select('r1.target_id')
      .where('r1.user_id', '=', a)
      .where('r1.type', '=', 'friend')
      .where('r2.user_id', '=', b)
      .where('r2.type', '=', 'friend')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async privacy(db: ChatExecutor, userId: string): Promise<PrivacySettings> {
    const row = await db
      .selectFrom('privacy_settings')
      .select(['dms_from', 'friend_requests_from'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return { ...DEFAULT_PRIVACY_SETTINGS };
    return {
      dmsFrom: row.dms_from as DmsFrom,
      friendRequestsFrom: row.friend_requests_from as FriendRequestsFrom,
    };
  }

  async setPrivacy(db: ChatExecutor, userId: string, settings: PrivacySettings): Promise<void> {
    const values = { dms_from: settings.dmsFrom, friend_requests_from: settings.friendRequestsFrom };
    await db
      .insertInto('privacy_settings')
      .values({ user_id: userId, ...values })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
  }

  /** The other recipient of a 1:1 DM (null when the channel is not one, or the caller is alone in it). */
  async dmPartner(db: ChatExecutor, channelId: string, userId: string): Promise<string | null> {
    const row = await db
      .selectFrom('channel_recipients')
      .select('user_id')
      .where('channel_id', '=', channelId)
      .where('user_id', '<>', userId)
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  /** Of `others`, those who blocked `userId`. */
  async blockedBy(db: ChatExecutor, userId: string, others: readonly string[]): Promise<string[]> {
    if (others.length === 0) return [];
    const rows = await db
      .selectFrom('relationships')
      .select('user_id')
      .where('target_id', '=', userId)
      .where('type', '=', 'blocked')
      .where('user_id', 'in', others)
      .execute();
    return rows.map((row) => row.user_id);
  }

  /** Of `others`, those `userId` blocked. */
  async blockedByUser(db: ChatExecutor, userId: string, others: readonly string[]): Promise<string[]> {
    if (others.length === 0) return [];
    const rows = await db
      .selectFrom('relationships')
      .select('target_id')
      .where('user_id', '=', userId)
      .where('type', '=', 'blocked')
      .where('target_id', 'in', others)
      .execute();
    return rows.map((row) => row.target_id);
  }
}

function toUser(row: {
  id: string;
  username: string;
  display_name: string | null;
  avatar_file_id: string | null;
  bot: boolean;
}): RelationshipUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    avatarFileId: row.avatar_file_id,
    bot: row.bot,
  };
}
