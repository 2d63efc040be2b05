import { type Dispatch, type DispatchType, REALTIME_PATH, type RealtimeAck } from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';

/** A realtime connection through the gateway that records every dispatch it gets. */
export class Watcher {
  readonly dispatches: Dispatch[] = [];

  /** Why the server closed the socket, if it did (a closed watcher hears nothing more). */
  closed: string | null = null;

  private constructor(readonly socket: Socket) {
    socket.on('dispatch', (dispatch: Dispatch) => this.dispatches.push(dispatch));
    socket.on('disconnect', (reason) => (this.closed ??= reason));
    socket.on('reconnect', (payload: { reason?: string }) => (this.closed ??= `reconnect ${payload.reason}`));
  }

  static open(baseUrl: string, token: string): Promise<Watcher> {
    const socket = connect(baseUrl, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
    });
    const watcher = new Watcher(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('ready', () => resolve(watcher));
    });
  }

  got(type: DispatchType, matches: (data: Record<string, unknown>) => boolean): boolean {
    return this.dispatches.some(
      (dispatch) => dispatch.type === type && matches(dispatch.data as unknown as Record<string, unknown>),
    );
  }

  async typing(channelId: string): Promise<RealtimeAck> {
    return (await this.socket.emitWithAck('typing.start', { channelId })) as RealtimeAck;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Who watches the live stream in the realtime matrix. */
export const WATCHERS = ['stranger', 'member', 'granted', 'owner'] as const;
export type WatcherRole = (typeof WATCHERS)[number];

/**
 * Who an event is for:
 * - guild:   the guild's members (a stranger never);
 * - private: those who can see the private channel it is about (`member` cannot; `granted` and the
 *            owner can);
 * - self:    the user it is about, on their own sockets only (the owner triggers it for themselves).
 */
type Audience = 'guild' | 'private' | 'self';

export function receives(audience: Audience, watcher: WatcherRole): boolean {
  switch (audience) {
    case 'guild':
      return watcher !== 'stranger';
    case 'private':
      return watcher === 'granted' || watcher === 'owner';
    case 'self':
      return watcher === 'owner';
  }
}

/** Each dispatch type the gateway can send → who receives its representative trigger (realtime matrix). */
export const DISPATCH_AUDIENCE: Record<DispatchType, Audience> = {
  'channel.created': 'private',
  'channel.updated': 'private',
  'channel.deleted': 'private',
  'message.created': 'private',
  'message.updated': 'private',
  'message.deleted': 'private',
  'reaction.added': 'private',
  'reaction.removed': 'private',
  'thread.created': 'private',
  'thread.updated': 'private',
  'thread.members.updated': 'private',
  'thread.deleted': 'private',
  'typing.started': 'private',
  'voice.state.updated': 'private',
  'voice.speaking': 'private',
  'guild.updated': 'guild',
  'guild.deleted': 'guild',
  'member.joined': 'guild',
  'member.updated': 'guild',
  'member.left': 'guild',
  'role.created': 'guild',
  'role.updated': 'guild',
  'role.deleted': 'guild',
  'guild.emojis.updated': 'guild',
  'presence.updated': 'guild',
  'user.updated': 'guild',
  'readstate.updated': 'self',
  'notification.created': 'self',
  'relationship.added': 'self',
  'relationship.removed': 'self',
  'data_export.updated': 'self',
};
