import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  type AnyEvent,
  type Channel,
  type EventData,
  has,
  PERMISSIONS,
  type RealtimeAck,
  REALTIME_CLIENT_EVENTS,
  type RealtimeClientEvent,
  type RealtimeClientEvents,
  type RealtimeErrorCode,
  REALTIME_CLOSE_REASONS,
  REALTIME_ERROR_CODES,
  REALTIME_PATH,
  type ReadyPayload,
  type RealtimeState,
  type ResyncPayload,
  type SessionEndedPayload,
  type TypingStarted,
} from '@bonfire/contracts';
import { type EventBus, InjectEventBus, type Subscription } from '@bonfire/messaging';
import {
  AppError,
  type CallerIdentity,
  HealthRegistry,
  MetricsService,
  refuseOtherSocketIoMethods,
} from '@bonfire/platform';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { decodeJwt } from 'jose';
import { Counter, Gauge } from 'prom-client';
import { Server } from 'socket.io';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { AccessTokenVerifier } from '../tokens/access-token.verifier';
import { type DeniedSession, SessionDenylist } from '../tokens/session-denylist';
import { ChatRealtimeClient } from './chat-realtime.client';
import { CLIENT_EVENT_SCHEMAS, describeIssues } from './client-events';
import { encodeDispatch, writeDispatch } from './dispatch-frame';
import { EventLimiter, type EventLimits } from './event-limiter';
import {
  REALTIME_TOPICS,
  type RealtimePacket,
  rooms,
  toPackets,
  type VisibilityChange,
} from './event-routing';
import { GatewayPeers } from './gateway-peers';
import { PresenceRealtimeClient } from './presence-realtime.client';
import {
  RealtimeSession as Session,
  type RealtimeSocket,
  sequenced,
  type SocketData,
} from './realtime-session';
import type { SequencedDispatch } from './replay-ring';
import { planReplay, SessionStore } from './session-store';
import { SnapshotCoverage } from './snapshot-coverage';

/** Events between gateways (GatewayPeers: the Redis adapter's serverSideEmit). */
const PEER_EVENTS = { packet: 'realtime:packet', sessionTaken: 'realtime:session-taken' } as const;
const TYPING_TTL_MS = 8_000;
const NODE_HEARTBEAT_SECONDS = 15;
const RECENT_IDS = 20_000;
/** Packets a starting session may capture while chat builds its snapshot; beyond it the start fails. */
const MAX_CAPTURED = 10_000;
/** How long a new session skips dispatches its snapshot already shows (events that lagged behind it). */
const SNAPSHOT_COVERAGE_MS = 30_000;
/** A connection counts against its user's cap this long unless refreshed (a dead gateway's lapse). */
const CONNECTION_TTL_SECONDS = 30;
const CONNECTION_REFRESH_MS = 10_000;
/** How long a resume waits for the previous owner gateway to hand the session over, then resyncs. */
const HANDOVER_TIMEOUT_MS = 3_000;
const HANDOVER_POLL_MS = 20;
/**
 * The transport guard allows this many times the event limits in raw packets (events, acks, pongs,
 * connects): an event flood meets the event limiter first; a flood of anything else is closed here.
 */
const PACKET_LIMIT_FACTOR = 4;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CLIENT_EVENTS: ReadonlySet<unknown> = new Set<RealtimeClientEvent>(REALTIME_CLIENT_EVENTS);

type Transport = RealtimeSocket['conn'];
type Reply = (answer: RealtimeAck) => void;

type ChannelEvent = EventData<'channel.updated'>;

/** What a visibility change did to one session: the channels it now sees and those it no longer sees. */
interface Move {
  session: Session;
  guildId: string | null;
  shown: string[];
  hidden: string[];
  /** The session had this guild in its view before the change (a joiner learns the guild otherwise). */
  known?: boolean;
}

/**
 * The realtime edge: socket.io on the gateway's HTTP server, the Redis adapter between replicas, the
 * Kafka fan-out and the resumable sessions. (Standalone shape: one gateway, so no peers, the in-process
 * event bus and the in-memory session store; the same code runs.)
 *
 * Fan-out. All gateways are one Kafka consumer group; the gateway that consumes an event maps it to a
 * packet (rooms + visibility change, see event-routing.ts) and broadcasts it to every gateway
 * (serverSideEmit) and to itself. Each gateway processes packets one at a time, in arrival order: it
 * applies the visibility change to its own sessions, then gives each of its sessions in the rooms the
 * next sequence number, appends the dispatch to the session's replay buffer in Redis and emits it.
 * Rooms are tracked per session by this class (and mirrored into socket.io rooms, so any replica can
 * still `io.to('user:…')` a client): a detached session is not a socket, yet it must keep buffering
 * exactly what its user may see, which `io.in(room).fetchSockets()` could not tell.
 *
 * Permission changes. Before delivering an event that may change who sees what, each gateway asks chat
 * which channels of the guild every affected user it holds now sees — one call per affected online user
 * per gateway (a role edit in a guild with 5,000 online members costs 5,000 small indexed queries,
 * spread over the gateways). A projection of guild permissions kept by the gateways from the same
 * events would remove those calls; it is the next step if role edits in big guilds become hot.
 *
 * Resume: see resume() and session-store.ts. Typing skips Kafka and the buffers (ephemeral).
 */
@Injectable()
export class RealtimeServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  readonly nodeId = randomUUID();
  private io?: Server;
  private subscription?: Subscription;
  private consumerReady = false;
  private readonly chat: ChatRealtimeClient;
  private readonly presence: PresenceRealtimeClient;
  /** Sessions held here, by owner (a session id can briefly have two: a detached one and its resumer). */
  private readonly sessions = new Map<string, Session>();
  private readonly roomIndex = new Map<string, Set<Session>>();
  /** Brand-new sessions capturing packets until their snapshot is in (see start()). */
  private readonly starting = new Set<Session>();
  private packetQueue: Promise<void> = Promise.resolve();
  private readonly recentIds = new Set<string>();
  private readonly recentOrder: string[] = [];
  private timers: NodeJS.Timeout[] = [];
  private draining?: Promise<void>;
  private readonly metrics: {
    dispatched: Counter<'kind'>;
    resumes: Counter<'outcome'>;
    consumed: Counter;
    limited: Counter<'action'>;
  };
  private readonly eventLimits: EventLimits;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly store: SessionStore,
    private readonly peers: GatewayPeers,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly adapterHost: HttpAdapterHost,
    private readonly health: HealthRegistry,
    metrics: MetricsService,
    private readonly verifier: AccessTokenVerifier,
    private readonly denylist: SessionDenylist,
  ) {
    this.chat = new ChatRealtimeClient({
      baseUrl: config.CHAT_URL,
      identitySecret: config.INTERNAL_IDENTITY_SECRET,
      timeoutMs: config.REALTIME_CHAT_TIMEOUT_MS,
      permissionCacheMs: 30_000,
    });
    this.presence = new PresenceRealtimeClient({
      baseUrl: config.PRESENCE_URL,
      identitySecret: config.INTERNAL_IDENTITY_SECRET,
      gatewayId: this.nodeId,
      timeoutMs: config.PRESENCE_TIMEOUT_MS,
      heartbeatMs: config.PRESENCE_HEARTBEAT_INTERVAL_MS,
      onError: (error, what) => this.logger.warn({ err: error }, `${what} failed`),
    });
    const registers = [metrics.registry];
    const sockets = () => this.io?.engine.clientsCount ?? 0;
    const sessions = () => this.sessions.size;
    new Gauge({
      name: 'realtime_connected_sockets',
      help: 'Realtime sockets connected to this gateway',
      registers,
      collect() {
        this.set(sockets());
      },
    });
    new Gauge({
      name: 'realtime_sessions',
      help: 'Realtime sessions held by this gateway (live and detached)',
      registers,
      collect() {
        this.set(sessions());
      },
    });
    this.metrics = {
      dispatched: new Counter({
        name: 'realtime_dispatched_events_total',
        help: 'Dispatches emitted to sockets, by kind (sequenced, ephemeral, replayed)',
        labelNames: ['kind'] as const,
        registers,
      }),
      resumes: new Counter({
        name: 'realtime_resumes_total',
        help: 'Resume attempts, by outcome (resumed, resync)',
        labelNames: ['outcome'] as const,
        registers,
      }),
      consumed: new Counter({
        name: 'realtime_events_consumed_total',
        help: 'Kafka events this gateway consumed and fanned out',
        registers,
      }),
      limited: new Counter({
        name: 'realtime_rate_limited_total',
        help: 'Client events refused RATE_LIMITED (refused) and connections closed for flooding (closed)',
        labelNames: ['action'] as const,
        registers,
      }),
    };
    this.eventLimits = {
      perSecond: config.REALTIME_EVENTS_PER_SECOND,
      burst: config.REALTIME_EVENT_BURST,
      maxRefused: config.REALTIME_EVENT_MAX_REFUSED,
    };
  }

  /** Attaches socket.io and joins the consumer group (readiness stays down until it has). */
  async onApplicationBootstrap(): Promise<void> {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    const io = new Server(httpServer, {
      path: REALTIME_PATH,
      transports: ['websocket', 'polling'],
      pingInterval: this.config.REALTIME_PING_INTERVAL_MS,
      pingTimeout: this.config.REALTIME_PING_TIMEOUT_MS,
      maxHttpBufferSize: 64 * 1024,
      serveClient: false,
      cors: {
        origin: this.config.CORS_ORIGINS.length > 0 ? this.config.CORS_ORIGINS : false,
        credentials: true,
      },
      adapter: this.peers.adapter(),
    });
    this.io = io;
    refuseOtherSocketIoMethods(httpServer, REALTIME_PATH);
    io.engine.on('connection', (transport: Transport) => this.guardTransport(transport));
    io.use((socket, next) => {
      this.authenticate(socket as RealtimeSocket).then(
        () => next(),
        (error: unknown) => next(new Error(handshakeErrorCode(error))),
      );
    });
    io.on('connection', (socket: RealtimeSocket) => this.onConnection(socket));
    io.on(PEER_EVENTS.packet, (packet: RealtimePacket) => void this.receive(packet));
    // In the packet queue: every packet that reached this gateway before the takeover notice (the resuming
    // gateway may have handled it before it held the session) is in the ring that is handed over.
    io.on(PEER_EVENTS.sessionTaken, (sessionId: string, owner: string, previousOwner?: string) => {
      this.packetQueue = this.packetQueue.then(() => this.onSessionTaken(sessionId, owner, previousOwner));
    });

    this.health.register('realtime-adapter', () => this.peers.check());
    this.health.register('realtime-consumer', async () => {
      if (!this.consumerReady)
        throw new Error(`not in consumer group ${this.config.REALTIME_CONSUMER_GROUP} yet`);
    });

    const heartbeat = () =>
      void this.store.heartbeat(this.nodeId, NODE_HEARTBEAT_SECONDS).catch(() => undefined);
    heartbeat();
    const refresh = () => {
      const live = [...this.sessions.values()].filter((s) => s.socket).map((s) => s.id);
      void this.store.refresh(live).catch(() => undefined);
    };
    const refreshConnections = () => {
      const held = [...io.of('/').sockets.values()]
        .map((socket) => (socket as RealtimeSocket).data as Partial<SocketData>)
        .filter((data) => data.identity)
        .map((data) => ({ userId: data.identity!.userId, connectionId: data.connectionId! }));
      void this.store.refreshConnections(held, CONNECTION_TTL_SECONDS).catch(() => undefined);
    };
    this.timers = [
      setInterval(heartbeat, (NODE_HEARTBEAT_SECONDS * 1_000) / 3),
      setInterval(refresh, Math.max(1_000, (this.config.REALTIME_RESUME_WINDOW_SECONDS * 1_000) / 4)),
      setInterval(refreshConnections, CONNECTION_REFRESH_MS),
    ];
    for (const timer of this.timers) timer.unref();
    this.presence.start();
    this.denylist.onDenied((entry) => this.endSignIn(entry));
    await this.startConsumer();
  }

  /** Stops taking sockets: tells every client to reconnect elsewhere, keeps buffering until they resume. */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      const io = this.io;
      if (!io) return;
      for (const session of this.sessions.values()) {
        const socket = session.socket;
        if (!socket) continue;
        socket.emit('reconnect', { reason: REALTIME_CLOSE_REASONS.shuttingDown });
        socket.disconnect(true);
      }
      // Detached sessions keep buffering here until their clients resume on another gateway (takeover).
      const deadline = Date.now() + this.config.REALTIME_DRAIN_TIMEOUT_MS;
      while (this.peers.canHandOver && this.sessions.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    return this.draining;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
    for (const timer of this.timers) clearInterval(timer);
    await this.presence.stop();
    await this.subscription?.close().catch(() => undefined);
    await this.packetQueue;
    for (const session of [...this.sessions.values()]) this.unregister(session);
    await this.store.forgetNode(this.nodeId).catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (!this.io) return resolve();
      // io.close() also closes the HTTP server, already closed by the shutdown sequence.
      void this.io.close(() => resolve());
    });
    await this.peers.close();
  }

  // ---------------------------------------------------------------- events

  private async startConsumer(): Promise<void> {
    try {
      this.subscription = await this.bus.subscribe({
        group: this.config.REALTIME_CONSUMER_GROUP,
        topics: REALTIME_TOPICS,
        startFrom: 'latest',
        session: { heartbeatIntervalMs: 1_000, sessionTimeoutMs: 10_000 },
        retry: { maxRetries: 3, initialDelayMs: 100 },
        handler: (event) => this.fanOut(event),
      });
      this.consumerReady = true;
    } catch (error) {
      if (this.draining) return;
      this.logger.error({ err: error }, 'realtime consumer failed to start; retrying');
      setTimeout(() => void this.startConsumer(), 2_000).unref();
    }
  }

  /** The one gateway that consumed the event sends it to every gateway, itself included. */
  private async fanOut(event: AnyEvent): Promise<void> {
    const packets = toPackets(event);
    if (packets.length === 0) return;
    this.metrics.consumed.inc();
    for (const packet of packets) {
      this.toPeers(PEER_EVENTS.packet, packet);
      await this.receive(packet);
    }
  }

  private toPeers(event: string, ...args: unknown[]): void {
    if (this.io) this.peers.broadcast(this.io, event, ...args);
  }

  // ---------------------------------------------------------------- packets

  private receive(packet: RealtimePacket): Promise<void> {
    if (this.seen(packet.id)) return Promise.resolve();
    if (packet.ephemeral) {
      this.deliverEphemeral(packet);
      return Promise.resolve();
    }
    this.packetQueue = this.packetQueue
      .then(() => this.process(packet))
      .catch((error: unknown) => this.logger.error({ err: error, type: packet.type }, 'packet failed'));
    return this.packetQueue;
  }

  /**
   * Applies a packet's visibility change and delivers it. `only`: a starting session catching up on a
   * packet it captured (start()) — the change and the delivery concern that session alone.
   */
  private async process(packet: RealtimePacket, only?: Session): Promise<void> {
    if (!only) this.capture(packet);
    const moves = packet.change && !packet.changeAfter ? await this.applyChange(packet.change, only) : [];
    const revealed = await this.revealedChannels(packet, moves);
    if (packet.type) this.deliverWithMoves(packet, moves, revealed, only);
    if (packet.change && packet.changeAfter) await this.applyChange(packet.change, only);
  }

  private capture(packet: RealtimePacket): void {
    for (const session of this.starting) {
      if (session.captured === null || session.captured === 'overflow') continue;
      if (session.captured.length >= MAX_CAPTURED) session.captured = 'overflow';
      else session.captured.push(packet);
    }
  }

  /**
   * Channels sessions gained sight of that the packet does not carry itself (a role or ownership change
   * revealed them), fetched as each user's REST listing of the guild shows them.
   */
  private async revealedChannels(packet: RealtimePacket, moves: Move[]): Promise<Map<Session, Channel[]>> {
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
          this.end(session, REALTIME_ERROR_CODES.unavailable);
        }
      }),
    );
    return revealed;
  }

  /**
   * Delivers a packet after its visibility change: a session that lost sight of a channel gets a
   * `channel.deleted` for it (its client drops the channel); one that just gained sight of the channel
   * a `channel.updated` is about gets the channel as `channel.created`. Ids derive from the event's, so
   * every gateway (and a resume's dedup by id) sees the same ones.
   */
  private deliverWithMoves(
    packet: RealtimePacket,
    moves: Move[],
    revealed: Map<Session, Channel[]>,
    only?: Session,
  ): void {
    const subject = packet.type === 'channel.updated' ? subjectChannel(packet) : null;
    const shown = new Set<Session>();
    for (const { session, guildId, hidden, shown: gained } of moves) {
      for (const channelId of hidden) {
        const data: EventData<'channel.deleted'> = { channelId, guildId };
        const id = `${packet.id}:hidden:${channelId}`;
        this.deliver({ id, type: 'channel.deleted', data, rooms: [] }, [session]);
      }
      for (const channel of revealed.get(session) ?? []) {
        const data: EventData<'channel.created'> = { channel };
        const id = `${packet.id}:shown:${channel.id}`;
        this.deliver({ id, type: 'channel.created', data, rooms: [] }, [session]);
      }
      if (subject !== null && gained.includes(subject)) shown.add(session);
    }
    const targets = this.targets(packet, only);
    for (const session of shown) targets.delete(session);
    this.deliver(packet, targets);
    if (shown.size > 0) this.deliver({ ...packet, id: `${packet.id}:shown`, type: 'channel.created' }, shown);
  }

  private targets(packet: RealtimePacket, only?: Session): Set<Session> {
    const targets = new Set<Session>();
    for (const room of packet.rooms) {
      for (const session of this.sessionsIn(room, only)) {
        if (session.userId !== packet.exceptUserId) targets.add(session);
      }
    }
    return targets;
  }

  /** The sessions in a room (a copy), or just `only` if it is in it. */
  private sessionsIn(room: string, only?: Session): Session[] {
    const members = this.roomIndex.get(room);
    if (!members) return [];
    if (only) return members.has(only) ? [only] : [];
    return [...members];
  }

  /**
   * Numbers, buffers and writes a dispatch for each target session, synchronously and in packet order:
   * the event is encoded once (dispatch-frame.ts) and buffered in each session's memory (ReplayRing).
   */
  private deliver(packet: RealtimePacket, targets: Iterable<Session>): void {
    const dispatch = encodeDispatch(packet);
    let written = 0;
    for (const session of targets) {
      if (!session.push(dispatch)) continue;
      const socket = session.socket;
      if (socket?.connected && isSlow(socket, this.config.REALTIME_MAX_PENDING_PACKETS)) {
        socket.emit('reconnect', { reason: REALTIME_CLOSE_REASONS.slowConsumer });
        socket.disconnect(true);
        continue;
      }
      written += session.flush();
    }
    if (written > 0) this.metrics.dispatched.inc({ kind: 'sequenced' }, written);
  }

  private deliverEphemeral(packet: RealtimePacket): void {
    const dispatch = encodeDispatch(packet);
    let written = 0;
    for (const session of this.targets(packet)) {
      const socket = session.socket;
      if (socket?.connected && writeDispatch(socket.conn, dispatch, null)) written++;
    }
    if (written > 0) this.metrics.dispatched.inc({ kind: 'ephemeral' }, written);
  }

  private seen(id: string): boolean {
    if (this.recentIds.has(id)) return true;
    this.recentIds.add(id);
    this.recentOrder.push(id);
    if (this.recentOrder.length > RECENT_IDS) this.recentIds.delete(this.recentOrder.shift()!);
    return false;
  }

  // ---------------------------------------------------------------- visibility

  /** Applies a visibility change to this gateway's sessions; answers who gained or lost which channels. */
  private async applyChange(change: VisibilityChange, only?: Session): Promise<Move[]> {
    switch (change.kind) {
      case 'users': {
        this.chat.forgetPermissions();
        const sessions = change.userIds.flatMap((userId) => this.sessionsIn(rooms.user(userId), only));
        return this.recompute(change.guildId, sessions);
      }
      case 'guild': {
        this.chat.forgetPermissions();
        return this.recompute(change.guildId, this.sessionsIn(rooms.guild(change.guildId), only));
      }
      case 'leave-guild':
        for (const session of this.sessionsIn(rooms.user(change.userId), only)) {
          this.setGuild(session, change.guildId, null);
        }
        return [];
      case 'remove-guild':
        for (const session of this.sessionsIn(rooms.guild(change.guildId), only)) {
          this.setGuild(session, change.guildId, null);
        }
        return [];
      case 'remove-channel': {
        const room = rooms.channel(change.channelId);
        for (const session of this.sessionsIn(room, only)) {
          this.leave(session, room);
          for (const channels of session.guildChannels.values()) channels.delete(change.channelId);
        }
        return [];
      }
      case 'fence': {
        // Only sessions still holding the guild ask chat: the first fence of a removal moves them out,
        // the fences of the guild's other channels then cost nothing. Leaving is silent (member.left tells
        // the client); a session whose user is a member again keeps what chat answers.
        const { guildId } = change;
        const sessions = this.sessionsIn(rooms.user(change.userId), only).filter((session) =>
          session.guildChannels.has(guildId),
        );
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
  private setDmRecipients(channelId: string, userIds: readonly string[], only?: Session): Move[] {
    const room = rooms.channel(channelId);
    const recipients = new Set(userIds);
    const moves: Move[] = [];
    for (const session of this.sessionsIn(room, only)) {
      if (recipients.has(session.userId)) continue;
      this.leave(session, room);
      moves.push({ session, guildId: null, shown: [], hidden: [channelId] });
    }
    for (const userId of recipients) {
      for (const session of this.sessionsIn(rooms.user(userId), only)) {
        if (session.rooms.has(room)) continue;
        this.join(session, room);
        moves.push({ session, guildId: null, shown: [channelId], hidden: [] });
      }
    }
    return moves;
  }

  /** Asks chat once per distinct user which channels of the guild they see, and moves their sessions. */
  private async recompute(guildId: string, sessions: Session[]): Promise<Move[]> {
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
            moves.push({ session, guildId, known, ...this.setGuild(session, guildId, channelIds) });
          }
        } catch (error) {
          // Fail closed: without an answer the user's sessions reconnect and get a fresh view.
          this.logger.warn({ err: error, guildId }, 'visibility recompute failed; closing sessions');
          for (const session of userSessions) this.end(session, REALTIME_ERROR_CODES.unavailable);
        }
      }),
    );
    return moves;
  }

  /** Moves a session into the guild's rooms it may see now (null: out of the guild); answers the difference. */
  private setGuild(
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

  private join(session: Session, room: string): void {
    if (session.dropped) return;
    session.rooms.add(room);
    let members = this.roomIndex.get(room);
    if (!members) this.roomIndex.set(room, (members = new Set()));
    members.add(session);
    void session.socket?.join(room);
  }

  private leave(session: Session, room: string): void {
    session.rooms.delete(room);
    const members = this.roomIndex.get(room);
    members?.delete(session);
    if (members?.size === 0) this.roomIndex.delete(room);
    void session.socket?.leave(room);
  }

  // ---------------------------------------------------------------- connections

  /**
   * The handshake: a valid token, the user's handshake rate, then a place under the user's connection cap
   * — claimed in the SessionStore in one atomic step, so parallel handshakes on any number of gateways
   * never hold more than the cap. The claim is released when the socket disconnects, or when its
   * transport closes before the connection completed.
   */
  private async authenticate(socket: RealtimeSocket): Promise<void> {
    if (this.draining) throw new AppError(503, REALTIME_ERROR_CODES.unavailable, 'shutting down');
    const auth = socket.handshake.auth as Record<string, unknown>;
    const token = typeof auth['token'] === 'string' ? auth['token'] : undefined;
    const { identity, exp } = await this.verify(token);
    const { userId } = identity;
    if (!(await this.store.claimHandshake(userId, this.config.REALTIME_HANDSHAKES_PER_MINUTE, 60))) {
      throw new AppError(429, REALTIME_ERROR_CODES.rateLimited, 'too many handshakes');
    }
    const connectionId = `${this.nodeId}/${socket.id}`;
    const cap = this.config.REALTIME_MAX_CONNECTIONS_PER_USER;
    if (!(await this.store.claimConnection(userId, connectionId, cap, CONNECTION_TTL_SECONDS))) {
      throw new AppError(429, REALTIME_ERROR_CODES.tooManyConnections, 'too many connections');
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      socket.conn.off('close', release);
      void this.store.releaseConnection(userId, connectionId).catch(() => undefined);
    };
    socket.conn.once('close', release);
    socket.data = { identity, tokenExp: exp, connectionId, release };
  }

  private async verify(token: string | undefined): Promise<{ identity: CallerIdentity; exp: number }> {
    const identity = await this.verifier.verify(token ? `Bearer ${token}` : undefined);
    return { identity, exp: decodeJwt(token!).exp ?? 0 };
  }

  private onConnection(socket: RealtimeSocket): void {
    socket.on('disconnect', (reason) => {
      socket.data.release();
      // The client left the only namespace: its transport has nothing more to carry (socket.io would
      // keep it open, dropping what follows).
      if (reason === 'client namespace disconnect') socket.conn.close();
    });
    // Revoked between the handshake's check and now: the listener below did not know this socket yet.
    const denied = this.denylist.find(socket.data.identity.sessionId);
    if (denied) return this.endSignIn(denied);
    this.scheduleExpiry(socket);
    // Presence counts this socket as one device of the user until it disconnects.
    socket.data.presenceReported = this.presence.connect(socket.id, socket.data.identity.userId);
    socket.on('disconnect', () => {
      clearTimeout(socket.data.expiryTimer);
      this.presence.disconnect(socket.id);
      const session = socket.data.session;
      if (session) this.detach(session);
    });
    this.limitEvents(socket);
    this.handle(socket, 'presence.idle', ({ idle }) => {
      this.presence.activity(socket.id, idle);
      return { ok: true };
    });
    this.handle(socket, 'auth.refresh', ({ token }) => this.refreshToken(socket, token));
    this.handle(socket, 'typing.start', ({ channelId }) => this.typing(socket, channelId));

    void this.open(socket).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'realtime session could not start');
      socket.emit('reconnect', { reason: REALTIME_ERROR_CODES.unavailable });
      socket.disconnect(true);
    });
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

  /**
   * Runs a client event's handler with its payload (the first argument) once it matches the event's
   * schema (else INVALID_REQUEST naming the fields), and acknowledges its answer.
   */
  private handle<E extends RealtimeClientEvent>(
    socket: RealtimeSocket,
    event: E,
    run: (request: RealtimeClientEvents[E]) => RealtimeAck | Promise<RealtimeAck>,
  ): void {
    socket.on(event as string, (...args: unknown[]) => {
      const reply = replyOf(args);
      const parsed = CLIENT_EVENT_SCHEMAS[event].safeParse(
        typeof args[0] === 'function' ? undefined : args[0],
      );
      if (!parsed.success) {
        reply?.(failure(REALTIME_ERROR_CODES.invalidRequest, describeIssues(parsed.error)));
        return;
      }
      void (async () => run(parsed.data as RealtimeClientEvents[E]))().then(
        (answer) => reply?.(answer),
        (error: unknown) => {
          this.logger.warn({ err: error, event }, 'realtime event failed');
          reply?.(failure(REALTIME_ERROR_CODES.unavailable, 'Try again shortly.'));
        },
      );
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
  private guardTransport(transport: Transport): void {
    const limiter = new EventLimiter({
      perSecond: this.eventLimits.perSecond * PACKET_LIMIT_FACTOR,
      burst: this.eventLimits.burst * PACKET_LIMIT_FACTOR,
      maxRefused: this.eventLimits.maxRefused * PACKET_LIMIT_FACTOR,
    });
    transport.on('packet', () => {
      if (limiter.take() !== 'abusive' || transport.readyState !== 'open') return;
      const sockets = [...(this.io?.of('/').sockets.values() ?? [])].filter((s) => s.conn === transport);
      for (const socket of sockets) this.closeFlooding(socket as RealtimeSocket);
      if (sockets.length === 0) {
        this.metrics.limited.inc({ action: 'closed' });
        transport.close();
      }
    });
  }

  private async open(socket: RealtimeSocket): Promise<void> {
    const auth = socket.handshake.auth as Record<string, unknown>;
    if (typeof auth['sessionId'] === 'string') {
      const lastSeq = typeof auth['lastSeq'] === 'number' ? auth['lastSeq'] : 0;
      const outcome = await this.resume(socket, auth['sessionId'], lastSeq);
      this.metrics.resumes.inc({ outcome: outcome === true ? 'resumed' : 'resync' });
      if (outcome === true) return;
      socket.emit('resync', { reason: outcome } satisfies ResyncPayload);
    }
    await this.start(socket);
  }

  /**
   * A fresh session: the state from chat, presences (one batched call), the rooms, then `ready` (seq 0).
   *
   * No event falls between the snapshot and the rooms: the session captures every packet this gateway
   * processes from before it asks chat for the state (an event processed earlier was committed before the
   * snapshot was read, so the snapshot holds it) until it joins its rooms — a step of the packet queue, so
   * no packet is half-seen. It then catches up on the captured packets in order, as if it had been in its
   * rooms (their visibility changes applied to it alone, the dispatches it is a target of held behind
   * `ready` with seq 1, 2, …). Dispatches the snapshot already shows, captured or arriving later, are
   * not sent (SnapshotCoverage).
   */
  private async start(socket: RealtimeSocket): Promise<void> {
    const { identity } = socket.data;
    const session = this.newSession(randomUUID(), socket);
    session.captured = [];
    this.starting.add(session);
    try {
      const [state] = await Promise.all([this.chat.state(identity), socket.data.presenceReported]);
      const presence = await this.presence.ready(identity, presenceIdsOf(state));
      await this.store.create(session.id, session.userId, session.owner);
      const joined = this.packetQueue.then(() => this.catchUp(session, state));
      this.packetQueue = joined.catch(() => undefined);
      try {
        await joined;
      } catch (error) {
        this.unregister(session);
        void this.store.forget(session.id, session.owner).catch(() => undefined);
        throw error;
      }
      this.attach(session, socket);
      const ready: ReadyPayload = {
        ...state,
        sessionId: session.id,
        seq: 0,
        resumeWindowSeconds: this.config.REALTIME_RESUME_WINDOW_SECONDS,
        presences: presence?.presences ?? [],
        presence: presence
          ? { status: presence.self.status, customStatus: presence.self.customStatus }
          : { status: 'online', customStatus: null },
      };
      socket.emit('ready', ready);
      session.release(0);
      if (!socket.connected) this.detach(session);
    } finally {
      this.starting.delete(session);
      session.captured = null;
    }
  }

  private newSession(sessionId: string, socket: RealtimeSocket): Session {
    const { identity } = socket.data;
    const owner = `${this.nodeId}/${socket.id}`;
    return new Session(sessionId, identity.userId, identity, owner, this.config.REALTIME_REPLAY_BUFFER_SIZE);
  }

  /** Runs in the packet queue: the session joins its rooms, then replays what it captured meanwhile. */
  private async catchUp(session: Session, state: RealtimeState): Promise<void> {
    this.starting.delete(session);
    const captured = session.captured;
    session.captured = null;
    if (captured === 'overflow') throw new Error('too many events while the session started');
    this.register(session, state);
    session.coverage = new SnapshotCoverage(state);
    setTimeout(() => (session.coverage = null), SNAPSHOT_COVERAGE_MS).unref();
    for (const packet of captured ?? []) {
      await this.process(packet, session);
    }
  }

  /**
   * Resume, without loss or duplicates, on any gateway:
   * 1. the session must exist, belong to this user, and its owning gateway be alive (a crashed gateway
   *    took the session's buffer with it: it resyncs rather than silently miss events);
   * 2. the new session joins its rooms here first, held: what arrives meanwhile waits, unnumbered;
   * 3. takeover: the session's owner becomes this connection (compare-and-set);
   * 4. the previous owner lets go and hands its numbering and buffer over — in memory when it is this
   *    gateway, else through the SessionStore after it hears `session-taken` (waited for at most
   *    HANDOVER_TIMEOUT_MS, else resync);
   * 5. the waiting dispatches are numbered after the buffer, minus those it already has (by event id);
   *    then `resumed`, and every dispatch after the client's `lastSeq`, in order.
   */
  private async resume(
    socket: RealtimeSocket,
    sessionId: string,
    lastSeq: number,
  ): Promise<true | ResyncPayload['reason']> {
    const { identity } = socket.data;
    if (!SESSION_ID.test(sessionId)) return 'SESSION_UNKNOWN';
    const stored = await this.store.get(sessionId);
    if (!stored) return 'SESSION_UNKNOWN';
    if (stored.userId !== identity.userId) return 'SESSION_USER_MISMATCH';
    const ownerNode = stored.owner.split('/')[0]!;
    if (ownerNode !== this.nodeId && !(await this.store.isNodeAlive(ownerNode))) return 'SESSION_UNKNOWN';
    const state = await this.chat.state(identity);
    const session = this.newSession(sessionId, socket);
    session.seq = null;
    this.register(session, state);
    try {
      if (!(await this.store.takeover(sessionId, stored.owner, session.owner))) {
        this.unregister(session);
        return 'SESSION_UNKNOWN';
      }
      const handed =
        ownerNode === this.nodeId
          ? this.takeLocal(sessionId, stored.owner)
          : await this.awaitHandOver(sessionId, stored.owner, session.owner);
      if (!handed) {
        this.unregister(session);
        return 'SESSION_UNKNOWN';
      }
      session.adopt(handed.seq, handed.entries);
      const plan = planReplay(
        session.buffered().map(({ seq, dispatch }) => ({ seq, ...dispatch })),
        lastSeq,
        session.seq!,
      );
      if (!plan.ok) {
        this.unregister(session);
        return plan.reason;
      }
      this.attach(session, socket);
      socket.emit('resumed', { sessionId, replayed: plan.entries.length });
      this.metrics.dispatched.inc({ kind: 'replayed' }, session.release(lastSeq));
      // A straggler of the previous owner's stream may still arrive here; keep the ids a while.
      setTimeout(() => (session.skipIds = null), 30_000).unref();
      if (!socket.connected) this.detach(session);
      return true;
    } catch (error) {
      this.unregister(session);
      throw error;
    }
  }

  /** The previous owner is a connection of this gateway: its session's numbering and buffer, and it goes. */
  private takeLocal(
    sessionId: string,
    previousOwner: string,
  ): { seq: number; entries: SequencedDispatch[] } | null {
    const previous = this.sessions.get(previousOwner);
    if (!previous || previous.id !== sessionId || previous.dropped || previous.seq === null) return null;
    const handed = { seq: previous.seq, entries: previous.buffered() };
    this.drop(previous, REALTIME_CLOSE_REASONS.sessionTaken);
    return handed;
  }

  /** Tells the previous owner's gateway, then waits until it has handed the session over. */
  private async awaitHandOver(
    sessionId: string,
    previousOwner: string,
    owner: string,
  ): Promise<{ seq: number; entries: SequencedDispatch[] } | null> {
    this.toPeers(PEER_EVENTS.sessionTaken, sessionId, owner, previousOwner);
    const deadline = Date.now() + HANDOVER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const handed = await this.store.handedOver(sessionId, owner);
      if (handed) return handed.seq < 0 ? null : { seq: handed.seq, entries: sequenced(handed.entries) };
      await new Promise((resolve) => setTimeout(resolve, HANDOVER_POLL_MS));
    }
    this.logger.warn({ sessionId }, 'the previous gateway did not hand the session over in time; resync');
    return null;
  }

  private register(session: Session, state: RealtimeState): void {
    this.sessions.set(session.owner, session);
    this.join(session, rooms.user(session.userId));
    for (const guild of state.guilds) {
      this.setGuild(
        session,
        guild.guild.id,
        guild.channels.map((channel) => channel.id),
      );
    }
    for (const dm of state.dms) this.join(session, rooms.channel(dm.id));
  }

  private attach(session: Session, socket: RealtimeSocket): void {
    session.socket = socket;
    socket.data.session = session;
    void socket.join([...session.rooms, rooms.session(session.id)]);
  }

  private detach(session: Session): void {
    if (session.dropped || !session.socket) return;
    session.socket = null;
    clearTimeout(session.detachTimer);
    session.detachTimer = setTimeout(
      () => this.unregister(session),
      this.config.REALTIME_RESUME_WINDOW_SECONDS * 1_000,
    );
    session.detachTimer.unref();
  }

  private unregister(session: Session): void {
    session.dropped = true;
    clearTimeout(session.detachTimer);
    for (const room of [...session.rooms]) this.leave(session, room);
    if (this.sessions.get(session.owner) === session) this.sessions.delete(session.owner);
  }

  private drop(session: Session, reason: string): void {
    if (session.dropped) return;
    this.unregister(session);
    const socket = session.socket;
    session.socket = null;
    if (socket?.connected) {
      socket.emit('reconnect', { reason });
      socket.disconnect(true);
    }
  }

  /** Drops a session and deletes it in Redis (if still ours): resuming it answers resync. */
  private end(session: Session, reason: string): void {
    if (session.dropped) return;
    this.drop(session, reason);
    void this.store.forget(session.id, session.owner).catch(() => undefined);
  }

  /**
   * A sign-in session was ended (every gateway hears it, see SessionRevocations): its sockets here get
   * `session.ended` and are closed, and their realtime sessions are forgotten (no resume).
   */
  private endSignIn(entry: DeniedSession): void {
    for (const socket of this.io?.of('/').sockets.values() ?? []) {
      const data = (socket as RealtimeSocket).data as Partial<SocketData>;
      if (data.identity?.sessionId !== entry.sessionId) continue;
      const session = data.session;
      if (session && !session.dropped) {
        this.unregister(session);
        session.socket = null;
        void this.store.forget(session.id, session.owner).catch(() => undefined);
      }
      socket.emit('session.ended', { reason: entry.reason } satisfies SessionEndedPayload);
      socket.disconnect(true);
    }
  }

  /**
   * Another gateway's connection `owner` took over session `sessionId` from `previousOwner`: if that was a
   * connection of this gateway, the session stops here and its numbering and buffer go to the new owner
   * (seq -1 when this gateway no longer had it: the resume answers resync at once).
   */
  private onSessionTaken(sessionId: string, owner: string, previousOwner?: string): void {
    if (!previousOwner || previousOwner.split('/')[0] !== this.nodeId) return;
    const session = this.sessions.get(previousOwner);
    const held = session && session.id === sessionId && !session.dropped;
    const handOver = held ? session.handOver() : { seq: -1, entries: [] };
    if (held) this.drop(session, REALTIME_CLOSE_REASONS.sessionTaken);
    void this.store.handOver(sessionId, owner, handOver).catch((error: unknown) => {
      this.logger.warn({ err: error, sessionId }, 'session could not be handed over');
    });
  }

  // ---------------------------------------------------------------- tokens

  private scheduleExpiry(socket: RealtimeSocket): void {
    clearTimeout(socket.data.expiryTimer);
    const delay = Math.max(0, socket.data.tokenExp * 1_000 - Date.now());
    socket.data.expiryTimer = setTimeout(
      () => {
        socket.emit('auth.expired', { reason: REALTIME_CLOSE_REASONS.tokenExpired });
        socket.disconnect(true);
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    socket.data.expiryTimer.unref();
  }

  private async refreshToken(socket: RealtimeSocket, token: string): Promise<RealtimeAck> {
    try {
      const { identity, exp } = await this.verify(token);
      if (identity.userId !== socket.data.identity.userId) {
        return failure(REALTIME_ERROR_CODES.userMismatch, 'The token belongs to another user.');
      }
      socket.data.tokenExp = exp;
      this.scheduleExpiry(socket);
      return { ok: true };
    } catch (error) {
      const code = handshakeErrorCode(error);
      return failure(code, error instanceof Error ? error.message : code);
    }
  }

  // ---------------------------------------------------------------- typing

  /**
   * Typing is ephemeral: checked against chat (SEND_MESSAGES, cached per user and channel for 30 s),
   * rate-limited in Redis (one per user and channel per interval, across gateways), sent to the channel's
   * other sessions on every gateway without Kafka, without a sequence number and without buffering — a
   * resumed client has no use for a typing indicator that has long expired.
   */
  private async typing(socket: RealtimeSocket, channelId: string): Promise<RealtimeAck> {
    const { identity } = socket.data;
    let permissions: bigint | null;
    try {
      permissions = await this.chat.channelPermissions(identity, channelId);
    } catch {
      return failure(REALTIME_ERROR_CODES.unavailable, 'Try again shortly.');
    }
    if (permissions === null) return failure(REALTIME_ERROR_CODES.unknownChannel, 'Unknown channel.');
    if (!has(permissions, PERMISSIONS.SEND_MESSAGES)) {
      return failure(REALTIME_ERROR_CODES.missingPermission, 'You need the SEND_MESSAGES permission.');
    }
    const fresh = await this.store
      .claimTyping(identity.userId, channelId, this.config.REALTIME_TYPING_INTERVAL_SECONDS)
      .catch(() => true);
    if (!fresh) return failure(REALTIME_ERROR_CODES.rateLimited, 'Typing was sent a moment ago.');
    const guildId = this.guildOfChannel(socket.data.session, channelId);
    const data: TypingStarted = {
      channelId,
      guildId,
      userId: identity.userId,
      expiresAt: new Date(Date.now() + TYPING_TTL_MS).toISOString(),
    };
    const packet: RealtimePacket = {
      id: randomUUID(),
      type: 'typing.started',
      data,
      rooms: [rooms.channel(channelId)],
      exceptUserId: identity.userId,
      ephemeral: true,
    };
    this.toPeers(PEER_EVENTS.packet, packet);
    await this.receive(packet);
    return { ok: true };
  }

  private guildOfChannel(session: Session | undefined, channelId: string): string | null {
    for (const [guildId, channels] of session?.guildChannels ?? [])
      if (channels.has(channelId)) return guildId;
    return null;
  }
}

/** Whose presence `ready` carries: the first member page of each guild and the DM recipients. */
function presenceIdsOf(state: RealtimeState): string[] {
  const ids = new Set<string>();
  for (const guild of state.guilds) for (const userId of guild.members.userIds) ids.add(userId);
  for (const dm of state.dms) for (const userId of dm.recipientIds) ids.add(userId);
  ids.delete(state.user.id);
  return [...ids];
}

/** The acknowledgement callback of an event: its last argument, when the client asked for one. */
function replyOf(args: unknown[]): Reply | undefined {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as Reply) : undefined;
}

function failure(code: RealtimeErrorCode, message: string): RealtimeAck {
  return { ok: false, code, message };
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

/** A client that does not read: engine.io's write buffer keeps growing (packets not yet flushed). */
function isSlow(socket: RealtimeSocket, maxPending: number): boolean {
  const conn = socket.conn as unknown as { writeBuffer?: unknown[] };
  return (conn.writeBuffer?.length ?? 0) > maxPending;
}

/** The channel a channel.created/updated packet is about, else null. */
function subjectChannel(packet: RealtimePacket): string | null {
  return packet.type === 'channel.created' || packet.type === 'channel.updated'
    ? (packet.data as ChannelEvent).channel.id
    : null;
}
