import type { RelationshipType, UserProfile } from '@bonfire/contracts';
import { snowflakeTime, type Transaction } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatDatabase } from '../database/schema';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { toGuild } from '../guilds/guilds.dto';
import { pairKey } from '../relationships/relationships.repository';
import { UsersRepository } from '../users/users.repository';
import { AccountDeletionRepository, MESSAGE_BATCH, type RemovedMessage } from './account-deletion.repository';

/** How a deleted user is shown wherever their id remains (authors of kept messages, DM recipients). */
const DELETED_USER_DISPLAY_NAME = 'Deleted user';

function deletedUsername(userId: string): string {
  return `deleted_user_${userId}`;
}

/**
 * What chat does with a deleted account (`user.deleted`, through the users projection, in the
 * consumer's transaction — so exactly once per event):
 * - the projected user becomes "Deleted user" (`deleted_user_<id>`, no avatar), announced as
 *   `user.profile.updated` to the guilds and DMs that could see them;
 * - each guild they own passes to the longest-standing member with ADMINISTRATOR (else the
 *   longest-standing human member, else any member: `guild.updated` with previousOwnerId) or, when they
 *   were alone in it, is deleted (`guild.deleted`: file removes its files);
 * - every membership ends (`member.left`), relationships and blocks on both sides go
 *   (`relationship.removed`), so do read states, notification settings, push subscriptions, thread
 *   memberships and reactions (`reaction.removed`); emoji they uploaded stay the guild's;
 * - their messages stay, shown as "Deleted user" (CHAT_DELETED_USER_MESSAGES=anonymise, the default) or
 *   are removed (=remove: `message.deleted` each, so file removes their attachments and search their
 *   documents). DM channels stay for the other person.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly repository: AccountDeletionRepository,
    private readonly users: UsersRepository,
    private readonly events: ChatEventsWriter,
  ) {}

  async removeUser(trx: Transaction<ChatDatabase>, userId: string): Promise<void> {
    const known = await this.repository.findUser(trx, userId);
    const audience = await this.users.audience(trx, userId);
    const profile: UserProfile = {
      id: userId,
      username: deletedUsername(userId),
      displayName: DELETED_USER_DISPLAY_NAME,
      avatarFileId: null,
      about: null,
      bot: known?.bot ?? false,
      createdAt: new Date(snowflakeTime(userId)).toISOString(),
    };
    await this.users.upsert(trx, profile);
    await this.events.add(trx, 'user.profile.updated', userId, { user: profile, ...audience });

    for (const guild of await this.repository.ownedGuilds(trx, userId)) {
      const heir = await this.repository.heir(trx, guild.id, userId);
      if (heir) {
        const updated = toGuild(await this.repository.setOwner(trx, guild.id, heir));
        await this.events.add(trx, 'guild.updated', guild.id, { guild: updated, previousOwnerId: userId });
      } else {
        await this.repository.deleteGuild(trx, guild.id);
        await this.events.add(trx, 'guild.deleted', guild.id, { guildId: guild.id });
      }
    }
    for (const guildId of await this.repository.removeMemberships(trx, userId)) {
      await this.events.memberLeft(trx, { guildId, userId, reason: 'left' });
    }

    for (const row of await this.repository.removeRelationships(trx, userId)) {
      await this.events.add(trx, 'relationship.removed', pairKey(row.userId, row.targetId), {
        userId: row.userId,
        id: row.targetId,
        type: row.type as RelationshipType,
      });
    }
    await this.repository.removeSettings(trx, userId);
    for (const reaction of await this.repository.removeReactions(trx, userId)) {
      await this.events.add(trx, 'reaction.removed', reaction.channelId, {
        messageId: reaction.messageId,
        channelId: reaction.channelId,
        guildId: reaction.guildId,
        userId,
        emoji: reaction.emoji,
      });
    }
    if (this.config.CHAT_DELETED_USER_MESSAGES === 'remove') await this.removeMessages(trx, userId);
  }

  private async removeMessages(trx: Transaction<ChatDatabase>, userId: string): Promise<void> {
    for (;;) {
      const rows = await this.repository.removeMessages(trx, userId);
      const perChannel = new Map<string, number>();
      for (const row of rows) {
        perChannel.set(row.channelId, (perChannel.get(row.channelId) ?? 0) + 1);
        await this.events.add(trx, 'message.deleted', row.channelId, {
          messageId: row.id,
          channelId: row.channelId,
          guildId: row.guildId,
          revision: row.revision + 1,
          attachmentIds: filesOf(row),
        });
      }
      for (const [channelId, count] of perChannel) {
        await this.repository.threadMessagesRemoved(trx, channelId, count);
      }
      if (rows.length < MESSAGE_BATCH) return;
    }
  }
}

/** A message's files: its attachments and the proxied images of its link embeds (as a delete names them). */
function filesOf(row: RemovedMessage): string[] {
  return [
    ...row.attachmentIds,
    ...row.embeds.flatMap((embed) => (embed.thumbnail?.fileId ? [embed.thumbnail.fileId] : [])),
  ];
}
