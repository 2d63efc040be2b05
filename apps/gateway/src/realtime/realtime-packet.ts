import { type DispatchType, TOPICS, type Topic } from '@bonfire/contracts';

/** The topics the gateways consume as one group (presence, voice and files publish in later issues). */
export const REALTIME_TOPICS: readonly Topic[] = [
  TOPICS.chatGuilds,
  TOPICS.chatChannels,
  TOPICS.chatMembers,
  TOPICS.chatRoles,
  TOPICS.chatMessages,
  TOPICS.chatReadStates,
  TOPICS.presenceUpdates,
  TOPICS.voiceStates,
  TOPICS.filesObjects,
];

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  guild: (guildId: string) => `guild:${guildId}`,
  channel: (channelId: string) => `channel:${channelId}`,
};

/**
 * How an event changes who may see what. Each gateway applies it to its own sessions (live sockets and
 * detached, still-resumable sessions) before (or, for deletions, after) delivering the event:
 * - `users`: ask chat which channels of the guild these users now see (joined, roles changed, guild created,
 *   ownership moved);
 * - `guild`: the same for every user with a session in the guild (role or channel overwrites changed);
 * - `leave-guild`: the user leaves the guild and all its channels (left, kicked, banned) — no chat call;
 * - `remove-guild` / `remove-channel`: the guild or channel is gone; everyone leaves its rooms;
 * - `dm`: a DM channel's recipients are now exactly `userIds` (created, or someone added or removed):
 *   they join its room, anyone else leaves it;
 * - `fence`: the user left the guild, seen from one channel's ordered stream (channel.member.left): their
 *   sessions still in the guild ask chat once more and leave it silently unless they are a member again
 *   (member.left, on another topic, tells their clients).
 * A session that loses sight of a channel through `users`, `guild` or `dm` gets a `channel.deleted` for it;
 * one that gains sight of a channel of a guild it already had gets it as `channel.created` (the channel a
 * `channel.updated` is about from the event, any other as the user's REST listing shows it).
 */
export type VisibilityChange =
  | { kind: 'users'; guildId: string; userIds: string[] }
  | { kind: 'guild'; guildId: string }
  | { kind: 'leave-guild'; guildId: string; userId: string }
  | { kind: 'remove-guild'; guildId: string }
  | { kind: 'remove-channel'; channelId: string }
  | { kind: 'dm'; channelId: string; userIds: string[] }
  | { kind: 'fence'; guildId: string; userId: string };

/** What travels between gateways for one event: the client-facing event and where it goes. */
export interface RealtimePacket {
  /** The event id (Kafka envelope id, or a fresh one for typing); used to drop duplicates. */
  id: string;
  /** Null: no client dispatch, only the visibility change (e.g. guild.created). */
  type: DispatchType | null;
  data: unknown;
  /** Rooms whose sessions get the event (a session in several gets it once). */
  rooms: string[];
  /** Sessions of this user are skipped (typing: not to the sender). */
  exceptUserId?: string;
  /** Sessions of these users are skipped too (presence: those the user blocked). */
  exceptUserIds?: string[];
  /** Ephemeral events (typing) carry no sequence number and are never buffered for resume. */
  ephemeral?: boolean;
  change?: VisibilityChange;
  /** Apply `change` after delivering (deletions: the event must still reach the rooms' members). */
  changeAfter?: boolean;
}
