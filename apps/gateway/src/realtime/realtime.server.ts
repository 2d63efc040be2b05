import { REALTIME_CLOSE_REASONS } from '@bonfire/contracts';
import { HealthRegistry } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { SessionDenylist } from '../tokens/session-denylist';
import { ConnectionService, handshakeErrorCode } from './connection.service';
import type { RealtimePacket } from './realtime-packet';
import { FanOutService } from './fan-out.service';
import { GatewayPeers } from './gateway-peers';
import { PresenceRealtimeClient } from './presence-realtime.client';
import { RealtimeMetrics } from './realtime-metrics';
import { PEER_EVENTS, RealtimeNode } from './realtime-node';
import type { RealtimeSocket } from './realtime-session';
import { ResumeService } from './resume.service';
import { SessionRegistry } from './session-registry';
import { SessionStore } from './session-store';
import { slicedInterval } from './sliced-interval';

const NODE_HEARTBEAT_SECONDS = 15;
const CONNECTION_REFRESH_MS = 10_000;
/** How often connections whose token expired are closed (tokens expire on a second). */
const EXPIRY_SWEEP_MS = 1_000;

/**
 * The realtime edge's life: wiring the socket.io server RealtimeGateway was given to the providers that do
 * the work (ConnectionService, FanOutService, ResumeService…), the readiness checks, the timers (this
 * gateway's heartbeat, the sessions' and connections' TTLs), the consumer group, then drain and shutdown
 * in order. (Standalone shape: one gateway, so no peers, the in-process event bus and the in-memory
 * session store; the same code runs.)
 */
@Injectable()
export class RealtimeServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];
  private draining?: Promise<void>;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly node: RealtimeNode,
    private readonly store: SessionStore,
    private readonly peers: GatewayPeers,
    private readonly registry: SessionRegistry,
    private readonly connections: ConnectionService,
    private readonly fanOut: FanOutService,
    private readonly resume: ResumeService,
    private readonly presence: PresenceRealtimeClient,
    private readonly denylist: SessionDenylist,
    private readonly health: HealthRegistry,
    metrics: RealtimeMetrics,
  ) {
    metrics.observe({
      sockets: () => node.server?.engine.clientsCount ?? 0,
      sessions: () => registry.size,
    });
  }

  /**
   * The socket.io server RealtimeGateway was given (created by RealtimeIoAdapter): the transport guard,
   * the handshake and the events from the other gateways.
   */
  attachServer(io: Server): void {
    this.node.server = io;
    io.engine.on('connection', (transport: RealtimeSocket['conn']) =>
      this.connections.guardTransport(transport),
    );
    io.use((socket, next) => {
      this.connections.authenticate(socket as RealtimeSocket).then(
        () => next(),
        (error: unknown) => next(new Error(handshakeErrorCode(error))),
      );
    });
    io.on(PEER_EVENTS.packet, (packet: RealtimePacket) => void this.fanOut.receive(packet));
    io.on(PEER_EVENTS.sessionTaken, (sessionId: string, owner: string, previousOwner?: string) =>
      this.resume.onSessionTaken(sessionId, owner, previousOwner),
    );
  }

  /** Joins the consumer group (readiness stays down until it has) and starts the timers. */
  async onApplicationBootstrap(): Promise<void> {
    this.health.register('realtime-adapter', () => this.peers.check());
    this.health.register('realtime-consumer', async () => this.fanOut.check());

    const heartbeat = () =>
      void this.store.heartbeat(this.node.id, NODE_HEARTBEAT_SECONDS).catch(() => undefined);
    heartbeat();
    const refresh = (inSlice: (sessionId: string) => boolean) => {
      const live = this.registry
        .all()
        .filter((s) => s.socket && inSlice(s.id))
        .map((s) => s.id);
      void this.store.refresh(live).catch(() => undefined);
    };
    this.timers = [
      setInterval(heartbeat, (NODE_HEARTBEAT_SECONDS * 1_000) / 3),
      slicedInterval((this.config.REALTIME_RESUME_WINDOW_SECONDS * 1_000) / 4, refresh),
      slicedInterval(CONNECTION_REFRESH_MS, (inSlice) => this.connections.refreshConnections(inSlice)),
      setInterval(() => this.connections.closeExpired(), EXPIRY_SWEEP_MS),
    ];
    for (const timer of this.timers) timer.unref();
    this.presence.start();
    this.denylist.onDenied((entry) => this.connections.endSignIn(entry));
    // Packets from the other gateways were lost while the link to them was down: no session here can
    // resume without a gap, so each is ended (its resume answers resync; its client refills from history).
    this.peers.onLinkRestored(() => {
      for (const session of this.registry.all()) {
        this.registry.end(session, REALTIME_CLOSE_REASONS.peerLinkLost);
      }
    });
    await this.fanOut.start();
  }

  /** Stops taking sockets: tells every client to reconnect elsewhere, keeps buffering until they resume. */
  drain(): Promise<void> {
    this.node.draining = true;
    this.draining ??= (async () => {
      if (!this.node.server) return;
      for (const session of this.registry.all()) {
        const socket = session.socket;
        if (!socket) continue;
        socket.emit('reconnect', { reason: REALTIME_CLOSE_REASONS.shuttingDown });
        socket.disconnect(true);
      }
      // Detached sessions keep buffering here until their clients resume on another gateway (takeover).
      const deadline = Date.now() + this.config.REALTIME_DRAIN_TIMEOUT_MS;
      while (this.peers.canHandOver && this.registry.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    return this.draining;
  }

  /** After the drain: the timers, presence, the consumer and the packet queue, the sessions, the server. */
  async onApplicationShutdown(): Promise<void> {
    await this.drain();
    for (const timer of this.timers) clearInterval(timer);
    await this.presence.stop();
    await this.fanOut.stop();
    for (const session of this.registry.all()) this.registry.unregister(session);
    await this.store.forgetNode(this.node.id).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const io = this.node.server;
      if (!io) return resolve();
      // io.close() also closes the HTTP server, already closed by the shutdown sequence.
      void io.close(() => resolve());
    });
    await this.peers.close();
  }
}
