import type { Redis } from '@bonfire/platform';

/**
 * Realtime sessions in Redis, so a client can resume on any gateway:
 * - `rt:{<id>}:s` hash {userId, seq, owner}: `owner` is `<nodeId>/<socketId>` of the one connection
 *   allowed to append; `seq` the last sequence number given out;
 * - `rt:{<id>}:b` list of `<seq>|<json {id,type,data}>`, the replay buffer, capped to the newest N.
 * Both expire `window` seconds after the last refresh; live connections refresh them, detached sessions
 * do not (they keep buffering until they expire or are resumed). The `{id}` hash tag keeps a session's
 * keys in one Redis Cluster slot, as the scripts need.
 * - `rt:node:<nodeId>`: a gateway's heartbeat; a session whose owner gateway died lost the events
 *   since, so resuming it answers resync rather than a silent gap.
 */
const APPEND = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return -1 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('RPUSH', KEYS[2], seq .. '|' .. ARGV[2])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
if tonumber(ARGV[3]) > 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
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

export interface StoredSession {
  userId: string;
  seq: number;
  owner: string;
}

export interface BufferedDispatch {
  seq: number;
  id: string;
  type: string;
  data: unknown;
}

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
};

export class SessionStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly options: { windowSeconds: number; bufferSize: number },
  ) {
    redis.defineCommand('realtimeAppend', { numberOfKeys: 2, lua: APPEND });
    redis.defineCommand('realtimeTakeover', { numberOfKeys: 2, lua: TAKEOVER });
    redis.defineCommand('realtimeForget', { numberOfKeys: 2, lua: FORGET });
    this.redis = redis as ScriptedRedis;
  }

  get windowSeconds(): number {
    return this.options.windowSeconds;
  }

  async create(sessionId: string, userId: string, owner: string): Promise<void> {
    const key = sessionKey(sessionId);
    await this.redis
      .multi()
      .hset(key, { userId, seq: 0, owner })
      .expire(key, this.options.windowSeconds)
      .exec();
  }

  async get(sessionId: string): Promise<StoredSession | null> {
    const fields = await this.redis.hgetall(sessionKey(sessionId));
    if (!fields['userId'] || fields['owner'] === undefined) return null;
    return { userId: fields['userId'], seq: Number(fields['seq'] ?? 0), owner: fields['owner'] };
  }

  /** Appends one dispatch; its sequence number, or -1 when `owner` no longer holds the session. */
  append(sessionId: string, owner: string, entry: string, refresh: boolean): Promise<number> {
    return this.redis.realtimeAppend(
      sessionKey(sessionId),
      bufferKey(sessionId),
      owner,
      entry,
      refresh ? this.options.windowSeconds : 0,
      this.options.bufferSize,
    );
  }

  /** Moves the session to a new connection if `expectedOwner` still holds it: the current seq, or -1. */
  takeover(sessionId: string, expectedOwner: string, owner: string): Promise<number> {
    return this.redis.realtimeTakeover(
      sessionKey(sessionId),
      bufferKey(sessionId),
      expectedOwner,
      owner,
      this.options.windowSeconds,
    );
  }

  /**
   * Ends a session this connection still owns: after a delivery it could not buffer, resuming must
   * answer resync instead of replaying a buffer with a hole in it.
   */
  async forget(sessionId: string, owner: string): Promise<void> {
    await this.redis.realtimeForget(sessionKey(sessionId), bufferKey(sessionId), owner);
  }

  async buffer(sessionId: string): Promise<BufferedDispatch[]> {
    const entries = await this.redis.lrange(bufferKey(sessionId), 0, -1);
    return entries.map(parseEntry);
  }

  /** Keeps live sessions alive (one pipeline for all of a gateway's connections). */
  async refresh(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) {
      pipeline.expire(sessionKey(id), this.options.windowSeconds);
      pipeline.expire(bufferKey(id), this.options.windowSeconds);
    }
    await pipeline.exec();
  }

  async heartbeat(nodeId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(nodeKey(nodeId), '1', 'EX', ttlSeconds);
  }

  async isNodeAlive(nodeId: string): Promise<boolean> {
    return (await this.redis.exists(nodeKey(nodeId))) === 1;
  }

  async forgetNode(nodeId: string): Promise<void> {
    await this.redis.del(nodeKey(nodeId));
  }
}

export function sessionKey(sessionId: string): string {
  return `rt:{${sessionId}}:s`;
}

export function bufferKey(sessionId: string): string {
  return `rt:{${sessionId}}:b`;
}

function nodeKey(nodeId: string): string {
  return `rt:node:${nodeId}`;
}

export function parseEntry(raw: string): BufferedDispatch {
  const bar = raw.indexOf('|');
  const body = JSON.parse(raw.slice(bar + 1)) as { id: string; type: string; data: unknown };
  return { seq: Number(raw.slice(0, bar)), ...body };
}

export type ReplayPlan = { ok: true; entries: BufferedDispatch[] } | { ok: false; reason: 'BUFFER_EXCEEDED' };

/**
 * What a client that saw everything up to `lastSeq` is missing, given the session's seq when it was
 * taken over and the buffer read after that. The buffer must reach back to `lastSeq + 1` (when anything
 * was missed at all) and `lastSeq` cannot be ahead of the session; otherwise the client must resync.
 * Entries appended after the takeover (seq > currentSeq) are part of the replay too.
 */
export function planReplay(
  buffer: readonly BufferedDispatch[],
  lastSeq: number,
  currentSeq: number,
): ReplayPlan {
  if (!Number.isInteger(lastSeq) || lastSeq < 0 || lastSeq > currentSeq)
    return { ok: false, reason: 'BUFFER_EXCEEDED' };
  const missed = buffer.filter((entry) => entry.seq > lastSeq);
  if (lastSeq < currentSeq && missed[0]?.seq !== lastSeq + 1) return { ok: false, reason: 'BUFFER_EXCEEDED' };
  for (let index = 1; index < missed.length; index++) {
    if (missed[index]!.seq !== missed[index - 1]!.seq + 1) return { ok: false, reason: 'BUFFER_EXCEEDED' };
  }
  return { ok: true, entries: missed };
}
