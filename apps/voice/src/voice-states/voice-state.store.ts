import type { VoiceState } from '@bonfire/contracts';

/** A voice state as the store holds it: the public state plus where its room lives and when it lapses. */
export interface StoredVoiceState extends VoiceState {
  /** The node hosting the room (the one the token names). */
  nodeId: string;
  /** Epoch ms after which the state is removed if its client is not connected to signaling. */
  expiresAt: number;
}

export function publicState(state: StoredVoiceState): VoiceState {
  return {
    userId: state.userId,
    guildId: state.guildId,
    channelId: state.channelId,
    sessionId: state.sessionId,
    selfMute: state.selfMute,
    selfDeaf: state.selfDeaf,
    mute: state.mute,
    deaf: state.deaf,
    selfVideo: state.selfVideo,
    selfStream: state.selfStream,
    joinedAt: state.joinedAt,
  };
}

/**
 * Voice states: one per user (a join elsewhere replaces it), plus the users seated per channel and per
 * guild for the listings. Writes that must not undo a newer join compare the session id. Redis in the
 * distributed shape (shared by every voice node), memory in the standalone one.
 */
export abstract class VoiceStateStore {
  abstract get(userId: string): Promise<StoredVoiceState | null>;

  /** Writes a user's state, moving their seat away from the previous channel and guild. */
  abstract put(next: StoredVoiceState, previous: StoredVoiceState | null): Promise<void>;

  /** Writes `next` only if the user's state still has `sessionId`; false when it moved on. */
  abstract replaceIfSession(sessionId: string, next: StoredVoiceState): Promise<boolean>;

  /** Removes the state (and its seats) if it still has its session id; false when another join replaced it. */
  abstract remove(state: StoredVoiceState): Promise<boolean>;

  /** The states seated in a channel, oldest join first. */
  abstract inChannel(channelId: string): Promise<StoredVoiceState[]>;

  /** The states in any channel of a guild, oldest join first. */
  abstract inGuild(guildId: string): Promise<StoredVoiceState[]>;

  /**
   * Seats the user in the channel if fewer than `limit` others are there, in one step, so two joins at the
   * same moment cannot both take the last seat. A user already seated keeps theirs. False when full.
   */
  abstract reserveSeat(channelId: string, userId: string, limit: number): Promise<boolean>;

  /** Gives back a seat taken by reserveSeat when the join then failed. */
  abstract releaseSeat(channelId: string, userId: string): Promise<void>;

  /** Seats taken in a channel (states and reservations). */
  abstract countInChannel(channelId: string): Promise<number>;
}

/** Listing order of both adapters: oldest join first, then user id. */
export function byJoinTime(a: StoredVoiceState, b: StoredVoiceState): number {
  return a.joinedAt.localeCompare(b.joinedAt) || a.userId.localeCompare(b.userId);
}
