import type { VoiceState, VoiceWelcome } from '@bonfire/contracts';
import { MetricsService, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { types } from 'mediasoup';
import { Gauge } from 'prom-client';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { type WorkerSlot, WorkerPool } from '../workers/worker-pool';
import { PeerMediaService } from './peer-media.service';
import { pickRouter, sourcePermissionRefusal } from './placement-rules';
import { Peer, type PeerSink, Room, type RoomRouter } from './room';

const MEDIA_CODECS: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: { 'x-google-start-bitrate': 1000 } },
];

interface NewPeer {
  sessionId: string;
  userId: string;
  guildId: string | null;
  channelId: string;
  state: VoiceState;
  permissions: bigint;
  sink: PeerSink;
}

type SpeakingListener = (room: Room, userId: string, speaking: boolean) => void;

/**
 * The rooms this node hosts: one per voice channel, a router per room on the worker carrying the fewest
 * consumers, more routers (on other workers, fed by pipeToRouter) when a router carries
 * VOICE_MAX_CONSUMERS_PER_ROUTER, and an AudioLevelObserver per room for speaking indicators. What each
 * peer sends and receives (transports, producers, consumers) is PeerMediaService's.
 */
@Injectable()
export class RoomsService implements OnModuleInit {
  readonly rooms = new Map<string, Room>();
  private readonly creating = new Map<string, Promise<Room>>();
  private readonly sessions = new Map<string, Peer>();
  private readonly speakingListeners: SpeakingListener[] = [];
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    private readonly pool: WorkerPool,
    private readonly metrics: MetricsService,
    private readonly media: PeerMediaService,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('rooms');
  }

  onModuleInit(): void {
    this.pool.on('died', (slot) => this.onWorkerDied(slot));
    const gauge = (name: string, help: string, value: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.metrics.registry],
        collect() {
          this.set(value());
        },
      });
    gauge('voice_workers', 'Live mediasoup workers', () => this.pool.slots.filter((s) => s.alive).length);
    gauge('voice_rooms', 'Voice rooms hosted by this node', () => this.rooms.size);
    gauge('voice_peers', 'Clients connected to signaling', () => this.sessions.size);
    gauge('voice_transports', 'WebRTC transports', () => this.count((peer) => peer.transports.size));
    gauge('voice_producers', 'Producers (clients sending media)', () => this.count((p) => p.producers.size));
    gauge('voice_consumers', 'Consumers (media sent to clients)', () => this.count((p) => p.consumers.size));
  }

  onSpeaking(listener: SpeakingListener): void {
    this.speakingListeners.push(listener);
  }

  peer(sessionId: string): Peer | undefined {
    return this.sessions.get(sessionId);
  }

  hasSession(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  /** Why this node cannot host rooms (no mediasoup worker binary), or null when it can. */
  get mediaUnavailable(): string | null {
    return this.pool.unavailable;
  }

  /** Consumers on this node's workers (the node's load in the placement registry). */
  get load(): number {
    return this.pool.totalConsumers;
  }

  // ---------------------------------------------------------------- peers

  /** Adds a connected client to its channel's room (creating it) and answers its `welcome`. */
  async addPeer(init: NewPeer): Promise<{ peer: Peer; welcome: VoiceWelcome }> {
    const previous = this.sessions.get(init.sessionId);
    if (previous) this.removePeer(previous);
    const room = await this.room(init.channelId, init.guildId);
    const router = await room.exclusive(
      async () =>
        pickRouter(room.routers, this.config.VOICE_MAX_CONSUMERS_PER_ROUTER) ?? (await this.addRouter(room)),
    );
    // The room's last peer may have left (closing it) while this one was being placed: start over.
    if (room.closed) return this.addPeer(init);
    const peer = new Peer(init.sessionId, init.userId, init.state, init.permissions, init.sink, room, router);
    const others = [...room.peers.values()].map((other) => other.describe());
    room.peers.set(peer.sessionId, peer);
    this.sessions.set(peer.sessionId, peer);
    room.broadcast('peer.joined', peer.describe(), peer);
    return {
      peer,
      welcome: {
        channelId: room.channelId,
        routerRtpCapabilities: peer.router.router.rtpCapabilities as unknown as Record<string, unknown>,
        peers: others,
      },
    };
  }

  /** Closes everything a client had (transports, producers, consumers); the room closes when empty. */
  removePeer(peer: Peer): void {
    if (peer.closed) return;
    peer.closed = true;
    const room = peer.room;
    if (this.sessions.get(peer.sessionId) === peer) this.sessions.delete(peer.sessionId);
    room.peers.delete(peer.sessionId);
    for (const entry of peer.producers.values()) {
      room.producers.delete(entry.producer.id);
      room.broadcast('producer.closed', { producerId: entry.producer.id });
    }
    for (const transport of peer.transports.values()) transport.close();
    peer.transports.clear();
    peer.producers.clear();
    peer.consumers.clear();
    room.broadcast('peer.left', { userId: peer.userId });
    if (room.speaking.delete(peer.userId)) this.emitSpeaking(room, peer.userId, false);
    if (room.peers.size === 0) this.closeRoom(room);
  }

  /** A new voice state for a connected session (mute, deafen): pauses follow it, the room hears of it. */
  async updateState(sessionId: string, state: VoiceState): Promise<void> {
    const peer = this.sessions.get(sessionId);
    if (!peer || peer.closed) return;
    peer.state = state;
    await this.media.followState(peer);
    peer.room.broadcast('peer.updated', { userId: peer.userId, state });
  }

  /**
   * The member's permissions in the channel changed (chat): later `produce` requests follow them, and
   * producers from a source they no longer allow (microphone without SPEAK, camera or screen without
   * STREAM) are closed (the room, owner included, hears `producer.closed`; consumers of them close).
   * Answers whether a producer was closed.
   */
  updatePermissions(sessionId: string, permissions: bigint): boolean {
    const peer = this.sessions.get(sessionId);
    if (!peer || peer.closed) return false;
    peer.permissions = permissions;
    let closed = false;
    for (const entry of [...peer.producers.values()]) {
      if (sourcePermissionRefusal(entry.source, permissions) === null || entry.producer.closed) continue;
      entry.producer.close();
      closed = true;
    }
    if (closed) this.logger.debug({ userId: peer.userId }, 'closed producers the member may no longer send');
    return closed;
  }

  join(peer: Peer, rtpCapabilities: Record<string, unknown>): void {
    peer.rtpCapabilities = rtpCapabilities as unknown as types.RtpCapabilities;
  }

  /** Tells every client of this node the service stops, and closes their rooms. */
  shutdown(): void {
    for (const peer of [...this.sessions.values()]) {
      peer.sink.end({ reason: 'shutting-down' });
      this.removePeer(peer);
    }
  }

  // ---------------------------------------------------------------- internals

  private count(of: (peer: Peer) => number): number {
    let total = 0;
    for (const peer of this.sessions.values()) total += of(peer);
    return total;
  }

  private async room(channelId: string, guildId: string | null): Promise<Room> {
    const existing = this.rooms.get(channelId);
    if (existing && !existing.closed) return existing;
    let creating = this.creating.get(channelId);
    if (!creating) {
      creating = this.createRoom(channelId, guildId).finally(() => this.creating.delete(channelId));
      this.creating.set(channelId, creating);
    }
    return creating;
  }

  private async createRoom(channelId: string, guildId: string | null): Promise<Room> {
    const room = new Room(channelId, guildId);
    const first = await this.addRouter(room);
    const observer = await first.router.createAudioLevelObserver({
      maxEntries: 16,
      threshold: this.config.VOICE_SPEAKING_THRESHOLD_DB,
      interval: this.config.VOICE_SPEAKING_INTERVAL_MS,
    });
    room.observer = observer;
    observer.on('volumes', (volumes) => {
      const users = new Set<string>();
      for (const { producer } of volumes) {
        const owner = room.producers.get(producer.id);
        if (owner) users.add(owner.peer.userId);
      }
      this.setSpeaking(room, users);
    });
    observer.on('silence', () => this.setSpeaking(room, new Set()));
    this.rooms.set(channelId, room);
    this.logger.debug({ channelId, worker: first.slot.index }, 'room opened');
    return room;
  }

  /** A router for the room on the least-loaded worker it does not use yet, fed every existing producer. */
  private async addRouter(room: Room): Promise<RoomRouter> {
    const used = new Set(room.routers.map((entry) => entry.slot.index));
    const slot = this.pool.leastLoaded(used);
    const router = await slot.worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    const entry: RoomRouter = { router, slot, consumers: 0 };
    for (const producer of room.producers.values()) {
      await producer.peer.router.router.pipeToRouter({ producerId: producer.producer.id, router });
    }
    room.routers.push(entry);
    if (room.closed) router.close();
    if (room.routers.length > 1) {
      this.logger.info(
        { channelId: room.channelId, routers: room.routers.length, worker: slot.index },
        'room outgrew its routers: piping producers to a new router',
      );
    }
    return entry;
  }

  private closeRoom(room: Room): void {
    if (room.closed) return;
    room.closed = true;
    for (const entry of room.routers) entry.router.close();
    if (this.rooms.get(room.channelId) === room) this.rooms.delete(room.channelId);
    this.logger.debug({ channelId: room.channelId }, 'room closed');
  }

  private onWorkerDied(slot: WorkerSlot): void {
    for (const room of [...this.rooms.values()]) {
      if (!room.usesSlot(slot.index)) continue;
      for (const peer of [...room.peers.values()]) {
        peer.sink.end({ reason: 'worker-died' });
        this.removePeer(peer);
      }
      this.closeRoom(room);
    }
  }

  private setSpeaking(room: Room, now: Set<string>): void {
    const before = room.speaking;
    room.speaking = now;
    for (const userId of now) if (!before.has(userId)) this.emitSpeaking(room, userId, true);
    for (const userId of before) if (!now.has(userId)) this.emitSpeaking(room, userId, false);
  }

  private emitSpeaking(room: Room, userId: string, speaking: boolean): void {
    room.broadcast('speaking', { userId, speaking });
    for (const listener of this.speakingListeners) listener(room, userId, speaking);
  }
}
