import {
  computeChannelPermissions,
  has,
  type Message,
  type NotificationCreated,
  NOTIFICATION_PREVIEW_LENGTH,
  PERMISSIONS,
} from '@bonfire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { threadPermissions } from '../access/access.service';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import type { ChatExecutor } from '../database/chat-transactions';
import { decideNotification, type MessageFacts, type RecipientSettings } from './notification-decision';
import { NotificationsRepository } from './notifications.repository';
import { type DecisionChannel, NotifyDecisionRepository } from './notify-decision.repository';

/** The start of a message's text for a notification (attachments only: how many). */
function previewOf(message: Pick<Message, 'content' | 'attachments'>): string {
  const text = message.content.replace(/\s+/g, ' ').trim();
  if (text.length === 0) {
    const count = message.attachments.length;
    return count === 0 ? '' : `[${count} attachment${count === 1 ? '' : 's'}]`;
  }
  const chars = [...text];
  return chars.length <= NOTIFICATION_PREVIEW_LENGTH
    ? text
    : `${chars.slice(0, NOTIFICATION_PREVIEW_LENGTH - 1).join('')}…`;
}

/**
 * Who a new message notifies, and why. Bounded whatever the guild's size: the candidates are only the
 * users the message mentions (directly, by role — members of the role —, or everyone: the first
 * CHAT_NOTIFY_EVERYONE_MAX_RECIPIENTS members) and the users who opted in to level `all` for the guild or
 * the channel (an index on those rows); everyone else has the default level `mentions` and is not
 * concerned. Each candidate is then checked in a fixed number of queries for all of them: a member who can
 * see the channel (thread rules included), not the author, not someone who blocked the author, and
 * decideNotification on their settings.
 */
@Injectable()
export class NotifyDecisionService {
  constructor(
    private readonly settings: NotificationsRepository,
    private readonly audience: NotifyDecisionRepository,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {}

  /**
   * The notes of each message, in the messages' order. Their channels are read in one query: most
   * messages notify nobody, and for those that is all it costs.
   */
  async decide(
    db: ChatExecutor,
    messages: readonly Message[],
    now = new Date(),
  ): Promise<NotificationCreated[][]> {
    const channels = await this.audience.channels(
      db,
      messages.map((message) => message.channelId),
    );
    const decided: NotificationCreated[][] = [];
    for (const message of messages) {
      const channel = channels.get(message.channelId);
      if (!channel) decided.push([]);
      else if (channel.guildId === null) decided.push(await this.decideDm(db, message, now));
      else decided.push(await this.decideGuild(db, message, channel, channel.guildId, now));
    }
    return decided;
  }

  private async decideDm(db: ChatExecutor, message: Message, now: Date): Promise<NotificationCreated[]> {
    const recipients = await this.audience.dmRecipients(db, message.channelId);
    const candidates = await this.notBlocking(
      db,
      recipients.filter((userId) => userId !== message.authorId),
      message.authorId,
    );
    if (candidates.length === 0) return [];
    const [overrides, author] = await Promise.all([
      this.settings.overridesOf(db, [message.channelId], candidates),
      this.authorOf(db, message),
    ]);
    const notes: NotificationCreated[] = [];
    for (const userId of candidates) {
      const facts: MessageFacts = {
        dm: true,
        mentionedDirectly: message.mentions.userIds.includes(userId),
        mentionedByRole: false,
        everyone: false,
      };
      const settings: RecipientSettings = {
        guild: null,
        channel: overrides.get(userId)?.get(message.channelId) ?? null,
      };
      const reason = decideNotification(facts, settings, now);
      if (reason === null) continue;
      notes.push({
        userId,
        guildId: null,
        channelId: message.channelId,
        messageId: message.id,
        author,
        guildName: null,
        channelName: null,
        preview: previewOf(message),
        reason,
      });
    }
    return notes;
  }

  private async decideGuild(
    db: ChatExecutor,
    message: Message,
    channel: DecisionChannel,
    guildId: string,
    now: Date,
  ): Promise<NotificationCreated[]> {
    const { parentId } = channel;
    // A thread follows its parent's overwrites, and its parent's override when it has none of its own.
    const settingChannels = parentId === null ? [channel.id] : [channel.id, parentId];
    const { mentions } = message;
    const cap = this.config.CHAT_NOTIFY_EVERYONE_MAX_RECIPIENTS;

    const [roleMembers, everyoneMembers] = await Promise.all([
      this.audience.roleMembers(db, guildId, mentions.roleIds, cap),
      mentions.everyone ? this.audience.firstMembers(db, guildId, cap) : Promise.resolve([]),
    ]);
    const candidateSet = new Set([
      ...mentions.userIds,
      ...roleMembers,
      ...everyoneMembers,
      ...channel.optedInToAll,
    ]);
    candidateSet.delete(message.authorId);
    if (candidateSet.size === 0) return [];

    const members = await this.audience.membersAmong(db, guildId, [...candidateSet]);
    let candidates = await this.notBlocking(db, members, message.authorId);
    if (candidates.length === 0) return [];
    const [guild, rolesByUser, overwrites, threadMembers] = await Promise.all([
      this.audience.guild(db, guildId),
      this.audience.memberRoles(db, guildId, candidates),
      this.audience.overwrites(db, parentId ?? channel.id),
      parentId === null
        ? Promise.resolve(new Set<string>())
        : this.audience.threadMembersAmong(db, channel.id, candidates),
    ]);
    if (!guild) return [];
    candidates = candidates.filter((userId) => {
      const permissions = computeChannelPermissions(
        {
          guildId,
          ownerId: guild.ownerId,
          userId,
          everyone: guild.everyone,
          roles: rolesByUser.get(userId) ?? [],
        },
        overwrites,
      );
      if (parentId === null) return has(permissions, PERMISSIONS.VIEW_CHANNEL);
      return (
        threadPermissions(permissions, {
          type: channel.type,
          locked: channel.locked,
          isMember: threadMembers.has(userId),
        }) !== null
      );
    });
    if (candidates.length === 0) return [];

    const [guildSettings, overrides, author] = await Promise.all([
      this.settings.guildSettingsOf(db, guildId, candidates),
      this.settings.overridesOf(db, settingChannels, candidates),
      this.authorOf(db, message),
    ]);
    const mentionedRoles = new Set(mentions.roleIds);
    const preview = previewOf(message);
    const notes: NotificationCreated[] = [];
    for (const userId of candidates) {
      const own = overrides.get(userId);
      const facts: MessageFacts = {
        dm: false,
        mentionedDirectly: mentions.userIds.includes(userId),
        mentionedByRole: (rolesByUser.get(userId) ?? []).some((role) => mentionedRoles.has(role.id)),
        everyone: mentions.everyone,
      };
      const settings: RecipientSettings = {
        guild: guildSettings.get(userId) ?? null,
        channel: own?.get(channel.id) ?? (parentId === null ? null : (own?.get(parentId) ?? null)),
      };
      const reason = decideNotification(facts, settings, now);
      if (reason === null) continue;
      notes.push({
        userId,
        guildId,
        channelId: channel.id,
        messageId: message.id,
        author,
        guildName: guild.name,
        channelName: channel.name,
        preview,
        reason,
      });
    }
    return notes;
  }

  /** Of these users, those who have not blocked the author. */
  private async notBlocking(db: ChatExecutor, userIds: string[], authorId: string): Promise<string[]> {
    const blocking = await this.audience.blockersOf(db, authorId, userIds);
    return userIds.filter((userId) => !blocking.has(userId));
  }

  private async authorOf(db: ChatExecutor, message: Message): Promise<{ id: string; name: string }> {
    // A webhook's message shows under the name it was posted with.
    if (message.author) return { id: message.author.id, name: message.author.username };
    return { id: message.authorId, name: (await this.audience.userName(db, message.authorId)) ?? 'Someone' };
  }
}
