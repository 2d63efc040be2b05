import { InjectRedis, type Redis, RedisScript } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { VoiceKeys } from '../voice.keys';
import { byJoinTime, type StoredVoiceState, VoiceStateStore } from './voice-state.store';

// Replaces a user's state only while it still belongs to the expected session.
const COMPARE_AND_SET = new RedisScript(`
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
if cjson.decode(raw).sessionId ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1`);

// Deletes a user's state (and its set entries) only while it still belongs to the expected session.
const COMPARE_AND_DELETE = new RedisScript(`
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
if cjson.decode(raw).sessionId ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
if KEYS[3] then redis.call('SREM', KEYS[3], ARGV[2]) end
return 1`);

// Takes a seat in a channel's user set unless it is full; a user already seated keeps theirs.
const RESERVE_SEAT = new RedisScript(`
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1`);

/**
 * Voice states in Redis: one JSON value per user, plus a set of users per channel and per guild. The
 * compare-on-session writes and the seat reservation are Lua scripts, atomic across voice nodes.
 */
@Injectable()
export class RedisVoiceStateStore extends VoiceStateStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly keys: VoiceKeys,
  ) {
    super();
  }

  async get(userId: string): Promise<StoredVoiceState | null> {
    const raw = await this.redis.get(this.keys.state(userId));
    return raw ? (JSON.parse(raw) as StoredVoiceState) : null;
  }

  async put(next: StoredVoiceState, previous: StoredVoiceState | null): Promise<void> {
    const multi = this.redis.multi().set(this.keys.state(next.userId), JSON.stringify(next));
    if (previous?.channelId && previous.channelId !== next.channelId) {
      multi.srem(this.keys.channelUsers(previous.channelId), next.userId);
    }
    if (previous?.guildId && previous.guildId !== next.guildId) {
      multi.srem(this.keys.guildUsers(previous.guildId), next.userId);
    }
    if (next.channelId) multi.sadd(this.keys.channelUsers(next.channelId), next.userId);
    if (next.guildId) multi.sadd(this.keys.guildUsers(next.guildId), next.userId);
    await multi.exec();
  }

  async replaceIfSession(sessionId: string, next: StoredVoiceState): Promise<boolean> {
    const done = await COMPARE_AND_SET.run(
      this.redis,
      [this.keys.state(next.userId)],
      [sessionId, JSON.stringify(next)],
    );
    return done === 1;
  }

  async remove(state: StoredVoiceState): Promise<boolean> {
    const keys = [this.keys.state(state.userId), this.keys.channelUsers(state.channelId ?? '-')];
    if (state.guildId) keys.push(this.keys.guildUsers(state.guildId));
    const done = await COMPARE_AND_DELETE.run(this.redis, keys, [state.sessionId, state.userId]);
    return done === 1;
  }

  async inChannel(channelId: string): Promise<StoredVoiceState[]> {
    const states = await this.load(await this.redis.smembers(this.keys.channelUsers(channelId)));
    return states.filter((state) => state.channelId === channelId);
  }

  async inGuild(guildId: string): Promise<StoredVoiceState[]> {
    const states = await this.load(await this.redis.smembers(this.keys.guildUsers(guildId)));
    return states.filter((state) => state.guildId === guildId);
  }

  async reserveSeat(channelId: string, userId: string, limit: number): Promise<boolean> {
    const taken = await RESERVE_SEAT.run(this.redis, [this.keys.channelUsers(channelId)], [userId, limit]);
    return taken === 1;
  }

  async releaseSeat(channelId: string, userId: string): Promise<void> {
    await this.redis.srem(this.keys.channelUsers(channelId), userId);
  }

  async countInChannel(channelId: string): Promise<number> {
    return this.redis.scard(this.keys.channelUsers(channelId));
  }

  private async load(userIds: string[]): Promise<StoredVoiceState[]> {
    if (userIds.length === 0) return [];
    const raws = await this.redis.mget(userIds.map((userId) => this.keys.state(userId)));
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as StoredVoiceState)
      .sort(byJoinTime);
  }
}
