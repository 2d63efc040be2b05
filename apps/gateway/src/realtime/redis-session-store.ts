import type { Redis } from '@bonfire/platform';
import {
  type HandOver,
  type HandshakeClaim,
  type HandshakeLimits,
  type HeldConnection,
  parseDispatch,
  serializeDispatch,
  SessionStore,
  type SessionStoreOptions,
  type StoredSession,
} from './session-store';

/**
 * Keys (prefix `rt` in production):
 * - `rt:{<id>}:s` hash {userId, owner} and, once the previous owner handed the session over after a
 *   takeover, {handedTo, seq}; `rt:{<id>}:b` the handed-over buffer, a list of `<seq>|<json>`;
 * - `rt:node:<nodeId>` a gateway's heartbeat; `rt:typing:<userId>:<channelId>` the typing throttle;
 * - `rt:conns:{<userId>}` sorted set of the user's live connections (`<nodeId>/<socketId>`) scored by
 *   when they lapse (Redis' own clock: every gateway agrees); `rt:handshakes:<userId>:<window>` counter.
 * The `{id}` hash tag keeps a session's keys in one Redis Cluster slot, as the scripts need.
 */
const TAKEOVER = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'owner', ARGV[2])
redis.call('HDEL', KEYS[1], 'handedTo', 'seq')
redis.call('DEL', KEYS[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`;

/** ARGV: owner, seq, ttl, then the buffer's lines oldest first. */
const HAND_OVER = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
for first = 4, #ARGV, 500 do
  redis.call('RPUSH', KEYS[2], unpack(ARGV, first, math.min(first + 499, #ARGV)))
end
redis.call('HSET', KEYS[1], 'handedTo', ARGV[1], 'seq', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
`;

const FORGET = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`;

/** Drops lapsed connections, then adds this one unless the user already holds the cap (1) or not (0). */
// KEYS: the user's handshake counter of this window, the user's connections (one hash slot: {userId}).
// ARGV: window seconds, handshakes per window, connection id, cap, connection ttl seconds.
// Returns 1 claimed, 0 rate-limited, -1 too many connections.
const CLAIM_HANDSHAKE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if count > tonumber(ARGV[2]) then return 0 end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[5]) * 1000
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if not redis.call('ZSCORE', KEYS[2], ARGV[3]) and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  return -1
end
redis.call('ZADD', KEYS[2], now + ttl, ARGV[3])
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
`;

/** Moves the lapse time of the held connections among ARGV[2..] (ARGV[1]: ttl seconds). */
const REFRESH_CONNECTIONS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[1]) * 1000
for index = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[index]) end
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`;

type ScriptedRedis = Redis & {
  realtimeHandOver(
    session: string,
    buffer: string,
    owner: string,
    seq: number,
    ttl: number,
    ...lines: string[]
  ): Promise<number>;
  realtimeTakeover(
    session: string,
    buffer: string,
    expectedOwner: string,
    owner: string,
    ttl: number,
  ): Promise<number>;
  realtimeForget(session: string, buffer: string, owner: string): Promise<number>;
  realtimeClaimHandshake(
    handshakesKey: string,
    connectionsKey: string,
    windowSeconds: number,
    perWindow: number,
    connectionId: string,
    cap: number,
    ttl: number,
  ): Promise<number>;
  realtimeRefreshConnections(key: string, ttl: number, ...connectionIds: string[]): Promise<number>;
};

/** Realtime sessions in Redis, shared by every gateway replica. */
export class RedisSessionStore extends SessionStore {
  private readonly redis: ScriptedRedis;
  private readonly prefix: string;

  constructor(
    redis: Redis,
    private readonly options: SessionStoreOptions & { keyPrefix?: string },
  ) {
    super();
    redis.defineCommand('realtimeHandOver', { numberOfKeys: 2, lua: HAND_OVER });
    redis.defineCommand('realtimeTakeover', { numberOfKeys: 2, lua: TAKEOVER });
    redis.defineCommand('realtimeForget', { numberOfKeys: 2, lua: FORGET });
    redis.defineCommand('realtimeClaimHandshake', { numberOfKeys: 2, lua: CLAIM_HANDSHAKE });
    redis.defineCommand('realtimeRefreshConnections', { numberOfKeys: 1, lua: REFRESH_CONNECTIONS });
    this.redis = redis as ScriptedRedis;
    this.prefix = options.keyPrefix ?? 'rt';
  }

  async create(sessionId: string, userId: string, owner: string): Promise<void> {
    const key = this.sessionKey(sessionId);
    await this.redis.multi().hset(key, { userId, owner }).expire(key, this.options.windowSeconds).exec();
  }

  async get(sessionId: string): Promise<StoredSession | null> {
    const fields = await this.redis.hgetall(this.sessionKey(sessionId));
    if (!fields['userId'] || fields['owner'] === undefined) return null;
    return { userId: fields['userId'], owner: fields['owner'] };
  }

  async takeover(sessionId: string, expectedOwner: string, owner: string): Promise<boolean> {
    const taken = await this.redis.realtimeTakeover(
      this.sessionKey(sessionId),
      this.bufferKey(sessionId),
      expectedOwner,
      owner,
      this.options.windowSeconds,
    );
    return taken === 1;
  }

  async handOver(sessionId: string, owner: string, { seq, entries }: HandOver): Promise<boolean> {
    const handed = await this.redis.realtimeHandOver(
      this.sessionKey(sessionId),
      this.bufferKey(sessionId),
      owner,
      seq,
      this.options.windowSeconds,
      ...entries.map(serializeDispatch),
    );
    return handed === 1;
  }

  async handedOver(sessionId: string, owner: string): Promise<HandOver | null> {
    const results = await this.redis
      .multi()
      .hmget(this.sessionKey(sessionId), 'owner', 'handedTo', 'seq')
      .lrange(this.bufferKey(sessionId), 0, -1)
      .exec();
    const [fields, lines] = (results ?? []).map(([, value]) => value) as [(string | null)[], string[]];
    const [currentOwner, handedTo, seq] = fields ?? [];
    if (currentOwner !== owner || handedTo !== owner) return null;
    return { seq: Number(seq), entries: (lines ?? []).map(parseDispatch) };
  }

  async forget(sessionId: string, owner: string): Promise<void> {
    await this.redis.realtimeForget(this.sessionKey(sessionId), this.bufferKey(sessionId), owner);
  }

  async refresh(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) pipeline.expire(this.sessionKey(id), this.options.windowSeconds);
    await pipeline.exec();
  }

  async heartbeat(nodeId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.nodeKey(nodeId), '1', 'EX', ttlSeconds);
  }

  async isNodeAlive(nodeId: string): Promise<boolean> {
    return (await this.redis.exists(this.nodeKey(nodeId))) === 1;
  }

  async forgetNode(nodeId: string): Promise<void> {
    await this.redis.del(this.nodeKey(nodeId));
  }

  async claimTyping(userId: string, channelId: string, seconds: number): Promise<boolean> {
    const key = `${this.prefix}:typing:${userId}:${channelId}`;
    return (await this.redis.set(key, '1', 'EX', seconds, 'NX')) !== null;
  }

  async claimHandshake(
    userId: string,
    connectionId: string,
    limits: HandshakeLimits,
  ): Promise<HandshakeClaim> {
    const window = Math.floor(Date.now() / 1000 / limits.windowSeconds);
    const claimed = await this.redis.realtimeClaimHandshake(
      `${this.prefix}:handshakes:{${userId}}:${window}`,
      this.connectionsKey(userId),
      limits.windowSeconds,
      limits.perWindow,
      connectionId,
      limits.cap,
      limits.ttlSeconds,
    );
    return claimed === 1 ? 'claimed' : claimed === 0 ? 'rate-limited' : 'too-many-connections';
  }

  async releaseConnection(userId: string, connectionId: string): Promise<void> {
    await this.redis.zrem(this.connectionsKey(userId), connectionId);
  }

  async refreshConnections(connections: readonly HeldConnection[], ttlSeconds: number): Promise<void> {
    const byUser = new Map<string, string[]>();
    for (const { userId, connectionId } of connections) {
      const ids = byUser.get(userId);
      if (ids) ids.push(connectionId);
      else byUser.set(userId, [connectionId]);
    }
    if (byUser.size === 0) return;
    const pipeline = this.redis.pipeline() as unknown as {
      realtimeRefreshConnections(key: string, ttl: number, ...ids: string[]): unknown;
      exec(): Promise<unknown>;
    };
    for (const [userId, ids] of byUser) {
      pipeline.realtimeRefreshConnections(this.connectionsKey(userId), ttlSeconds, ...ids);
    }
    await pipeline.exec();
  }

  private connectionsKey(userId: string): string {
    return `${this.prefix}:conns:{${userId}}`;
  }

  private sessionKey(sessionId: string): string {
    return `${this.prefix}:{${sessionId}}:s`;
  }

  private bufferKey(sessionId: string): string {
    return `${this.prefix}:{${sessionId}}:b`;
  }

  private nodeKey(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}`;
  }
}
