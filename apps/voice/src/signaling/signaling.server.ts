import {
  has,
  PERMISSIONS,
  VOICE_ERROR_CODES,
  type VoiceAck,
  type VoiceClientEvent,
  type VoiceClientEvents,
  type VoiceErrorCode,
  type VoiceServerEvents,
  type VoiceState,
} from '@bonfire/contracts';
import { AppError, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Namespace, Server, Socket } from 'socket.io';
import { ChatClient } from '../chat/chat.client';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VOICE_NODE_ID } from '../core.module';
import { VoiceEventsPublisher } from '../events/voice-events.publisher';
import { type Peer, SignalingError } from '../rooms/room';
import { RoomsService } from '../rooms/rooms.service';
import { type VoiceGrant, VoiceTokenError, VoiceTokenService } from '../tokens/voice-token.service';
import { VoiceControl, type VoiceControlMessage } from '../voice-states/voice-control';
import { publicState, VoiceStateStore } from '../voice-states/voice-state.store';
import { VoiceStatesService } from '../voice-states/voice-states.service';
import { SignalingListener } from './signaling-listener';
import { SignalingOperations } from './signaling-operations';
import { CLIENT_EVENT_SCHEMAS } from './signaling.schemas';

interface SessionData {
  grant: VoiceGrant;
  state: VoiceState;
  permissions: bigint;
}

export type VoiceSocket = Socket<
  Record<string, never>,
  Record<string, never>,
  Record<string, never>,
  SessionData
>;

interface Session {
  socket: VoiceSocket;
  peer: Promise<Peer>;
  /** Ended by the server (left elsewhere, moved, disconnected, worker died): the state is not ours to keep. */
  ended: boolean;
}

class HandshakeError extends Error {
  constructor(readonly code: VoiceErrorCode) {
    super(code);
  }
}

/**
 * Signaling's work behind SignalingGateway (socket.io on the voice node's public listener, VOICE_SIGNALING_PORT,
 * see SignalingIoAdapter; path VOICE_SIGNALING_PATH, namespace VOICE_SIGNALING_NAMESPACE) — never on
 * VOICE_PORT, the internal one.
 * The handshake presents a voice token for this node; the session must still be the user's voice state.
 * Every client event is validated and answered with a VoiceAck. A disconnect closes all the client's
 * transports, producers and consumers; its voice state lapses after VOICE_RECONNECT_GRACE_SECONDS unless
 * it reconnects (with a fresh join, or its token while still valid). A node without media (no mediasoup
 * worker binary) answers the signaling path with 503 VOICE_UNAVAILABLE instead.
 */
@Injectable()
export class SignalingServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private io?: Server;
  private namespace?: Namespace;
  private readonly sessions = new Map<string, Session>();
  private readonly socketSessions = new WeakMap<VoiceSocket, Session>();
  private draining?: Promise<void>;
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    @Inject(VOICE_NODE_ID) private readonly nodeId: string,
    private readonly listener: SignalingListener,
    private readonly tokens: VoiceTokenService,
    private readonly store: VoiceStateStore,
    private readonly states: VoiceStatesService,
    private readonly chat: ChatClient,
    private readonly rooms: RoomsService,
    private readonly operations: SignalingOperations,
    private readonly control: VoiceControl,
    private readonly events: VoiceEventsPublisher,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('signaling');
  }

  /** Opens the public listener (signaling is attached to it already; before VOICE_PORT listens). */
  async onApplicationBootstrap(): Promise<void> {
    await this.listener.listen();
  }

  /**
   * Takes the signaling namespace SignalingGateway was given: the handshake's authentication, the room
   * and control wiring. A node without media has none of it (its path answers 503, see SignalingIoAdapter).
   */
  attachServer(namespace: Namespace): void {
    if (this.rooms.mediaUnavailable) return;
    this.io = namespace.server;
    // socket.io always has the root namespace: refused, so nobody holds a socket here without a token.
    this.io.of('/').use((_socket, next) => next(new Error('Invalid namespace')));
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.authenticate(socket as VoiceSocket).then(
        () => next(),
        (error: unknown) => {
          const code =
            error instanceof HandshakeError || error instanceof VoiceTokenError
              ? error.code
              : VOICE_ERROR_CODES.unavailable;
          const refusal = new Error(code) as Error & { data: unknown };
          refusal.data = { code };
          next(refusal);
        },
      );
    });
    this.control.onMessage((message) => void this.onControl(message));
    this.rooms.onSpeaking((room, userId, speaking) => {
      void this.events.speaking({ guildId: room.guildId, channelId: room.channelId, userId, speaking });
    });
  }

  /** Tells every connected client this node stops (`closed: shutting-down`) and closes their media. */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      for (const session of this.sessions.values()) session.ended = true;
      this.rooms.shutdown();
      this.namespace?.disconnectSockets();
    })();
    return this.draining;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
    // Stops engine.io (its timers, the sockets left); it also closes the listener, which waits below.
    void this.io?.close();
    await this.listener.close();
  }

  private async authenticate(socket: VoiceSocket): Promise<void> {
    if (this.draining) throw new HandshakeError(VOICE_ERROR_CODES.unavailable);
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const grant = await this.tokens.verify(auth?.token);
    if (grant.nodeId !== this.nodeId) throw new HandshakeError(VOICE_ERROR_CODES.tokenInvalid);
    const state = await this.store.get(grant.userId);
    if (!state || state.sessionId !== grant.sessionId || state.channelId !== grant.channelId) {
      throw new HandshakeError(VOICE_ERROR_CODES.notInChannel);
    }
    let access;
    try {
      access = await this.chat.channelAccess(grant.userId, grant.channelId);
    } catch (error) {
      if (error instanceof AppError) throw new HandshakeError(VOICE_ERROR_CODES.unavailable);
      throw error;
    }
    if (!access || !has(BigInt(access.permissions), PERMISSIONS.CONNECT)) {
      throw new HandshakeError(VOICE_ERROR_CODES.notInChannel);
    }
    socket.data = { grant, state: publicState(state), permissions: BigInt(access.permissions) };
  }

  /** A client that passed the handshake: placed in its room, its session replacing an older one. */
  onConnection(socket: VoiceSocket): void {
    const { grant, state, permissions } = socket.data;
    const previous = this.sessions.get(grant.sessionId);
    if (previous) {
      // The same session reconnected before its old socket was noticed gone: the new socket wins.
      previous.ended = true;
      previous.socket.disconnect();
    }
    const session: Session = {
      socket,
      ended: false,
      peer: this.rooms
        .addPeer({
          sessionId: grant.sessionId,
          userId: grant.userId,
          guildId: grant.guildId,
          channelId: grant.channelId,
          state,
          permissions,
          sink: {
            send: <E extends keyof VoiceServerEvents>(event: E, data: VoiceServerEvents[E]) => {
              (socket.emit as (event: string, data: unknown) => boolean)(event, data);
            },
            end: (closed) => {
              session.ended = true;
              (socket.emit as (event: string, data: unknown) => boolean)('closed', closed);
              socket.disconnect();
            },
          },
        })
        .then(({ peer, welcome }) => {
          const emit = socket.emit.bind(socket) as (event: string, data: unknown) => boolean;
          emit('welcome', welcome);
          // `speaking` is sent on changes: a newcomer first hears who is speaking already.
          for (const userId of peer.room.speaking) emit('speaking', { userId, speaking: true });
          return peer;
        }),
    };
    this.sessions.set(grant.sessionId, session);
    this.socketSessions.set(socket, session);
    session.peer.catch((error: unknown) => {
      this.logger.error({ err: error, channelId: grant.channelId }, 'could not place a client in its room');
      session.ended = true;
      (socket.emit as (event: string, data: unknown) => boolean)('closed', { reason: 'worker-died' });
      socket.disconnect();
    });

    socket.on('disconnect', (reason) => {
      // The client left the only namespace: close its transport too (socket.io would keep it open).
      if (reason === 'client namespace disconnect') socket.conn.close();
      void this.onDisconnect(session);
    });
    // An event the protocol does not have is answered, not left waiting.
    (socket as unknown as Socket).use(([event, ...args], next) => {
      if (Object.hasOwn(CLIENT_EVENT_SCHEMAS, event as string)) return next();
      const ack = args.at(-1);
      if (typeof ack === 'function') {
        ack({ ok: false, code: VOICE_ERROR_CODES.invalidRequest, message: 'unknown event' });
      }
    });
  }

  /** Runs one validated client event of `socket`'s session; errors become its failure ack (SignalingExceptionFilter). */
  async serve<E extends VoiceClientEvent>(
    socket: VoiceSocket,
    event: E,
    request: VoiceClientEvents[E]['request'],
  ): Promise<VoiceAck<VoiceClientEvents[E]['result']>> {
    const session = this.socketSessions.get(socket);
    if (!session) throw new SignalingError(VOICE_ERROR_CODES.notInChannel, 'the session ended');
    const peer = await session.peer;
    if (peer.closed || session.ended) {
      throw new SignalingError(VOICE_ERROR_CODES.notInChannel, 'the session ended');
    }
    return { ok: true, data: await this.operations.run(event, peer, request) };
  }

  private async onDisconnect(session: Session): Promise<void> {
    const { grant } = session.socket.data;
    if (this.sessions.get(grant.sessionId) === session) this.sessions.delete(grant.sessionId);
    const peer = await session.peer.catch(() => null);
    // A replaced socket of the same session leaves the new one's peer alone.
    if (peer && this.rooms.peer(grant.sessionId) === peer) this.rooms.removePeer(peer);
    if (session.ended || this.sessions.has(grant.sessionId)) return;
    await this.states
      .disconnected(grant.userId, grant.sessionId)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not start the reconnect grace'));
  }

  private async onControl(message: VoiceControlMessage): Promise<void> {
    const session = this.sessions.get(message.sessionId);
    if (!session) return;
    if (message.type === 'state') {
      await session.peer.catch(() => null);
      await this.rooms.updateState(message.sessionId, message.state);
      return;
    }
    if (message.type === 'permissions') {
      const peer = await session.peer.catch(() => null);
      if (peer && this.rooms.updatePermissions(message.sessionId, BigInt(message.permissions))) {
        this.operations.reportMedia(peer);
      }
      return;
    }
    session.ended = true;
    const peer = await session.peer.catch(() => null);
    if (peer) {
      peer.sink.end(message.closed);
      this.rooms.removePeer(peer);
    } else {
      session.socket.disconnect();
    }
  }
}
