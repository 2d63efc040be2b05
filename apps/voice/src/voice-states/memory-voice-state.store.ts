import { Injectable } from '@nestjs/common';
import { byJoinTime, type StoredVoiceState, VoiceStateStore } from './voice-state.store';

/**
 * Voice states in memory (the standalone shape: one voice node, so one process holds them all). Same
 * layout as Redis: a state per user and seat sets per channel and guild. Every method reads and writes
 * without awaiting in between, so compare-and-set and seat reservation are atomic by construction.
 */
@Injectable()
export class InMemoryVoiceStateStore extends VoiceStateStore {
  private readonly states = new Map<string, StoredVoiceState>();
  private readonly channelUsers = new Map<string, Set<string>>();
  private readonly guildUsers = new Map<string, Set<string>>();

  async get(userId: string): Promise<StoredVoiceState | null> {
    const state = this.states.get(userId);
    return state ? structuredClone(state) : null;
  }

  async put(next: StoredVoiceState, previous: StoredVoiceState | null): Promise<void> {
    this.states.set(next.userId, structuredClone(next));
    if (previous?.channelId && previous.channelId !== next.channelId) {
      remove(this.channelUsers, previous.channelId, next.userId);
    }
    if (previous?.guildId && previous.guildId !== next.guildId) {
      remove(this.guildUsers, previous.guildId, next.userId);
    }
    if (next.channelId) add(this.channelUsers, next.channelId, next.userId);
    if (next.guildId) add(this.guildUsers, next.guildId, next.userId);
  }

  async replaceIfSession(sessionId: string, next: StoredVoiceState): Promise<boolean> {
    if (this.states.get(next.userId)?.sessionId !== sessionId) return false;
    this.states.set(next.userId, structuredClone(next));
    return true;
  }

  async remove(state: StoredVoiceState): Promise<boolean> {
    if (this.states.get(state.userId)?.sessionId !== state.sessionId) return false;
    this.states.delete(state.userId);
    remove(this.channelUsers, state.channelId ?? '-', state.userId);
    if (state.guildId) remove(this.guildUsers, state.guildId, state.userId);
    return true;
  }

  async inChannel(channelId: string): Promise<StoredVoiceState[]> {
    return this.load(this.channelUsers.get(channelId)).filter((state) => state.channelId === channelId);
  }

  async inGuild(guildId: string): Promise<StoredVoiceState[]> {
    return this.load(this.guildUsers.get(guildId)).filter((state) => state.guildId === guildId);
  }

  async reserveSeat(channelId: string, userId: string, limit: number): Promise<boolean> {
    const seated = this.channelUsers.get(channelId);
    if (seated?.has(userId)) return true;
    if ((seated?.size ?? 0) >= limit) return false;
    add(this.channelUsers, channelId, userId);
    return true;
  }

  async releaseSeat(channelId: string, userId: string): Promise<void> {
    remove(this.channelUsers, channelId, userId);
  }

  async countInChannel(channelId: string): Promise<number> {
    return this.channelUsers.get(channelId)?.size ?? 0;
  }

  private load(userIds: Set<string> | undefined): StoredVoiceState[] {
    return [...(userIds ?? [])]
      .map((userId) => this.states.get(userId))
      .filter((state): state is StoredVoiceState => state !== undefined)
      .map((state) => structuredClone(state))
      .sort(byJoinTime);
  }
}

function add(sets: Map<string, Set<string>>, key: string, member: string): void {
  let set = sets.get(key);
  if (!set) sets.set(key, (set = new Set()));
  set.add(member);
}

// Like SREM: an emptied set is gone.
function remove(sets: Map<string, Set<string>>, key: string, member: string): void {
  const set = sets.get(key);
  if (!set) return;
  set.delete(member);
  if (set.size === 0) sets.delete(key);
}
