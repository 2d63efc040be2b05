import { PERMISSIONS } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';
import type { GuildRow } from '../guilds/guilds.dto';

/** Messages removed per statement when the instance removes a deleted user's messages. */
export const MESSAGE_BATCH = 500;

interface RemovedReaction {
  messageId: string;
  channelId: string;
  guildId: string | null;
  emoji: string;
}

export interface RemovedMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  revision: number;
  attachmentIds: string[];
  embeds: { thumbnail?: { fileId?: string | null } | null }[];
}

/** The queries of a deleted account's removal from chat, each inside the consumer's transaction. */
@Injectable()
export class AccountDeletionRepository {
  async findUser(db: ChatExecutor, userId: string): Promise<{ bot: boolean } | null> {
    return (await db.selectFrom('users').select('bot').where('id', '=', userId).executeTakeFirst()) ?? null;
  }

  /** The guilds the user owns, locked. */
  async ownedGuilds(db: ChatExecutor, userId: string): Promise<GuildRow[]> {
    return db.selectFrom('guilds').selectAll().where('ownerId', '=', userId).forUpdate().execute();
  }

  /**
   * Who inherits a guild: the longest-standing member holding a role with ADMINISTRATOR, else the
   * longest-standing member who is not a bot, else any other member; null when the owner was alone.
   */
  async heir(db: ChatExecutor, guildId: string, ownerId: string): Promise<string | null> {
    const admin = BigInt(PERMISSIONS.ADMINISTRATOR).toString();
    const row = await db
      .selectFrom('members')
      .innerJoin('users', 'users.id', 'members.userId')
      .select('members.userId')
      .where('members.guildId', '=', guildId)
      .where('members.userId', '!=', ownerId)
      .orderBy(
        sql`exists (select 1 from member_roles mr join roles r on r.id = mr.role_id
          where mr.guild_id = members.guild_id and mr.user_id = members.user_id
            and (r.permissions & ${admin}::bigint) <> 0)`,
        'desc',
      )
      .orderBy('users.bot', 'asc')
      .orderBy('members.joinedAt', 'asc')
      .orderBy('members.userId', 'asc')
      .limit(1)
      .executeTakeFirst();
    return row?.userId ?? null;
  }

  async setOwner(db: ChatExecutor, guildId: string, ownerId: string): Promise<GuildRow> {
    return db
      .updateTable('guilds')
      .set({ ownerId })
      .where('id', '=', guildId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Deletes the guild; its channels, messages, roles and members go with it (cascade). */
  async deleteGuild(db: ChatExecutor, guildId: string): Promise<void> {
    await db.deleteFrom('guilds').where('id', '=', guildId).execute();
  }

  /** Ends every membership of the user (their member roles go with them); answers the guilds. */
  async removeMemberships(db: ChatExecutor, userId: string): Promise<string[]> {
    const rows = await db.deleteFrom('members').where('userId', '=', userId).returning('guildId').execute();
    return rows.map((row) => row.guildId).sort();
  }

  /** Both sides of every relationship the user has (friends, requests, blocks), deleted. */
  async removeRelationships(
    db: ChatExecutor,
    userId: string,
  ): Promise<{ userId: string; targetId: string; type: string }[]> {
    const rows = await db
      .deleteFrom('relationships')
      .where((eb) => eb.or([eb('userId', '=', userId), eb('targetId', '=', userId)]))
      .returning(['userId', 'targetId', 'type'])
      .execute();
    await db.deleteFrom('privacy_settings').where('userId', '=', userId).execute();
    return rows;
  }

  /** Read states, notification settings, push subscriptions and thread memberships of the user. */
  async removeSettings(db: ChatExecutor, userId: string): Promise<void> {
    await db.deleteFrom('read_states').where('userId', '=', userId).execute();
    await db.deleteFrom('notification_guild_settings').where('userId', '=', userId).execute();
    await db.deleteFrom('notification_channel_overrides').where('userId', '=', userId).execute();
    await db.deleteFrom('push_subscriptions').where('userId', '=', userId).execute();
    await db.deleteFrom('thread_members').where('userId', '=', userId).execute();
    // The emoji they uploaded stay the guild's; only the link to their account goes.
    await db.updateTable('emojis').set({ creatorId: null }).where('creatorId', '=', userId).execute();
  }

  /** The user's reactions, deleted; answers each with its channel and guild (for reaction.removed). */
  async removeReactions(db: ChatExecutor, userId: string): Promise<RemovedReaction[]> {
    const rows = await db
      .selectFrom('reactions')
      .innerJoin('messages', 'messages.id', 'reactions.messageId')
      .select(['reactions.messageId', 'reactions.channelId', 'messages.guildId', 'reactions.emoji'])
      .where('reactions.userId', '=', userId)
      .orderBy('reactions.channelId')
      .orderBy('reactions.messageId')
      .execute();
    await db.deleteFrom('reactions').where('userId', '=', userId).execute();
    return rows;
  }

  /** Up to MESSAGE_BATCH of the user's own messages (not a webhook's), deleted. */
  async removeMessages(db: ChatExecutor, userId: string): Promise<RemovedMessage[]> {
    const rows = await db
      .deleteFrom('messages')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('messages')
          .select('id')
          .where('authorId', '=', userId)
          .where('webhookId', 'is', null)
          .orderBy('id')
          .limit(MESSAGE_BATCH),
      )
      .returning(['id', 'channelId', 'guildId', 'revision', 'attachmentIds', 'embeds'])
      .execute();
    return rows as RemovedMessage[];
  }

  /** A thread's message count drops by the messages removed from it. */
  async threadMessagesRemoved(db: ChatExecutor, channelId: string, count: number): Promise<void> {
    await db
      .updateTable('channels')
      .set({ messageCount: sql<number>`greatest(message_count - ${count}, 0)` })
      .where('id', '=', channelId)
      .where('threadParentId', 'is not', null)
      .execute();
  }
}
