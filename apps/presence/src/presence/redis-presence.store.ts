import type { ChosenPresenceStatus, CustomStatus } from '@bonfire/contracts';
import type { Redis } from '@bonfire/platform';
import { type AggregatedPresence, type ConnectionActivity, deadGateways } from './aggregate';
import { execBatch, PresenceKeys } from './presence.keys';
import {
  type ConnectionRef,
  type PreferenceChange,
  type PresenceConnection,
  type PresenceInputsRecord,
  PresenceStore,
} from './presence.store';

const activityOf = (value: string | undefined): ConnectionActivity => (value === 'idle' ? 'idle' : 'online');

/**
 * Presence state in Redis under `prefix` (layout in presence.keys.ts), shared by every presence replica.
 * Connections are grouped per gateway with one liveness key each, so a sweeper finds a dead gateway
 * with one EXISTS per gateway.
 */
export class RedisPresenceStore extends PresenceStore {
  private readonly keys: PresenceKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    super();
    this.keys = new PresenceKeys(prefix);
  }

  async gatewayConnections(gatewayId: string): Promise<Map<string, PresenceConnection>> {
    const raw = await this.redis.hgetall(this.keys.gatewayConnections(gatewayId));
    const held = new Map<string, PresenceConnection>();
    for (const [connectionId, value] of Object.entries(raw)) {
      const [userId, activity] = value.split('|');
      held.set(connectionId, { connectionId, userId: userId!, activity: activityOf(activity) });
    }
    return held;
  }

  async applyConnections(
    gatewayId: string,
    upsert: readonly PresenceConnection[],
    remove: readonly ConnectionRef[],
    aliveForSeconds: number,
  ): Promise<void> {
    const k = this.keys;
    const multi = this.redis.multi();
    multi.sadd(k.gateways(), gatewayId);
    multi.set(k.gatewayAlive(gatewayId), String(Date.now()), 'EX', aliveForSeconds);
    for (const c of upsert) {
      multi.hset(k.gatewayConnections(gatewayId), c.connectionId, `${c.userId}|${c.activity}`);
      multi.hset(k.userConnections(c.userId), `${gatewayId}/${c.connectionId}`, c.activity);
    }
    for (const c of remove) {
      multi.hdel(k.gatewayConnections(gatewayId), c.connectionId);
      multi.hdel(k.userConnections(c.userId), `${gatewayId}/${c.connectionId}`);
    }
    await execBatch(multi);
  }

  async forgetGateway(gatewayId: string): Promise<PresenceConnection[]> {
    const k = this.keys;
    const held = [...(await this.gatewayConnections(gatewayId)).values()];
    const multi = this.redis.multi();
    for (const { connectionId, userId } of held) {
      multi.hdel(k.userConnections(userId), `${gatewayId}/${connectionId}`);
    }
    multi.del(k.gatewayConnections(gatewayId), k.gatewayAlive(gatewayId));
    multi.srem(k.gateways(), gatewayId);
    await execBatch(multi);
    return held;
  }

  async deadGateways(): Promise<string[]> {
    const gatewayIds = await this.redis.smembers(this.keys.gateways());
    if (gatewayIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const gatewayId of gatewayIds) pipeline.exists(this.keys.gatewayAlive(gatewayId));
    const answers = await execBatch(pipeline);
    return deadGateways(
      gatewayIds,
      answers.map((value) => value === 1),
    );
  }

  async tryLockSweep(ms: number): Promise<boolean> {
    return (await this.redis.set(this.keys.sweepLock(), '1', 'PX', ms, 'NX')) !== null;
  }

  async updatePreference(userId: string, change: PreferenceChange): Promise<void> {
    const k = this.keys;
    const multi = this.redis.multi();
    if (change.chosen !== undefined) multi.hset(k.userPreference(userId), 'chosen', change.chosen);
    if (change.customStatus === null) {
      multi.hdel(k.userPreference(userId), 'custom');
      multi.zrem(k.customExpiry(), userId);
    } else if (change.customStatus !== undefined) {
      const custom = change.customStatus;
      multi.hset(k.userPreference(userId), 'custom', JSON.stringify(custom));
      if (custom.expiresAt) multi.zadd(k.customExpiry(), Date.parse(custom.expiresAt), userId);
      else multi.zrem(k.customExpiry(), userId);
    }
    await execBatch(multi);
  }

  async takeExpiredCustomStatuses(now: number): Promise<string[]> {
    const k = this.keys;
    const due = await this.redis.zrangebyscore(k.customExpiry(), '-inf', now);
    if (due.length === 0) return [];
    // ZREM answers 1 only to the caller that removed the entry, so each user is answered once.
    const multi = this.redis.multi();
    for (const userId of due) multi.zrem(k.customExpiry(), userId);
    const removed = await execBatch(multi);
    return due.filter((_, index) => removed[index] === 1);
  }

  async inputs(userIds: readonly string[]): Promise<PresenceInputsRecord[]> {
    if (userIds.length === 0) return [];
    const k = this.keys;
    const read = this.redis.pipeline();
    for (const userId of userIds) {
      read.hvals(k.userConnections(userId));
      read.hmget(k.userPreference(userId), 'chosen', 'custom');
      read.hget(k.shown(), userId);
    }
    const answers = await execBatch(read);
    return userIds.map((_, index) => {
      const connections = (answers[index * 3] as string[]).map(activityOf);
      const [chosen, custom] = answers[index * 3 + 1] as [string | null, string | null];
      const shown = answers[index * 3 + 2] as string | null;
      return {
        connections,
        chosen: (chosen ?? 'online') as ChosenPresenceStatus,
        customStatus: custom ? (JSON.parse(custom) as CustomStatus) : null,
        shown: shown ? (JSON.parse(shown) as AggregatedPresence) : null,
      };
    });
  }

  async forgetUser(userId: string): Promise<void> {
    const k = this.keys;
    const refs = await this.redis.hkeys(k.userConnections(userId));
    const multi = this.redis.multi();
    for (const ref of refs) {
      const slash = ref.indexOf('/');
      multi.hdel(k.gatewayConnections(ref.slice(0, slash)), ref.slice(slash + 1));
    }
    multi.del(k.userConnections(userId), k.userPreference(userId));
    multi.zrem(k.customExpiry(), userId);
    await execBatch(multi);
  }

  async saveShown(changes: readonly { userId: string; presence: AggregatedPresence }[]): Promise<void> {
    if (changes.length === 0) return;
    const write = this.redis.pipeline();
    for (const { userId, presence } of changes) {
      if (presence.self.status === 'offline') write.hdel(this.keys.shown(), userId);
      else write.hset(this.keys.shown(), userId, JSON.stringify(presence));
    }
    await execBatch(write);
  }

  /** One HMGET per 1,000 users, all in one round trip. */
  async shown(userIds: readonly string[]): Promise<Map<string, AggregatedPresence>> {
    const result = new Map<string, AggregatedPresence>();
    if (userIds.length === 0) return result;
    const pipeline = this.redis.pipeline();
    const chunks: string[][] = [];
    for (let index = 0; index < userIds.length; index += 1_000) {
      const chunk = userIds.slice(index, index + 1_000);
      chunks.push(chunk);
      pipeline.hmget(this.keys.shown(), ...chunk);
    }
    const answers = await execBatch(pipeline);
    answers.forEach((values, chunkIndex) => {
      (values as (string | null)[]).forEach((value, index) => {
        if (value) result.set(chunks[chunkIndex]![index]!, JSON.parse(value) as AggregatedPresence);
      });
    });
    return result;
  }
}
