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

interface ExportedMessage {
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
        .select(['id', 'username', 'displayName', 'avatarFileId', 'bot', 'updatedAt'])
        .where('id', '=', userId)
        .executeTakeFirst()) ?? null
    );
  }

  async memberships(db: ChatExecutor, userId: string) {
    return db
      .selectFrom('members')
      .innerJoin('guilds', 'guilds.id', 'members.guildId')
      .select([
        'guilds.id',
        'guilds.name',
        'guilds.ownerId',
        'guilds.createdAt',
        'members.nickname',
        'members.joinedAt',
      ])
      .where('members.userId', '=', userId)
      .orderBy('guilds.id')
      .execute();
  }

  async memberRoles(db: ChatExecutor, userId: string) {
    return db
      .selectFrom('member_roles')
      .innerJoin('roles', 'roles.id', 'member_roles.roleId')
      .select(['roles.id', 'roles.guildId', 'roles.name', 'roles.color', 'roles.permissions'])
      .where('member_roles.userId', '=', userId)
      .orderBy('roles.guildId')
      .orderBy('roles.position', 'desc')
      .execute();
  }

  /** The user's DM and group DM channels. */
  async dmChannels(db: ChatExecutor, userId: string) {
    return db
      .selectFrom('channel_recipients')
      .innerJoin('channels', 'channels.id', 'channel_recipients.channelId')
      .select(['channels.id', 'channels.type', 'channels.name', 'channels.ownerId', 'channels.createdAt'])
      .where('channel_recipients.userId', '=', userId)
      .where('channels.type', 'in', ['dm', 'group_dm'])
      .orderBy('channels.id')
      .execute();
  }

  async recipients(db: ChatExecutor, channelIds: readonly string[]) {
    if (channelIds.length === 0) return [];
    return db
      .selectFrom('channel_recipients')
      .leftJoin('users', 'users.id', 'channel_recipients.userId')
      .select([
        'channel_recipients.channelId',
        'channel_recipients.userId',
        'users.username',
        'users.displayName',
      ])
      .where('channel_recipients.channelId', 'in', channelIds)
      .orderBy('channel_recipients.channelId')
      .orderBy('channel_recipients.userId')
      .execute();
  }

  /** Every channel (guild channel, thread, DM) where the user authored a message, with its guild's name. */
  async authoredChannels(db: ChatExecutor, userId: string): Promise<ExportedChannel[]> {
    const rows = await db
      .selectFrom('channels')
      .leftJoin('guilds', 'guilds.id', 'channels.guildId')
      .select([
        'channels.id',
        'channels.type',
        'channels.name',
        'channels.guildId',
        'guilds.name as guildName',
        'channels.threadParentId',
        'channels.parentId',
      ])
      .where('channels.id', 'in', (eb) =>
        eb
          .selectFrom('messages')
          .select('messages.channelId')
          .where('messages.authorId', '=', userId)
          .where('messages.webhookId', 'is', null),
      )
      .orderBy('channels.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      name: row.name,
      guildId: row.guildId,
      guildName: row.guildName,
      parentId: row.threadParentId ?? row.parentId,
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
    return db
      .selectFrom('messages')
      .select(['id', 'channelId', 'content', 'createdAt', 'editedAt', 'replyToId', 'pinned', 'attachments'])
      .where('channelId', '=', channelId)
      .where('authorId', '=', userId)
      .where('webhookId', 'is', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
