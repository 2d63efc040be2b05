import type { Server } from 'node:http';
import { ERROR, type VoiceStatus } from '@bonfire/contracts';
import { AppError, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VOICE_NODE_ID } from '../core.module';
import { RoomsService } from '../rooms/rooms.service';
import { SignalingListener } from '../signaling/signaling-listener';
import { type VoiceNode, VoiceNodeStore } from './voice-node.store';

/** How long one node holds its claim on reaping a dead node. */
const REAPING_CLAIM_MS = 30_000;

/**
 * Where rooms live. Each node registers itself (id, public endpoint, load) and refreshes it every
 * VOICE_SWEEP_INTERVAL_MS; the registration lapses after VOICE_NODE_TTL_SECONDS without one. A room is
 * pinned to one node: the first join picks the least-loaded live node, every later join of that channel
 * gets the same node, and the pin goes when the channel empties. A node without mediasoup workers does
 * not register: it answers REST and places rooms on the other nodes, if any.
 */
@Injectable()
export class NodeRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private endpoint: string | null;
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    @Inject(VOICE_NODE_ID) readonly nodeId: string,
    private readonly store: VoiceNodeStore,
    private readonly rooms: RoomsService,
    private readonly adapterHost: HttpAdapterHost,
    private readonly signaling: SignalingListener,
    logger: ServiceLogger,
  ) {
    this.endpoint = config.VOICE_PUBLIC_URL?.replace(/\/$/, '') ?? null;
    this.logger = logger.for('placement');
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    // Registered once the node serves: the signaling listener opens during bootstrap, VOICE_PORT after it.
    server.once('listening', () => {
      this.endpoint ??= this.signaling.url;
      void this.heartbeat();
    });
  }

  /** Refreshes this node's registration (called by the sweeper). */
  async heartbeat(): Promise<void> {
    if (!this.endpoint || this.rooms.mediaUnavailable) return;
    await this.store.register(
      {
        nodeId: this.nodeId,
        endpoint: this.endpoint,
        load: this.rooms.load,
        heartbeatAt: new Date().toISOString(),
      },
      this.config.VOICE_NODE_TTL_SECONDS * 1000,
    );
  }

  get registered(): boolean {
    return this.endpoint !== null;
  }

  /** Registered node ids whose registration expired. */
  deadNodeIds(): Promise<string[]> {
    return this.store.deadNodeIds();
  }

  /** Whether joins can succeed: this node hosts media, or another live node does. */
  async status(): Promise<VoiceStatus> {
    const unavailable = this.rooms.mediaUnavailable;
    if (!unavailable || (await this.store.liveNodes()).length > 0) return { available: true, message: null };
    return { available: false, message: unavailable };
  }

  /** The node hosting the channel's room: the pinned one while alive, else the least-loaded live node. */
  async nodeForRoom(channelId: string): Promise<VoiceNode> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const pinned = await this.store.pinnedNodeId(channelId);
      if (pinned) {
        const node = await this.store.node(pinned);
        if (node) return node;
        // The pinned node is gone: take the pin over unless someone else did first.
        await this.store.releasePin(channelId, pinned);
        continue;
      }
      const nodes = await this.store.liveNodes();
      if (nodes.length === 0) throw this.unavailable();
      const chosen = nodes.reduce((best, node) => (node.load < best.load ? node : best));
      if (await this.store.pin(channelId, chosen.nodeId)) return chosen;
    }
    throw this.unavailable();
  }

  /** Drops the channel's pin (its last member left). */
  unpin(channelId: string): Promise<void> {
    return this.store.unpin(channelId);
  }

  /** Channels pinned to a node. */
  roomsOf(nodeId: string): Promise<string[]> {
    return this.store.roomsOf(nodeId);
  }

  /** Forgets a node (shutdown, or reaped after death) and the pins of its rooms. */
  forget(nodeId: string): Promise<void> {
    return this.store.forget(nodeId);
  }

  /** Whether this node may reap a dead one (one reaper at a time). */
  claimReaping(deadNodeId: string): Promise<boolean> {
    return this.store.claimReaping(deadNodeId, this.nodeId, REAPING_CLAIM_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    // Clients told `shutting-down` rejoin: their rooms must land on another node, not wait for the TTL.
    await this.forget(this.nodeId).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'could not deregister this voice node'),
    );
  }

  private unavailable(): AppError {
    const message = this.rooms.mediaUnavailable ?? 'No voice server is available.';
    return new AppError(ERROR.VOICE_UNAVAILABLE, message);
  }
}
