import type { Server } from 'node:http';
import { VOICE_REST_ERROR_CODES } from '@bonfire/contracts';
import { AppError, createLogger, InjectRedis, type Redis } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VOICE_NODE_ID } from '../core.module';
import { RoomsService } from '../rooms/rooms.service';
import { VoiceKeys } from '../voice.keys';

export interface VoiceNode {
  nodeId: string;
  /** Signaling base URL clients connect to. */
  endpoint: string;
  /** Consumers on the node's workers. */
  load: number;
  heartbeatAt: string;
}

/**
 * Where rooms live. Each node registers itself in Redis (id, public endpoint, load) and refreshes it
 * every VOICE_SWEEP_INTERVAL_MS; the registration expires after VOICE_NODE_TTL_SECONDS without one. A
 * room is pinned to one node (SET NX on the channel): the first join picks the least-loaded live node,
 * every later join of that channel gets the same node, and the pin goes when the channel empties.
 */
@Injectable()
export class NodeRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private endpoint: string | null;
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    @Inject(VOICE_NODE_ID) readonly nodeId: string,
    @InjectRedis() private readonly redis: Redis,
    private readonly keys: VoiceKeys,
    private readonly rooms: RoomsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.endpoint = config.VOICE_PUBLIC_URL?.replace(/\/$/, '') ?? null;
    this.logger = createLogger('voice', config.LOG_LEVEL).child({ component: 'placement' });
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.once('listening', () => {
      if (!this.endpoint) {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : this.config.VOICE_PORT;
        this.endpoint = `http://${this.config.VOICE_HOST}:${port}`;
      }
      void this.heartbeat();
    });
  }

  /** Refreshes this node's registration (called by the sweeper). */
  async heartbeat(): Promise<void> {
    if (!this.endpoint) return;
    const node: VoiceNode = {
      nodeId: this.nodeId,
      endpoint: this.endpoint,
      load: this.rooms.load,
      heartbeatAt: new Date().toISOString(),
    };
    await this.redis
      .multi()
      .set(this.keys.node(this.nodeId), JSON.stringify(node), 'EX', this.config.VOICE_NODE_TTL_SECONDS)
      .sadd(this.keys.nodes(), this.nodeId)
      .exec();
  }

  get registered(): boolean {
    return this.endpoint !== null;
  }

  async liveNodes(): Promise<VoiceNode[]> {
    const ids = await this.redis.smembers(this.keys.nodes());
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.node(id)));
    return values
      .filter((value): value is string => value !== null)
      .map((value) => JSON.parse(value) as VoiceNode);
  }

  async node(nodeId: string): Promise<VoiceNode | null> {
    const value = await this.redis.get(this.keys.node(nodeId));
    return value ? (JSON.parse(value) as VoiceNode) : null;
  }

  /** Registered node ids whose registration expired. */
  async deadNodeIds(): Promise<string[]> {
    const ids = await this.redis.smembers(this.keys.nodes());
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.node(id)));
    return ids.filter((_, index) => values[index] === null);
  }

  /** The node hosting the channel's room: the pinned one while alive, else the least-loaded live node. */
  async nodeForRoom(channelId: string): Promise<VoiceNode> {
    const key = this.keys.roomNode(channelId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const pinned = await this.redis.get(key);
      if (pinned) {
        const node = await this.node(pinned);
        if (node) return node;
        // The pinned node is gone: take the pin over unless someone else did first.
        await this.redis.eval(
          "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
          1,
          key,
          pinned,
        );
        continue;
      }
      const nodes = await this.liveNodes();
      if (nodes.length === 0) {
        throw new AppError(503, VOICE_REST_ERROR_CODES.voiceUnavailable, 'No voice server is available.');
      }
      const chosen = nodes.reduce((best, node) => (node.load < best.load ? node : best));
      const won = await this.redis.set(key, chosen.nodeId, 'NX');
      if (won) {
        await this.redis.sadd(this.keys.nodeRooms(chosen.nodeId), channelId);
        return chosen;
      }
    }
    throw new AppError(503, VOICE_REST_ERROR_CODES.voiceUnavailable, 'No voice server is available.');
  }

  /** Drops the channel's pin (its last member left). */
  async unpin(channelId: string): Promise<void> {
    const key = this.keys.roomNode(channelId);
    const nodeId = await this.redis.get(key);
    if (!nodeId) return;
    await this.redis
      .multi()
      .eval(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
        1,
        key,
        nodeId,
      )
      .srem(this.keys.nodeRooms(nodeId), channelId)
      .exec();
  }

  /** Channels pinned to a node. */
  roomsOf(nodeId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.nodeRooms(nodeId));
  }

  /** Forgets a node (shutdown, or reaped after death) and the pins of its rooms. */
  async forget(nodeId: string): Promise<void> {
    const channels = await this.roomsOf(nodeId);
    const multi = this.redis.multi();
    for (const channelId of channels) {
      multi.eval(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
        1,
        this.keys.roomNode(channelId),
        nodeId,
      );
    }
    multi.del(this.keys.nodeRooms(nodeId), this.keys.node(nodeId)).srem(this.keys.nodes(), nodeId);
    await multi.exec();
  }

  async onApplicationShutdown(): Promise<void> {
    // Clients told `shutting-down` rejoin: their rooms must land on another node, not wait for the TTL.
    await this.forget(this.nodeId).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'could not deregister this voice node'),
    );
  }
}
