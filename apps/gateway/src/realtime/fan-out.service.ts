import { type AnyEvent, type EventData, REALTIME_CLOSE_REASONS } from '@bonfire/contracts';
import { type EventBus, InjectEventBus, RecentSet, type Subscription } from '@bonfire/messaging';
import { ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { type EncodedDispatch, encodeDispatch, SharedBatches, writeEphemeral } from './dispatch-frame';
import { IntentsFilter } from './intents-filter';
import { toPackets } from './event-routing';
import { REALTIME_TOPICS, type RealtimePacket } from './realtime-packet';
import { RealtimeMetrics } from './realtime-metrics';
import { PEER_EVENTS, RealtimeNode } from './realtime-node';
import type { RealtimeSession as Session, RealtimeSocket } from './realtime-session';
import { SessionRegistry } from './session-registry';
import { type Move, subjectChannel, VisibilityService } from './visibility.service';

const RECENT_IDS = 20_000;
/** Packets a starting session may capture while chat builds its snapshot; beyond it the start fails. */
const MAX_CAPTURED = 10_000;
/** How many packets the queue processes before it lets the event loop turn (yieldNow()). */
const PACKETS_PER_TURN = 64;
/** How often the realtime group commits what it consumed (the Kafka default commits after every fetch). */
const COMMIT_INTERVAL_MS = 1_000;

/**
 * Fan-out. All gateways are one Kafka consumer group; the gateway that consumes an event maps it to a
 * packet (rooms + visibility change, see event-routing.ts) and broadcasts it to every gateway
 * (serverSideEmit) and to itself. Each gateway processes packets one at a time, in arrival order (the
 * packet queue): it applies the visibility change to its own sessions (VisibilityService), then gives each
 * of its sessions in the rooms the next sequence number, keeps the dispatch in the session's replay ring
 * and writes it. Ephemeral packets (typing) skip the queue, the numbering and the rings.
 */
@Injectable()
export class FanOutService {
  private readonly logger;
  private subscription?: Subscription;
  private consumerReady = false;
  private packetQueue: Promise<void> = Promise.resolve();
  /** Packet ids handled lately: a repeat (Kafka redelivers, every peer forwards) is dropped. */
  private readonly recentIds = new RecentSet<string>(RECENT_IDS);
  /** Brand-new sessions capturing packets until their snapshot is in (see ResumeService.start()). */
  private readonly starting = new Set<Session>();
  /** Sessions of batching clients with dispatches to write when the batch window ends. */
  private readonly batched = new Set<Session>();
  private batchTimer: NodeJS.Timeout | null = null;
  /**
   * The encoding of each packet starting sessions captured, so that their catch-up (process(packet,
   * session)) buffers the dispatch the live sessions have rather than one copy per session: in a reconnect
   * storm every packet is captured by every session still starting.
   */
  private readonly capturedEncodings = new WeakMap<RealtimePacket, EncodedDispatch>();
  private sinceYield = 0;
  /** A batching session's unwritten dispatches are written at once from here on (half its replay ring). */
  private readonly maxBatched: number;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @InjectEventBus() private readonly bus: EventBus,
    private readonly registry: SessionRegistry,
    private readonly visibility: VisibilityService,
    private readonly metrics: RealtimeMetrics,
    private readonly node: RealtimeNode,
    private readonly intents: IntentsFilter,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('realtime-fan-out');
    this.maxBatched = Math.max(1, Math.floor(config.REALTIME_REPLAY_BUFFER_SIZE / 2));
  }

  /** Throws until this gateway is in the consumer group (readiness). */
  check(): void {
    if (!this.consumerReady)
      throw new Error(`not in consumer group ${this.config.REALTIME_CONSUMER_GROUP} yet`);
  }

  /** Joins the consumer group (retried every 2 s until it has, unless the gateway drains meanwhile). */
  async start(): Promise<void> {
    try {
      this.subscription = await this.bus.subscribe({
        group: this.config.REALTIME_CONSUMER_GROUP,
        topics: REALTIME_TOPICS,
        startFrom: 'latest',
        // Each event is a fetch of its own: committing per fetch would be a Kafka round trip per event.
        // What a crash hands over twice, every gateway drops by packet id (`seen`).
        commitIntervalMs: COMMIT_INTERVAL_MS,
        retry: { maxRetries: 3, initialDelayMs: 100 },
        handler: (event) => this.fanOut(event),
      });
      this.consumerReady = true;
    } catch (error) {
      if (this.node.draining) return;
      this.logger.error({ err: error }, 'realtime consumer failed to start; retrying');
      setTimeout(() => void this.start(), 2_000).unref();
    }
  }

  /** Leaves the consumer group, then lets the packet queue run dry and writes the open batches. */
  async stop(): Promise<void> {
    await this.subscription?.close().catch(() => undefined);
    await this.packetQueue;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.writeBatches();
  }

  /** Runs `task` in the packet queue (after every packet received before it); a failure stays the caller's. */
  enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.packetQueue.then(task);
    this.packetQueue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The one gateway that consumed the event sends it to every gateway, itself included. */
  private async fanOut(event: AnyEvent): Promise<void> {
    const packets = toPackets(event);
    if (packets.length === 0) return;
    this.metrics.consumed.inc();
    for (const packet of packets) {
      this.node.toPeers(PEER_EVENTS.packet, packet);
      await this.receive(packet);
    }
  }

  /** A packet from this gateway's consumer or from another gateway (each packet once, by id). */
  receive(packet: RealtimePacket): Promise<void> {
    if (!this.recentIds.add(packet.id)) return Promise.resolve();
    if (packet.ephemeral) {
      this.deliverEphemeral(packet);
      return Promise.resolve();
    }
    this.packetQueue = this.packetQueue
      .then(() => this.process(packet))
      .catch((error: unknown) => this.logger.error({ err: error, type: packet.type }, 'packet failed'))
      .then(() => this.yieldNow());
    return this.packetQueue;
  }

  /** From now until endCapture(), the starting session captures every packet this gateway processes. */
  startCapture(session: Session): void {
    session.captured = [];
    this.starting.add(session);
  }

  /** Stops capturing for the session; answers what it captured (null if it was not capturing). */
  endCapture(session: Session): RealtimePacket[] | 'overflow' | null {
    this.starting.delete(session);
    const captured = session.captured;
    session.captured = null;
    return captured;
  }

  /**
   * Applies a packet's visibility change and delivers it. `only`: a starting session catching up on a
   * packet it captured (ResumeService.catchUp()) — the change and the delivery concern that session alone.
   */
  async process(packet: RealtimePacket, only?: Session): Promise<void> {
    if (!only) this.capture(packet);
    const moves =
      packet.change && !packet.changeAfter ? await this.visibility.applyChange(packet.change, only) : [];
    const revealed = await this.visibility.revealedChannels(packet, moves);
    if (packet.type) this.deliverWithMoves(packet, moves, revealed, only);
    if (packet.change && packet.changeAfter) await this.visibility.applyChange(packet.change, only);
  }

  private capture(packet: RealtimePacket): void {
    for (const session of this.starting) {
      if (session.captured === null || session.captured === 'overflow') continue;
      if (session.captured.length >= MAX_CAPTURED) session.captured = 'overflow';
      else session.captured.push(packet);
    }
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
    revealed: Map<Session, EventData<'channel.created'>['channel'][]>,
    only?: Session,
  ): void {
    const subject = packet.type === 'channel.updated' ? subjectChannel(packet) : null;
    const shown = new Set<Session>();
    for (const { session, guildId, hidden, shown: gained, known } of moves) {
      for (const channelId of hidden) {
        const data: EventData<'channel.deleted'> = { channelId, guildId };
        const id = `${packet.id}:hidden:${channelId}`;
        this.deliver({ id, type: 'channel.deleted', data, rooms: [] }, [session]);
      }
      if (known && guildId !== null && !session.guildChannels.has(guildId)) {
        // Chat no longer counts the user a member of a guild the session had (the guild was deleted, or
        // the user removed, while this change was applied): the session has left the guild's room, so the
        // guild.deleted that may follow would not reach it. The client drops the guild now.
        const data: EventData<'guild.deleted'> = { guildId };
        this.deliver({ id: `${packet.id}:gone:${guildId}`, type: 'guild.deleted', data, rooms: [] }, [
          session,
        ]);
      }
      for (const channel of revealed.get(session) ?? []) {
        const data: EventData<'channel.created'> = { channel };
        const id = `${packet.id}:shown:${channel.id}`;
        this.deliver({ id, type: 'channel.created', data, rooms: [] }, [session]);
      }
      if (subject !== null && gained.includes(subject)) shown.add(session);
    }
    const targets = this.registry.targets(packet, only);
    for (const session of shown) targets.delete(session);
    this.deliver(packet, targets);
    if (shown.size > 0) this.deliver({ ...packet, id: `${packet.id}:shown`, type: 'channel.created' }, shown);
  }

  /**
   * Numbers, buffers and writes a dispatch for each target session, synchronously and in packet order:
   * the event is encoded once (dispatch-frame.ts) and buffered in each session's memory (ReplayRing).
   * Batching clients get a dispatch at once when none came for the last window (no added latency for
   * sparse traffic); it opens a batch window, and what comes within it is written together at its end.
   */
  private deliver(packet: RealtimePacket, targets: Iterable<Session>): void {
    const dispatch = this.encodingOf(packet);
    const variants: { stripped?: EncodedDispatch } = {};
    const windowOpen = this.batchTimer !== null;
    const batches = new SharedBatches();
    let batching = false;
    let written = 0;
    for (const session of targets) {
      // Bots' intents (IntentsFilter): users' sessions always get the shared encoding.
      const own = session.intents === null ? dispatch : this.intents.variant(session, dispatch, variants);
      if (!own || !session.push(own)) continue;
      const socket = session.socket;
      if (socket?.connected && isSlow(socket, this.config.REALTIME_MAX_PENDING_PACKETS)) {
        socket.emit('reconnect', { reason: REALTIME_CLOSE_REASONS.slowConsumer });
        socket.disconnect(true);
        continue;
      }
      if (socket?.data.batching) {
        batching = true;
        // A backlog fills a window faster than its timer can fire: write before the ring would wrap.
        if (windowOpen && session.unwritten < this.maxBatched) {
          this.batched.add(session);
          continue;
        }
      }
      written += session.flush(batches);
    }
    if (written > 0) this.metrics.dispatched.inc({ kind: 'sequenced' }, written);
    if (batching && !windowOpen) this.openBatchWindow();
  }

  /** A packet encoded once, even when starting sessions catch up on it later (capturedEncodings). */
  private encodingOf(packet: RealtimePacket): EncodedDispatch {
    const known = this.capturedEncodings.get(packet);
    if (known) return known;
    const dispatch = encodeDispatch(packet);
    // process() captured the packet before its delivery: whoever is starting now has it.
    if (this.starting.size > 0) this.capturedEncodings.set(packet, dispatch);
    return dispatch;
  }

  private openBatchWindow(): void {
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null;
      // A window with traffic opens the next one; a quiet one closes, so the next dispatch goes at once.
      if (this.writeBatches() > 0) this.openBatchWindow();
    }, this.config.REALTIME_BATCH_WINDOW_MS);
  }

  /** Each batching session with dispatches since its last write gets them, in one frame. */
  private writeBatches(): number {
    let written = 0;
    const batches = new SharedBatches();
    for (const session of this.batched) written += session.flush(batches);
    this.batched.clear();
    if (written > 0) this.metrics.dispatched.inc({ kind: 'sequenced' }, written);
    return written;
  }

  private deliverEphemeral(packet: RealtimePacket): void {
    const dispatch = encodeDispatch(packet);
    let written = 0;
    const variants: { stripped?: EncodedDispatch } = {};
    for (const session of this.registry.targets(packet)) {
      const socket = session.socket;
      const own = session.intents === null ? dispatch : this.intents.variant(session, dispatch, variants);
      if (own && socket?.connected && writeEphemeral(socket.conn, own)) written++;
    }
    if (written > 0) this.metrics.dispatched.inc({ kind: 'ephemeral' }, written);
  }

  /**
   * Every PACKETS_PER_TURN packets the queue lets the event loop turn: a backlog is a chain of promises that
   * never waits for I/O, and would otherwise hold back timers (batch windows) and sockets until it is done.
   */
  private yieldNow(): Promise<void> | undefined {
    if (++this.sinceYield < PACKETS_PER_TURN) return undefined;
    this.sinceYield = 0;
    return new Promise((resolve) => setImmediate(resolve));
  }
}

/** A client that does not read: engine.io's write buffer keeps growing (packets not yet flushed). */
function isSlow(socket: RealtimeSocket, maxPending: number): boolean {
  const conn = socket.conn as unknown as { writeBuffer?: unknown[] };
  return (conn.writeBuffer?.length ?? 0) > maxPending;
}
