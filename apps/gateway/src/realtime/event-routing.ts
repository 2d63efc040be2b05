import { type AnyEvent } from '@bonfire/contracts';
import { rooms, type VisibilityChange, type RealtimePacket } from './realtime-packet';

/** Maps a domain event to its realtime packet; null for events clients do not receive. */
export function toPacket(event: AnyEvent): RealtimePacket | null {
  const base = { id: event.id };
  switch (event.type) {
    case 'message.created':
    case 'message.updated': {
      const { message } = event.data;
      return { ...base, type: event.type, data: event.data, rooms: [rooms.channel(message.channelId)] };
    }
    case 'message.deleted':
    case 'reaction.added':
    case 'reaction.removed':
      return { ...base, type: event.type, data: event.data, rooms: [rooms.channel(event.data.channelId)] };
    case 'channel.created': {
      const { channel } = event.data;
      if (channel.guildId === null) {
        return {
          ...base,
          type: event.type,
          data: event.data,
          rooms: [rooms.channel(channel.id)],
          change: { kind: 'dm', channelId: channel.id, userIds: channel.recipientIds },
        };
      }
      // A guild channel reaches only those who may see it: the guild is re-evaluated first, then the
      // channel's room holds exactly them (a private channel's name, topic and overwrites stay private).
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.channel(channel.id)],
        change: { kind: 'guild', guildId: channel.guildId },
      };
    }
    case 'channel.updated': {
      const { channel } = event.data;
      if (channel.guildId === null) {
        // Group DM recipients added or removed: the room follows the recipient list before delivery.
        return {
          ...base,
          type: event.type,
          data: event.data,
          rooms: [rooms.channel(channel.id)],
          change: { kind: 'dm', channelId: channel.id, userIds: channel.recipientIds },
        };
      }
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.channel(channel.id)],
        change: { kind: 'guild', guildId: channel.guildId },
      };
    }
    case 'channel.deleted': {
      const { channelId } = event.data;
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.channel(channelId)],
        change: { kind: 'remove-channel', channelId },
        changeAfter: true,
      };
    }
    case 'thread.created':
    case 'thread.updated': {
      // A thread has its own room, holding the sessions that may see it (chat's visible-channels lists
      // threads: a public one to whoever sees the parent, a private one to its members and managers).
      // A new or active thread re-evaluates the guild first, so its room holds them before delivery
      // (ready lists active threads only: a session joins an archived thread's room on the next
      // re-evaluation, at the latest when a message unarchives it — that thread.updated comes first).
      const { thread } = event.data;
      const change: VisibilityChange | undefined =
        thread.guildId !== null && (event.type === 'thread.created' || !thread.thread?.archived)
          ? { kind: 'guild', guildId: thread.guildId }
          : undefined;
      return { ...base, type: event.type, data: event.data, rooms: [rooms.channel(thread.id)], change };
    }
    case 'thread.deleted':
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.channel(event.data.threadId)],
        change: { kind: 'remove-channel', channelId: event.data.threadId },
        changeAfter: true,
      };
    case 'thread.members.updated': {
      const { threadId, guildId, type, added, removedUserIds } = event.data;
      if (type === 'public_thread') {
        // Joining a public thread changes nobody's view.
        return { ...base, type: event.type, data: event.data, rooms: [rooms.channel(threadId)] };
      }
      // A private thread: those added join its room before delivery; those removed leave it and hear
      // of it in their own room.
      const userIds = [...added.map((member) => member.userId), ...removedUserIds];
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.channel(threadId), ...removedUserIds.map(rooms.user)],
        change: { kind: 'users', guildId, userIds },
      };
    }
    case 'guild.created': {
      const { guild } = event.data;
      // Not a client event (the creator has the REST answer); the owner's sessions join the new rooms.
      return {
        ...base,
        type: null,
        data: null,
        rooms: [],
        change: { kind: 'users', guildId: guild.id, userIds: [guild.ownerId] },
      };
    }
    case 'guild.updated': {
      const { guild, previousOwnerId } = event.data;
      // An ownership transfer changes what the old and the new owner see.
      const change: VisibilityChange | undefined = previousOwnerId
        ? { kind: 'users', guildId: guild.id, userIds: [previousOwnerId, guild.ownerId] }
        : undefined;
      return { ...base, type: event.type, data: event.data, rooms: [rooms.guild(guild.id)], change };
    }
    case 'guild.deleted':
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.guild(event.data.guildId)],
        change: { kind: 'remove-guild', guildId: event.data.guildId },
        changeAfter: true,
      };
    case 'member.joined': {
      const { member } = event.data;
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.guild(member.guildId), rooms.user(member.userId)],
        change: { kind: 'users', guildId: member.guildId, userIds: [member.userId] },
      };
    }
    case 'member.updated': {
      const { member } = event.data;
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.guild(member.guildId)],
        change: { kind: 'users', guildId: member.guildId, userIds: [member.userId] },
      };
    }
    case 'member.left': {
      const { guildId, userId } = event.data;
      return {
        ...base,
        type: event.type,
        data: event.data,
        // The one who left hears it too (their client drops the guild), in their own room.
        rooms: [rooms.guild(guildId), rooms.user(userId)],
        change: { kind: 'leave-guild', guildId, userId },
      };
    }
    case 'guild.emojis.updated':
      // Every member sees the guild's emoji; nobody's view of channels changes.
      return { ...base, type: event.type, data: event.data, rooms: [rooms.guild(event.data.guildId)] };
    case 'role.created':
      // A new role has no members yet: nobody's view changes.
      return { ...base, type: event.type, data: event.data, rooms: [rooms.guild(event.data.role.guildId)] };
    case 'role.updated':
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.guild(event.data.role.guildId)],
        change: { kind: 'guild', guildId: event.data.role.guildId },
      };
    case 'role.deleted':
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.guild(event.data.guildId)],
        change: { kind: 'guild', guildId: event.data.guildId },
      };
    case 'channel.member.left': {
      // Keyed by the channel, so it comes before any message of the channel sent after the removal.
      const { guildId, userId } = event.data;
      return { ...base, type: null, data: null, rooms: [], change: { kind: 'fence', guildId, userId } };
    }
    case 'readstate.updated':
      return { ...base, type: event.type, data: event.data, rooms: [rooms.user(event.data.userId)] };
    case 'notification.created':
      // The notified user's own sessions only (chat decided from their settings).
      return { ...base, type: event.type, data: event.data, rooms: [rooms.user(event.data.userId)] };
    case 'data_export.updated':
      // The exporting user's own sessions only (the progress bar of their export).
      return { ...base, type: event.type, data: event.data.export, rooms: [rooms.user(event.data.userId)] };
    case 'relationship.added':
    case 'relationship.removed':
      // Only the user whose list changed (a blocked user is not told of the block: no event is theirs).
      return { ...base, type: event.type, data: event.data, rooms: [rooms.user(event.data.userId)] };
    case 'presence.updated': {
      // What others see, to those sharing a guild or a DM with the user (the audience presence computed).
      const { userId, status, customStatus, guildIds, dmUserIds, hiddenFromUserIds } = event.data;
      return {
        ...base,
        type: event.type,
        data: { userId, status, customStatus },
        rooms: [...guildIds.map(rooms.guild), ...dmUserIds.map(rooms.user)],
        exceptUserId: userId,
        // Those the user blocked do not see their presence, even in a shared guild's room (issue 20).
        ...(hiddenFromUserIds?.length ? { exceptUserIds: hiddenFromUserIds } : {}),
      };
    }
    case 'user.profile.updated': {
      // Those who can see the user (the audience chat computed: their guilds and DMs), and their own sessions.
      const { user, guildIds, dmChannelIds } = event.data;
      return {
        ...base,
        type: 'user.updated',
        data: user,
        rooms: [...guildIds.map(rooms.guild), ...dmChannelIds.map(rooms.channel), rooms.user(user.id)],
      };
    }
    case 'voice.state.updated': {
      // Those who can see the channel (its room), and the user's own sessions (even after a kick). A
      // leave goes to the channel the user left; a move's second packet (toPackets) tells that one.
      // `previousChannelId` is told only with a leave (to that channel's viewers): the viewers of a
      // channel someone moved to may not see the one they came from.
      const { previousChannelId, ...state } = event.data;
      const channel = state.channelId ?? previousChannelId ?? null;
      return {
        ...base,
        type: event.type,
        data: state.channelId === null ? event.data : state,
        rooms: [...(channel === null ? [] : [rooms.channel(channel)]), rooms.user(state.userId)],
      };
    }
    case 'voice.speaking':
      // Only those who can see the channel learn who speaks in it.
      return {
        ...base,
        type: event.type,
        data: event.data,
        rooms: [rooms.channel(event.data.channelId)],
        ephemeral: true,
      };
    default:
      return null;
  }
}

/**
 * Every packet of an event: most events have one; presence.updated has a second one for the user's own
 * sessions, which see their own status (an invisible user sees `invisible`, everyone else `offline`).
 * A voice state moving from one channel to another has a first packet for the viewers of the channel it
 * left: to them the user left voice (`channelId: null`), since they may not see the new channel (a
 * session seeing both gets that leave, then the state in the new channel).
 */
export function toPackets(event: AnyEvent): RealtimePacket[] {
  const packet = toPacket(event);
  if (!packet) return [];
  if (event.type === 'voice.state.updated') {
    const { userId, channelId, previousChannelId } = event.data;
    if (channelId === null || !previousChannelId || previousChannelId === channelId) return [packet];
    const left: RealtimePacket = {
      id: `${event.id}:left`,
      type: event.type,
      data: { ...event.data, channelId: null, previousChannelId },
      rooms: [rooms.channel(previousChannelId)],
      exceptUserId: userId,
    };
    return [left, packet];
  }
  if (event.type !== 'presence.updated') return [packet];
  const { userId, self } = event.data;
  return [
    packet,
    {
      id: `${event.id}:self`,
      type: event.type,
      data: { userId, status: self.status, customStatus: self.customStatus },
      rooms: [rooms.user(userId)],
    },
  ];
}
