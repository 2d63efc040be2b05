import type { Attachment } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';

export interface ExportedChannel {
  id: string;
  type: string;
  name: string | null;
  guildId: string | null;
  guildName: string | null;
  parentId: string | null;
}

export interface ExportedMessage {
  id: string;
  channelId: string;
  content: string;
  createdAt: Date;
  editedAt: Date | null;
  replyToId: string | null;
  pinned: boolean;
  attachments: Attachment[];
}

/** What chat holds about one user, read for their data export (the only queries of the export). */
@Injectable()
export class ExportSourceRepository {
  async profile(db: ChatExecutor, userId: string) {
    return (
      (await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'avatar_file_id', 'bot', 'updated_at'])
        .where('id', '=', userId)
        .executeTakeFirst()) ?? null
    );
  }

  async memberships(db: ChatExecutor, userId: string) {
    return db
      .selectFrom('members')
      .innerJoin('guilds', 'guilds.id', 'members.guild_id')
      .select([
        'guilds.id',
        'guilds.name',
        'guilds.owner_id',
        'guilds.created_at',
        'members.nickname',
        'members.joined_at',
      ])
      .where('members.user_id', '=', userId)
      .orderBy('guilds.id')
      .execute();
  }

  async memberRoles(db: ChatExecutor, userId: string) {
    return db
      .selectFrom('member_roles')
      .innerJoin('roles', 'roles.id', 'member_roles.role_id')
      .select(['roles.id', 'roles.guild_id', 'roles.name', 'roles.color', 'roles.permissions'])
      .where('member_roles.user_id', '=', userId)
      .orderBy('roles.guild_id')
      .orderBy('roles.position', 'desc')
      .execute();
  }

  /** The user's DM and group DM channels. */
  async dmChannels(db: ChatExecutor, userId: string) {
    return db
      .selectFrom('channel_recipients')
      .innerJoin('channels', 'channels.id', 'channel_recipients.channel_id')
      .select(['channels.id', 'channels.type', 'channels.name', 'channels.owner_id', 'channels.created_at'])
      .where('channel_recipients.user_id', '=', userId)
      .where('channels.type', 'in', ['dm', 'group_dm'])
      .orderBy('channels.id')
      .execute();
  }

  async recipients(db: ChatExecutor, channelIds: readonly string[]) {
    if (channelIds.length === 0) return [];
    return db
      .selectFrom('channel_recipients')
      .leftJoin('users', 'users.id', 'channel_recipients.user_id')
      .select([
        'channel_recipients.channel_id',
        'channel_recipients.user_id',
        'users.username',
        'users.display_name',
      ])
      .where('channel_recipients.channel_id', 'in', channelIds)
      .orderBy('channel_recipients.channel_id')
      .orderBy('channel_recipients.user_id')
      .execute();
  }

  /** Every channel (guild channel, thread, DM) where the user authored a message, with its guild's name. */
  async authoredChannels(db: ChatExecutor, userId: string): Promise<ExportedChannel[]> {
    const rows = await db
      .selectFrom('channels')
      .leftJoin('guilds', 'guilds.id', 'channels.guild_id')
      .select([
        'channels.id',
        'channels.type',
        'channels.name',
        'channels.guild_id',
        'guilds.name as guild_name',
        'channels.thread_parent_id',
        'channels.parent_id',
      ])
      .where('channels.id', 'in', (eb) =>
        eb
          .selectFrom('messages')
          .select('messages.channel_id')
          .where('messages.author_id', '=', userId)
          .where('messages.webhook_id', 'is', null),
      )
      .orderBy('channels.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      name: row.name,
      guildId: row.guild_id,
      guildName: row.guild_name,
      parentId: row.thread_parent_id ?? row.parent_id,
    }));
  }

  /** One page of the user's messages in a channel, oldest first, after `afterId`. */
  async messagesPage(
    db: ChatExecutor,
    userId: string,
    channelId: string,
    afterId: string,
    limit: number,
  ): Promise<ExportedMessage[]> {
    const rows = await db
      .selectFrom('messages')
      .select([
        'id',
        'channel_id',
        'content',
        'created_at',
        'edited_at',
        'reply_to_id',
        'pinned',
        'attachments',
      ])
      .where('channel_id', '=', channelId)
      .where('author_id', '=', userId)
      .where('webhook_id', 'is', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      channelId: row.channel_id,
      content: row.content,
      createdAt: row.created_at,
      editedAt: row.edited_at,
      replyToId: row.reply_to_id,
      pinned: row.pinned,
      attachments: row.attachments,
    }));
  }
}
