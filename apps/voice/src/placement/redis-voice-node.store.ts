import { InjectRedis, type Redis, RedisScript } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { VoiceKeys } from '../voice.keys';
import { type VoiceNode, VoiceNodeStore } from './voice-node.store';

const DELETE_IF_EQUAL = new RedisScript(
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
);

// SET NX of the pin and the channel in the node's rooms, in one step.
const PIN = new RedisScript(`
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
redis.call('SADD', KEYS[2], ARGV[2])
return 1`);

/**
 * Placement in Redis: `<prefix>:node:{id}` (JSON, PX ttl) and the `<prefix>:nodes` set, the pins
 * `<prefix>:room:{channelId}:node` (SET NX) and each node's `<prefix>:node:{id}:rooms` set.
 */
@Injectable()
export class RedisVoiceNodeStore extends VoiceNodeStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly keys: VoiceKeys,
  ) {
    super();
  }

  async register(node: VoiceNode, ttlMs: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.node(node.nodeId), JSON.stringify(node), 'PX', ttlMs)
      .sadd(this.keys.nodes(), node.nodeId)
      .exec();
  }

  async node(nodeId: string): Promise<VoiceNode | null> {
    const value = await this.redis.get(this.keys.node(nodeId));
    return value ? (JSON.parse(value) as VoiceNode) : null;
  }

  async liveNodes(): Promise<VoiceNode[]> {
    const { values } = await this.registrations();
    return values
      .filter((value): value is string => value !== null)
      .map((value) => JSON.parse(value) as VoiceNode);
  }

  async deadNodeIds(): Promise<string[]> {
    const { ids, values } = await this.registrations();
    return ids.filter((_, index) => values[index] === null);
  }

  pinnedNodeId(channelId: string): Promise<string | null> {
    return this.redis.get(this.keys.roomNode(channelId));
  }

  async pin(channelId: string, nodeId: string): Promise<boolean> {
    const won = await PIN.run(
      this.redis,
      [this.keys.roomNode(channelId), this.keys.nodeRooms(nodeId)],
      [nodeId, channelId],
    );
    return won === 1;
  }

  async releasePin(channelId: string, nodeId: string): Promise<void> {
    await DELETE_IF_EQUAL.run(this.redis, [this.keys.roomNode(channelId)], [nodeId]);
  }

  async unpin(channelId: string): Promise<void> {
    const key = this.keys.roomNode(channelId);
    const nodeId = await this.redis.get(key);
    if (!nodeId) return;
    await this.redis
      .multi()
      .eval(DELETE_IF_EQUAL.body, 1, key, nodeId)
      .srem(this.keys.nodeRooms(nodeId), channelId)
      .exec();
  }

  roomsOf(nodeId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.nodeRooms(nodeId));
  }

  async forget(nodeId: string): Promise<void> {
    const channels = await this.roomsOf(nodeId);
    const multi = this.redis.multi();
    for (const channelId of channels)
      multi.eval(DELETE_IF_EQUAL.body, 1, this.keys.roomNode(channelId), nodeId);
    multi.del(this.keys.nodeRooms(nodeId), this.keys.node(nodeId)).srem(this.keys.nodes(), nodeId);
    await multi.exec();
  }

  async claimReaping(deadNodeId: string, reaperId: string, ttlMs: number): Promise<boolean> {
    const claimed = await this.redis.set(this.keys.nodeReaping(deadNodeId), reaperId, 'PX', ttlMs, 'NX');
    return claimed === 'OK';
  }

  private async registrations(): Promise<{ ids: string[]; values: (string | null)[] }> {
    const ids = await this.redis.smembers(this.keys.nodes());
    if (ids.length === 0) return { ids, values: [] };
    return { ids, values: await this.redis.mget(ids.map((id) => this.keys.node(id))) };
  }
}
