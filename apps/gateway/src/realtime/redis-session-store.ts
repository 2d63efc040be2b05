import type { Redis } from '@bonfire/platform';
import {
  type BufferedDispatch,
  type HeldConnection,
  parseDispatch,
  SessionStore,
  type SessionStoreOptions,
  type StoredSession,
} from './session-store';

/**
 * Keys (prefix `rt` in production):
 * - `rt:{<id>}:s` hash {userId, seq, owner};
 * - `rt:{<id>}:b` list of `<seq>|<entry>`, the replay buffer, capped to the newest N;
 * - `rt:node:<nodeId>` a gateway's heartbeat; `rt:typing:<userId>:<channelId>` the typing throttle;
 * - `rt:conns:{<userId>}` sorted set of the user's live connections (`<nodeId>/<socketId>`) scored by
 *   when they lapse (Redis' own clock: every gateway agrees); `rt:handshakes:<userId>:<window>` counter.
 * The `{id}` hash tag keeps a session's keys in one Redis Cluster slot, as the scripts need. The buffer
 * always carries the session's TTL: a detached session's first append creates the list, which would
 * otherwise outlive the session.
 */
const APPEND = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return -1 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('RPUSH', KEYS[2], seq .. '|' .. ARGV[2])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
if tonumber(ARGV[3]) > 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
else
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
end
return seq
`;

const TAKEOVER = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return -1 end
redis.call('HSET', KEYS[1], 'owner', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return tonumber(redis.call('HGET', KEYS[1], 'seq'))
`;

const FORGET = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`;

/** Drops lapsed connections, then adds this one unless the user already holds the cap (1) or not (0). */
const CLAIM_CONNECTION = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[3]) * 1000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
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

const COUNT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
`;

type ScriptedRedis = Redis & {
  realtimeAppend(
    session: string,
    buffer: string,
    owner: string,
    entry: string,
    ttl: number,
    cap: number,
  ): Promise<number>;
  realtimeTakeover(
    session: string,
    buffer: string,
    expectedOwner: string,
    owner: string,
    ttl: number,
  ): Promise<number>;
  realtimeForget(session: string, buffer: string, owner: string): Promise<number>;
  realtimeClaimConnection(key: string, connectionId: string, cap: number, ttl: number): Promise<number>;
  realtimeRefreshConnections(key: string, ttl: number, ...connectionIds: string[]): Promise<number>;
  realtimeCount(key: string, ttl: number): Promise<number>;
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
    redis.defineCommand('realtimeAppend', { numberOfKeys: 2, lua: APPEND });
    redis.defineCommand('realtimeTakeover', { numberOfKeys: 2, lua: TAKEOVER });
    redis.defineCommand('realtimeForget', { numberOfKeys: 2, lua: FORGET });
    redis.defineCommand('realtimeClaimConnection', { numberOfKeys: 1, lua: CLAIM_CONNECTION });
    redis.defineCommand('realtimeRefreshConnections', { numberOfKeys: 1, lua: REFRESH_CONNECTIONS });
    redis.defineCommand('realtimeCount', { numberOfKeys: 1, lua: COUNT });
    this.redis = redis as ScriptedRedis;
    this.prefix = options.keyPrefix ?? 'rt';
  }

  async create(sessionId: string, userId: string, owner: string): Promise<void> {
    const key = this.sessionKey(sessionId);
    await this.redis
      .multi()
      .hset(key, { userId, seq: 0, owner })
      .expire(key, this.options.windowSeconds)
      .exec();
  }

  async get(sessionId: string): Promise<StoredSession | null> {
    const fields = await this.redis.hgetall(this.sessionKey(sessionId));
    if (!fields['userId'] || fields['owner'] === undefined) return null;
    return { userId: fields['userId'], seq: Number(fields['seq'] ?? 0), owner: fields['owner'] };
  }

  append(sessionId: string, owner: string, entry: string, refresh: boolean): Promise<number> {
    return this.redis.realtimeAppend(
      this.sessionKey(sessionId),
      this.bufferKey(sessionId),
      owner,
      entry,
      refresh ? this.options.windowSeconds : 0,
      this.options.bufferSize,
    );
  }

  takeover(sessionId: string, expectedOwner: string, owner: string): Promise<number> {
    return this.redis.realtimeTakeover(
      this.sessionKey(sessionId),
      this.bufferKey(sessionId),
      expectedOwner,
      owner,
      this.options.windowSeconds,
    );
  }

  async forget(sessionId: string, owner: string): Promise<void> {
    await this.redis.realtimeForget(this.sessionKey(sessionId), this.bufferKey(sessionId), owner);
  }

  async buffer(sessionId: string): Promise<BufferedDispatch[]> {
    const entries = await this.redis.lrange(this.bufferKey(sessionId), 0, -1);
    return entries.map((raw) => {
      const bar = raw.indexOf('|');
      return parseDispatch(Number(raw.slice(0, bar)), raw.slice(bar + 1));
    });
  }

  async refresh(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) {
      pipeline.expire(this.sessionKey(id), this.options.windowSeconds);
      pipeline.expire(this.bufferKey(id), this.options.windowSeconds);
    }
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

  async claimConnection(
    userId: string,
    connectionId: string,
    cap: number,
    ttlSeconds: number,
  ): Promise<boolean> {
    const claimed = await this.redis.realtimeClaimConnection(
      this.connectionsKey(userId),
      connectionId,
      cap,
      ttlSeconds,
    );
    return claimed === 1;
  }

  async releaseConnection(userId: string, connectionId: string): Promise<void> {
    await this.redis.zrem(this.connectionsKey(userId), connectionId);
  }

  async refreshConnections(connections: readonly HeldConnection[], ttlSeconds: number): Promise<void> {
    const byUser = new Map<string, string[]>();
    for (const { userId, connectionId } of connections) {
      byUser.set(userId, [...(byUser.get(userId) ?? []), connectionId]);
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

  async claimHandshake(userId: string, limit: number, windowSeconds: number): Promise<boolean> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const count = await this.redis.realtimeCount(
      `${this.prefix}:handshakes:${userId}:${window}`,
      windowSeconds,
    );
    return count <= limit;
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
