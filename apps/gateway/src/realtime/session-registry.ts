import type { RealtimeState } from '@bonfire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { rooms } from './realtime-packet';
import { RealtimeNode } from './realtime-node';
import { RealtimeSession as Session, type RealtimeSocket } from './realtime-session';
import { SessionStore } from './session-store';

/**
 * The sessions this gateway holds and the rooms they are in. Rooms are tracked per session here, not as
 * socket.io rooms: a detached session is not a socket, yet it must keep buffering exactly what its user may
 * see, and every dispatch goes through the session (its number, its replay ring). Nothing broadcasts to a
 * socket.io room, so the sockets join none beyond their own.
 */
@Injectable()
export class SessionRegistry {
  /** Sessions held here, by owner (a session id can briefly have two: a detached one and its resumer). */
  private readonly sessions = new Map<string, Session>();
  private readonly roomIndex = new Map<string, Set<Session>>();

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly store: SessionStore,
    private readonly node: RealtimeNode,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** The session held for the connection `owner` (`<nodeId>/<socketId>`). */
  get(owner: string): Session | undefined {
    return this.sessions.get(owner);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  /** A session for this socket's user, owned by this socket; not registered yet. */
  newSession(sessionId: string, socket: RealtimeSocket): Session {
    const { identity } = socket.data;
    const owner = `${this.node.id}/${socket.id}`;
    const session = new Session(
      sessionId,
      identity.userId,
      identity,
      owner,
      this.config.REALTIME_REPLAY_BUFFER_SIZE,
    );
    session.intents = socket.data.intents ?? null;
    return session;
  }

  /** The sessions in a room (a copy), or just `only` if it is in it. */
  sessionsIn(room: string, only?: Session): Session[] {
    const members = this.roomIndex.get(room);
    if (!members) return [];
    if (only) return members.has(only) ? [only] : [];
    return [...members];
  }

  /** The sessions of a packet's rooms, without those of the user it excepts (or just `only`). */
  targets(
    packet: { rooms: readonly string[]; exceptUserId?: string; exceptUserIds?: readonly string[] },
    only?: Session,
  ): Set<Session> {
    const targets = new Set<Session>();
    const excepted = packet.exceptUserIds?.length ? new Set(packet.exceptUserIds) : null;
    for (const room of packet.rooms) {
      for (const session of this.sessionsIn(room, only)) {
        if (session.userId !== packet.exceptUserId && !excepted?.has(session.userId)) targets.add(session);
      }
    }
    return targets;
  }

  /** Holds the session here, in the rooms of what its state shows. */
  register(session: Session, state: RealtimeState): void {
    this.sessions.set(session.owner, session);
    this.join(session, rooms.user(session.userId));
    for (const guild of state.guilds) {
      this.setGuild(
        session,
        guild.guild.id,
        [...guild.channels, ...(guild.threads ?? [])].map((channel) => channel.id),
      );
    }
    for (const dm of state.dms) this.join(session, rooms.channel(dm.id));
  }

  /** Moves a session into the guild's rooms it may see now (null: out of the guild); answers the difference. */
  setGuild(
    session: Session,
    guildId: string,
    channelIds: readonly string[] | null,
  ): { shown: string[]; hidden: string[] } {
    const previous = session.guildChannels.get(guildId) ?? new Set<string>();
    if (channelIds === null) {
      this.leave(session, rooms.guild(guildId));
      for (const channelId of previous) this.leave(session, rooms.channel(channelId));
      session.guildChannels.delete(guildId);
      return { shown: [], hidden: [...previous] };
    }
    this.join(session, rooms.guild(guildId));
    const next = new Set(channelIds);
    const shown = [...next].filter((channelId) => !previous.has(channelId));
    const hidden = [...previous].filter((channelId) => !next.has(channelId));
    for (const channelId of next) this.join(session, rooms.channel(channelId));
    for (const channelId of hidden) this.leave(session, rooms.channel(channelId));
    session.guildChannels.set(guildId, next);
    return { shown, hidden };
  }

  join(session: Session, room: string): void {
    if (session.dropped) return;
    session.rooms.add(room);
    let members = this.roomIndex.get(room);
    if (!members) this.roomIndex.set(room, (members = new Set()));
    members.add(session);
  }

  leave(session: Session, room: string): void {
    session.rooms.delete(room);
    const members = this.roomIndex.get(room);
    members?.delete(session);
    if (members?.size === 0) this.roomIndex.delete(room);
  }

  attach(session: Session, socket: RealtimeSocket): void {
    session.socket = socket;
    socket.data.session = session;
  }

  /** The socket went: the session keeps buffering until it is resumed or the resume window ends. */
  detach(session: Session): void {
    if (session.dropped || !session.socket) return;
    session.socket = null;
    clearTimeout(session.detachTimer);
    session.detachTimer = setTimeout(
      () => this.unregister(session),
      this.config.REALTIME_RESUME_WINDOW_SECONDS * 1_000,
    );
    session.detachTimer.unref();
  }

  unregister(session: Session): void {
    session.dropped = true;
    clearTimeout(session.detachTimer);
    for (const room of [...session.rooms]) this.leave(session, room);
    if (this.sessions.get(session.owner) === session) this.sessions.delete(session.owner);
  }

  /** Stops holding the session; its socket, if still connected, is told to reconnect and closed. */
  drop(session: Session, reason: string): void {
    if (session.dropped) return;
    this.unregister(session);
    const socket = session.socket;
    session.socket = null;
    if (socket?.connected) {
      socket.emit('reconnect', { reason });
      socket.disconnect(true);
    }
  }

  /** Drops a session and deletes it in the SessionStore (if still ours): resuming it answers resync. */
  end(session: Session, reason: string): void {
    if (session.dropped) return;
    this.drop(session, reason);
    void this.store.forget(session.id, session.owner).catch(() => undefined);
  }
}
