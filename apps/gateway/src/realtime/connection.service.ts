import {
  ERROR,
  REALTIME_CLIENT_EVENTS,
  REALTIME_CLOSE_REASONS,
  REALTIME_ERROR_CODES,
  REALTIME_PROTOCOL_VERSIONS,
  type RealtimeAck,
  type RealtimeClientEvent,
  type RealtimeErrorCode,
  type RealtimeProtocolVersion,
  parseIntents,
  type SessionEndedPayload,
} from '@bonfire/contracts';
import { AppError, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { AccessTokenVerifier, type VerifiedCaller } from '../tokens/access-token.verifier';
import { type DeniedSession, SessionDenylist } from '../tokens/session-denylist';
import { EventLimiter, type EventLimits } from './event-limiter';
import { PresenceRealtimeClient } from './presence-realtime.client';
import { failure, RealtimeRefusal } from './realtime-exception.filter';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimeNode } from './realtime-node';
import type { RealtimeSocket } from './realtime-session';
import { ResumeService } from './resume.service';
import { SessionRegistry } from './session-registry';
import { type HeldConnection, SessionStore } from './session-store';

/** A connection counts against its user's cap this long unless refreshed (a dead gateway's lapse). */
const CONNECTION_TTL_SECONDS = 30;
/**
 * The transport guard allows this many times the event limits in raw packets (events, acks, pongs,
 * connects): an event flood meets the event limiter first; a flood of anything else is closed here.
 */
const PACKET_LIMIT_FACTOR = 4;
/** A bot's connection has no token expiry; this far ahead is "never". */
const BOT_CONNECTION_SECONDS = 365 * 86_400;
const CLIENT_EVENTS: ReadonlySet<unknown> = new Set<RealtimeClientEvent>(REALTIME_CLIENT_EVENTS);

type Transport = RealtimeSocket['conn'];
type Reply = (answer: RealtimeAck) => void;

/**
 * One connection from transport to close: the transport guard, the handshake (token, handshake rate,
 * connection cap), the event limiter and unknown-event refusal, the token's expiry and refresh, presence
 * of the device, and sign-in revocation. The session on it is ResumeService's.
 */
@Injectable()
export class ConnectionService {
  private readonly logger;
  private readonly eventLimits: EventLimits;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly store: SessionStore,
    private readonly verifier: AccessTokenVerifier,
    private readonly denylist: SessionDenylist,
    private readonly presence: PresenceRealtimeClient,
    private readonly registry: SessionRegistry,
    private readonly resume: ResumeService,
    private readonly metrics: RealtimeMetrics,
    private readonly node: RealtimeNode,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('realtime-connections');
    this.eventLimits = {
      perSecond: config.REALTIME_EVENTS_PER_SECOND,
      burst: config.REALTIME_EVENT_BURST,
      maxRefused: config.REALTIME_EVENT_MAX_REFUSED,
    };
  }

  /**
   * The handshake: a valid token, then the user's handshake rate and a place under the user's connection
   * cap — counted and claimed in the SessionStore in one atomic step (one round trip), so parallel handshakes on any number of gateways
   * never hold more than the cap. The claim is released when the socket disconnects, or when its
   * transport closes before the connection completed.
   */
  async authenticate(socket: RealtimeSocket): Promise<void> {
    if (this.node.draining) throw new AppError(ERROR.UNAVAILABLE, 'shutting down');
    const { token: given, ...auth } = socket.handshake.auth as Record<string, unknown>;
    const token = typeof given === 'string' ? given : undefined;
    // The socket outlives its token's use: it is not kept for the connection's life (nor in a heap dump).
    // A copy without it, not `delete`, which would leave the object in dictionary mode (~256 B a socket).
    socket.handshake.auth = auth;
    const { identity, exp } = await this.verify(token);
    const { userId } = identity;
    const connectionId = `${this.node.id}/${socket.id}`;
    const claim = await this.store.claimHandshake(userId, connectionId, {
      perWindow: this.config.REALTIME_HANDSHAKES_PER_MINUTE,
      windowSeconds: 60,
      cap: this.config.REALTIME_MAX_CONNECTIONS_PER_USER,
      ttlSeconds: CONNECTION_TTL_SECONDS,
    });
    if (claim === 'rate-limited') throw new AppError(ERROR.RATE_LIMITED, 'too many handshakes');
    if (claim === 'too-many-connections') {
      throw new AppError(ERROR.TOO_MANY_CONNECTIONS, 'too many connections');
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      socket.conn.off('close', release);
      void this.store.releaseConnection(userId, connectionId).catch(() => undefined);
    };
    socket.conn.once('close', release);
    const batching = auth['batch'] === true && this.config.REALTIME_BATCH_WINDOW_MS > 0;
    const protocol = protocolFor(auth['protocol']);
    socket.data = { identity, tokenExp: exp, connectionId, release, batching, protocol };
    // A bot declares its intents (a bitfield or a list of names); none declared: none received but its own.
    if (identity.bot) socket.data.intents = parseIntents(auth['intents']) ?? 0;
  }

  /** An access token, or `Bot <token>` for a bot (which does not expire: a reset ends its sockets). */
  private async verify(token: string | undefined): Promise<{ identity: VerifiedCaller; exp: number }> {
    if (token?.startsWith('Bot ')) {
      const identity = await this.verifier.verify(token);
      return { identity, exp: Math.floor(Date.now() / 1000) + BOT_CONNECTION_SECONDS };
    }
    const identity = await this.verifier.verify(token ? `Bearer ${token}` : undefined);
    return { identity, exp: decodeJwt(token!).exp ?? 0 };
  }

  /** A socket that passed the handshake (its events are RealtimeGateway's @SubscribeMessage handlers). */
  onConnection(socket: RealtimeSocket): void {
    socket.on('disconnect', (reason) => this.onDisconnect(socket, reason));
    // Revoked between the handshake's check and now: the listener below did not know this socket yet.
    const denied = this.denylist.find(socket.data.identity.sessionId);
    if (denied) return this.endSignIn(denied);
    // Presence counts this socket as one device of the user until it disconnects.
    socket.data.presenceReported = this.presence.connect(socket.id, socket.data.identity.userId);
    this.limitEvents(socket);
    void this.resume.open(socket).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'realtime session could not start');
      socket.emit('reconnect', { reason: REALTIME_ERROR_CODES.unavailable });
      socket.disconnect(true);
    });
  }

  private onDisconnect(socket: RealtimeSocket, reason: string): void {
    socket.data.release();
    // The client left the only namespace: its transport has nothing more to carry (socket.io would
    // keep it open, dropping what follows).
    if (reason === 'client namespace disconnect') socket.conn.close();
    // Refused as revoked in onConnection: it never became a device or a session.
    if (!socket.data.presenceReported) return;
    this.presence.disconnect(socket.id);
    const session = socket.data.session;
    if (session) this.registry.detach(session);
  }

  /**
   * Keeps this gateway's connections counted against their users' caps: those of the users `inSlice` keeps
   * (a user's connections together; every user once per CONNECTION_REFRESH_MS, see slicedInterval).
   */
  refreshConnections(inSlice: (userId: string) => boolean): void {
    const held: HeldConnection[] = [];
    for (const socket of this.node.sockets()) {
      const data = socket.data as Partial<RealtimeSocket['data']>;
      if (data.identity && inSlice(data.identity.userId)) {
        held.push({ userId: data.identity.userId, connectionId: data.connectionId! });
      }
    }
    void this.store.refreshConnections(held, CONNECTION_TTL_SECONDS).catch(() => undefined);
  }

  /**
   * Every client event passes here first: over the connection's rate (EventLimiter) it is answered
   * RATE_LIMITED, and a connection that keeps sending into refusals is closed; an event the protocol does
   * not have is answered INVALID_REQUEST. Events without an acknowledgement are refused silently.
   */
  private limitEvents(socket: RealtimeSocket): void {
    const limiter = new EventLimiter(this.eventLimits);
    socket.use((packet, next) => {
      const reply = replyOf(packet);
      const verdict = limiter.take();
      if (verdict === 'abusive') return this.closeFlooding(socket);
      if (verdict === 'limited') {
        this.metrics.limited.inc({ action: 'refused' });
        return reply?.(failure(REALTIME_ERROR_CODES.rateLimited, 'Too many events; slow down.'));
      }
      if (!CLIENT_EVENTS.has(packet[0])) {
        return reply?.(failure(REALTIME_ERROR_CODES.invalidRequest, 'Unknown event.'));
      }
      next();
    });
  }

  /** Flooding after RATE_LIMITED answers: told to reconnect later (the SDK backs off) and closed. */
  private closeFlooding(socket: RealtimeSocket): void {
    if (!socket.connected) return;
    this.metrics.limited.inc({ action: 'closed' });
    this.logger.warn({ userId: socket.data.identity?.userId }, 'realtime connection closed: flooding');
    socket.emit('reconnect', { reason: REALTIME_CLOSE_REASONS.rateLimited });
    socket.disconnect(true);
  }

  /**
   * The transport under the sockets, from its first packet (before any handshake): raw packets of any
   * kind — events, acknowledgements, pongs, connects — beyond PACKET_LIMIT_FACTOR times the event limits
   * close it, with `reconnect {reason: RATE_LIMITED}` to the socket on it if it has one.
   */
  guardTransport(transport: Transport): void {
    const limiter = new EventLimiter({
      perSecond: this.eventLimits.perSecond * PACKET_LIMIT_FACTOR,
      burst: this.eventLimits.burst * PACKET_LIMIT_FACTOR,
      maxRefused: this.eventLimits.maxRefused * PACKET_LIMIT_FACTOR,
    });
    transport.on('packet', () => {
      if (limiter.take() !== 'abusive' || transport.readyState !== 'open') return;
      const sockets = [...this.node.sockets()].filter((s) => s.conn === transport);
      for (const socket of sockets) this.closeFlooding(socket);
      if (sockets.length === 0) {
        this.metrics.limited.inc({ action: 'closed' });
        transport.close();
      }
    });
  }

  /** `presence.idle`: the device is idle or active again. */
  setIdle(socket: RealtimeSocket, idle: boolean): RealtimeAck {
    this.presence.activity(socket.id, idle);
    return { ok: true };
  }

  /** `auth.refresh`: a newer token of the same user moves the connection's expiry. */
  async refreshToken(socket: RealtimeSocket, token: string): Promise<RealtimeAck> {
    let verified: { identity: VerifiedCaller; exp: number };
    try {
      verified = await this.verify(token);
    } catch (error) {
      const code = handshakeErrorCode(error);
      throw new RealtimeRefusal(code, error instanceof Error ? error.message : code);
    }
    if (verified.identity.userId !== socket.data.identity.userId) {
      throw new RealtimeRefusal(REALTIME_ERROR_CODES.userMismatch, 'The token belongs to another user.');
    }
    socket.data.tokenExp = verified.exp;
    return { ok: true };
  }

  /**
   * Closes the connections whose access token expired without an `auth.refresh`: `auth.expired`, then the
   * socket (after the walk, which closing would change). RealtimeServer sweeps every second: a walk over
   * the sockets costs less than a timer per socket keeps (a Timeout and a closure each, and a timer list
   * per distinct delay).
   */
  closeExpired(nowMs = Date.now()): void {
    for (const socket of expiredSockets(this.node.sockets(), nowMs)) {
      socket.emit('auth.expired', { reason: REALTIME_CLOSE_REASONS.tokenExpired });
      socket.disconnect(true);
    }
  }

  /**
   * A sign-in session was ended (every gateway hears it, see SessionRevocations): its sockets here get
   * `session.ended` and are closed, and their realtime sessions are forgotten (no resume).
   */
  endSignIn(entry: DeniedSession): void {
    for (const socket of [...this.node.sockets()]) {
      const data = socket.data as Partial<RealtimeSocket['data']>;
      if (data.identity?.sessionId !== entry.sessionId) continue;
      const session = data.session;
      if (session && !session.dropped) {
        this.registry.unregister(session);
        session.socket = null;
        void this.store.forget(session.id, session.owner).catch(() => undefined);
      }
      socket.emit('session.ended', { reason: entry.reason } satisfies SessionEndedPayload);
      socket.disconnect(true);
    }
  }
}

/** The connected sockets whose token expired at `nowMs` (its `exp` is in seconds, as the JWT's). */
export function expiredSockets(sockets: Iterable<RealtimeSocket>, nowMs: number): RealtimeSocket[] {
  const expired: RealtimeSocket[] = [];
  for (const socket of sockets) {
    const { tokenExp } = socket.data as Partial<RealtimeSocket['data']>;
    if (socket.connected && tokenExp !== undefined && tokenExp * 1_000 <= nowMs) expired.push(socket);
  }
  return expired;
}

/** The highest protocol version this gateway speaks up to the one the client asked for (absent: 1). */
export function protocolFor(asked: unknown): RealtimeProtocolVersion {
  if (typeof asked !== 'number' || !Number.isFinite(asked)) return 1;
  let spoken: RealtimeProtocolVersion = 1;
  for (const version of REALTIME_PROTOCOL_VERSIONS) if (version <= asked) spoken = version;
  return spoken;
}

/** The acknowledgement callback of an event: its last argument, when the client asked for one. */
function replyOf(args: unknown[]): Reply | undefined {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as Reply) : undefined;
}

/** The stable code a refused handshake (or refresh) reports. */
export function handshakeErrorCode(error: unknown): RealtimeErrorCode {
  if (error instanceof AppError) {
    const known = Object.values(REALTIME_ERROR_CODES) as string[];
    if (known.includes(error.code)) return error.code as RealtimeErrorCode;
    if (error.status === 401) return REALTIME_ERROR_CODES.tokenInvalid;
  }
  return REALTIME_ERROR_CODES.unavailable;
}
