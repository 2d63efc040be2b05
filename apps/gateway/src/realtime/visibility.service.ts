import { type Channel, type EventData, REALTIME_ERROR_CODES } from '@bonfire/contracts';
import { ServiceLogger } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { ChatRealtimeClient } from './chat-realtime.client';
import { type RealtimePacket, rooms, type VisibilityChange } from './realtime-packet';
import type { RealtimeSession as Session } from './realtime-session';
import { SessionRegistry } from './session-registry';

/** What a visibility change did to one session: the channels it now sees and those it no longer sees. */
export interface Move {
  session: Session;
  guildId: string | null;
  shown: string[];
  hidden: string[];
  /** The session had this guild in its view before the change (a joiner learns the guild otherwise). */
  known?: boolean;
}

/**
 * Who sees what: applies a packet's visibility change to this gateway's sessions (their rooms), asking
 * chat which channels of the guild each affected user now sees — one call per affected online user per
 * gateway (a role edit in a guild with 5,000 online members costs 5,000 small indexed queries, spread
 * over the gateways). A projection of guild permissions kept by the gateways from the same events would
 * remove those calls; it is the next step if role edits in big guilds become hot. A chat failure closes
 * the affected sessions (fail closed: the client reconnects and gets a fresh view).
 */
@Injectable()
export class VisibilityService {
  private readonly logger;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly chat: ChatRealtimeClient,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('realtime-visibility');
  }

  /** Applies a visibility change to this gateway's sessions; answers who gained or lost which channels. */
  async applyChange(change: VisibilityChange, only?: Session): Promise<Move[]> {
    const registry = this.registry;
    switch (change.kind) {
      case 'users': {
        this.chat.forgetPermissions();
        const sessions = change.userIds.flatMap((userId) => registry.sessionsIn(rooms.user(userId), only));
        return this.recompute(change.guildId, sessions);
      }
      case 'guild': {
        this.chat.forgetPermissions();
        return this.recompute(change.guildId, registry.sessionsIn(rooms.guild(change.guildId), only));
      }
      case 'leave-guild':
        for (const session of registry.sessionsIn(rooms.user(change.userId), only)) {
          registry.setGuild(session, change.guildId, null);
        }
        return [];
      case 'remove-guild':
        for (const session of registry.sessionsIn(rooms.guild(change.guildId), only)) {
          registry.setGuild(session, change.guildId, null);
        }
        return [];
      case 'remove-channel': {
        const room = rooms.channel(change.channelId);
        for (const session of registry.sessionsIn(room, only)) {
          registry.leave(session, room);
          for (const channels of session.guildChannels.values()) channels.delete(change.channelId);
        }
        return [];
      }
      case 'fence': {
        // Only sessions still holding the guild ask chat: the first fence of a removal moves them out,
        // the fences of the guild's other channels then cost nothing. Leaving is silent (member.left tells
        // the client); a session whose user is a member again keeps what chat answers.
        const { guildId } = change;
        const sessions = registry
          .sessionsIn(rooms.user(change.userId), only)
          .filter((session) => session.guildChannels.has(guildId));
        if (sessions.length === 0) return [];
        this.chat.forgetPermissions();
        const moves = await this.recompute(guildId, sessions);
        return moves.filter((move) => move.session.guildChannels.has(guildId));
      }
      case 'dm':
        // Typing permissions cached for a removed (or newly added) recipient must not outlive the change.
        this.chat.forgetPermissions();
        return this.setDmRecipients(change.channelId, change.userIds, only);
    }
  }

  /** The DM channel's room holds exactly the sessions of its recipients. */
  setDmRecipients(channelId: string, userIds: readonly string[], only?: Session): Move[] {
    const room = rooms.channel(channelId);
    const recipients = new Set(userIds);
    const moves: Move[] = [];
    for (const session of this.registry.sessionsIn(room, only)) {
      if (recipients.has(session.userId)) continue;
      this.registry.leave(session, room);
      moves.push({ session, guildId: null, shown: [], hidden: [channelId] });
    }
    for (const userId of recipients) {
      for (const session of this.registry.sessionsIn(rooms.user(userId), only)) {
        if (session.rooms.has(room)) continue;
        this.registry.join(session, room);
        moves.push({ session, guildId: null, shown: [channelId], hidden: [] });
      }
    }
    return moves;
  }

  /** Asks chat once per distinct user which channels of the guild they see, and moves their sessions. */
  async recompute(guildId: string, sessions: Session[]): Promise<Move[]> {
    const byUser = new Map<string, Session[]>();
    for (const session of sessions)
      byUser.set(session.userId, [...(byUser.get(session.userId) ?? []), session]);
    const moves: Move[] = [];
    await Promise.all(
      [...byUser.values()].map(async (userSessions) => {
        try {
          const channelIds = await this.chat.visibleChannels(userSessions[0]!.identity, guildId);
          for (const session of userSessions) {
            const known = session.guildChannels.has(guildId);
            moves.push({ session, guildId, known, ...this.registry.setGuild(session, guildId, channelIds) });
          }
        } catch (error) {
          // Fail closed: without an answer the user's sessions reconnect and get a fresh view.
          this.logger.warn({ err: error, guildId }, 'visibility recompute failed; closing sessions');
          for (const session of userSessions) this.registry.end(session, REALTIME_ERROR_CODES.unavailable);
        }
      }),
    );
    return moves;
  }

  /**
   * Channels sessions gained sight of that the packet does not carry itself (a role or ownership change
   * revealed them), fetched as each user's REST listing of the guild shows them.
   */
  async revealedChannels(packet: RealtimePacket, moves: Move[]): Promise<Map<Session, Channel[]>> {
    const subject = subjectChannel(packet);
    const wanted = moves.filter(
      (move) => move.known && move.guildId !== null && move.shown.some((id) => id !== subject),
    );
    const revealed = new Map<Session, Channel[]>();
    const listings = new Map<string, Promise<Channel[] | null>>();
    await Promise.all(
      wanted.map(async ({ session, guildId, shown }) => {
        const key = `${session.userId}:${guildId}`;
        let listing = listings.get(key);
        if (!listing) listings.set(key, (listing = this.chat.guildChannels(session.identity, guildId!)));
        try {
          const channels = (await listing) ?? [];
          revealed.set(
            session,
            channels.filter((channel) => channel.id !== subject && shown.includes(channel.id)),
          );
        } catch (error) {
          // Fail closed, as a failed recompute does: the client reconnects and gets a fresh view.
          this.logger.warn({ err: error, guildId }, 'revealed channels unavailable; closing session');
          this.registry.end(session, REALTIME_ERROR_CODES.unavailable);
        }
      }),
    );
    return revealed;
  }
}

/** The channel a channel.created/updated packet is about, else null. */
export function subjectChannel(packet: RealtimePacket): string | null {
  return packet.type === 'channel.created' || packet.type === 'channel.updated'
    ? (packet.data as EventData<'channel.updated'>).channel.id
    : null;
}
