import { computeChannelPermissions, has, PERMISSIONS, type ReadState } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { ChatTransactions } from '../database/chat-transactions';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { MessagesService } from '../messages/messages.service';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { applyUnreadRule } from '../notifications/unread-rule';
import { ReadStatesRepository } from './read-states.repository';

@Injectable()
export class ReadStatesService {
  constructor(
    private readonly access: AccessService,
    private readonly readStates: ReadStatesRepository,
    private readonly messages: MessagesService,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Marks the channel read up to this message (forward only); readstate.updated when it moved. */
  async ack(userId: string, channelId: string, messageId: string): Promise<void> {
    const access = await this.access.requireChannel(channelId, userId);
    await this.messages.findOrThrow(this.transactions.executor, channelId, messageId);
    const roleIds = access.guild?.context.roles.map((role) => role.id) ?? [];
    await this.transactions.run(async (trx) => {
      if (!(await this.readStates.advance(trx, userId, channelId, messageId))) return;
      const [counted] = await this.readStates.counts(trx, userId, [channelId], roleIds);
      const state =
        counted &&
        applyUnreadRule(counted, access.guildId, await this.notifications.allOfUser(trx, userId), new Date());
      await this.events.add(trx, 'readstate.updated', userId, {
        userId,
        channelId,
        lastReadMessageId: messageId,
        mentionCount: state?.mentionCount ?? 0,
      });
    });
  }

  /**
   * My read states: every channel I can see (guild text channels with VIEW_CHANNEL, the threads I joined
   * or read, my DMs) that has a
   * read state or unread messages. A fixed number of queries whatever the number of guilds and channels.
   */
  async list(userId: string): Promise<ReadState[]> {
    const db = this.transactions.executor;
    const [guilds, dmChannelIds] = await Promise.all([
      this.readStates.memberGuilds(db, userId),
      this.readStates.dmChannelIds(db, userId),
    ]);
    const channels = await this.readStates.guildTextChannels(
      db,
      guilds.map((guild) => guild.guildId),
    );
    const guildById = new Map(guilds.map((guild) => [guild.guildId, guild]));
    const visible = channels
      .filter((channel) => {
        const guild = guildById.get(channel.guildId)!;
        const permissions = computeChannelPermissions(
          {
            guildId: guild.guildId,
            ownerId: guild.ownerId,
            userId,
            everyone: guild.everyone,
            roles: guild.roles,
          },
          channel.overwrites,
        );
        return has(permissions, PERMISSIONS.VIEW_CHANNEL);
      })
      .map((channel) => channel.id);
    // Threads count like channels: those the user follows (joined, or read before) and still sees.
    const threads = await this.readStates.followedThreads(
      db,
      userId,
      guilds.map((guild) => guild.guildId),
    );
    const visibleThreads: string[] = [];
    for (const guild of guilds) {
      const ids = threads.filter((thread) => thread.guildId === guild.guildId).map((thread) => thread.id);
      if (ids.length === 0) continue;
      const context = {
        guildId: guild.guildId,
        ownerId: guild.ownerId,
        userId,
        everyone: guild.everyone,
        roles: guild.roles,
      };
      const seen = await this.access.visibleChannels({ context }, ids);
      visibleThreads.push(...ids.filter((id) => seen.has(id)));
    }
    const roleIds = guilds.flatMap((guild) => guild.roles.map((role) => role.id));
    const [counts, settings] = await Promise.all([
      this.readStates.counts(db, userId, [...visible, ...visibleThreads, ...dmChannelIds], roleIds),
      this.notifications.allOfUser(db, userId),
    ]);
    // Muted channels and guilds do not count towards unread; mentions do, unless @everyone is suppressed.
    const guildOf = new Map<string, string>([
      ...channels.map((channel) => [channel.id, channel.guildId] as const),
      ...threads.map((thread) => [thread.id, thread.guildId] as const),
    ]);
    const now = new Date();
    return counts
      .map((state) => applyUnreadRule(state, guildOf.get(state.channelId) ?? null, settings, now))
      .filter((state) => state.hasReadState || state.unreadCount > 0 || state.mentionCount > 0)
      .map((state) => ({
        channelId: state.channelId,
        lastReadMessageId: state.lastReadMessageId,
        unreadCount: state.unreadCount,
        mentionCount: state.mentionCount,
      }));
  }
}
