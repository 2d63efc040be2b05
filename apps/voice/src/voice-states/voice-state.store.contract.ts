import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredVoiceState, VoiceStateStore } from './voice-state.store';

type MakeVoiceStateStore = () => Promise<{ store: VoiceStateStore; dispose: () => Promise<void> }>;

let sequence = 0;
const id = () => String(1_000_000 + ++sequence);

function voiceState(overrides: Partial<StoredVoiceState> = {}): StoredVoiceState {
  return {
    userId: id(),
    guildId: 'g1',
    channelId: 'c1',
    sessionId: randomUUID(),
    selfMute: false,
    selfDeaf: false,
    mute: false,
    deaf: false,
    selfVideo: false,
    selfStream: false,
    joinedAt: new Date().toISOString(),
    nodeId: 'node-1',
    expiresAt: Date.now() + 60_000,
    ...overrides,
  };
}

/** One behaviour suite for every VoiceStateStore adapter. */
export function describeVoiceStateStoreContract(name: string, makeStore: MakeVoiceStateStore): void {
  describe(`VoiceStateStore contract: ${name}`, () => {
    let store: VoiceStateStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });

    afterEach(async () => {
      await dispose();
    });

    it('keeps one state per user and lists it by channel and guild', async () => {
      const alice = voiceState();
      expect(await store.get(alice.userId)).toBeNull();
      await store.put(alice, null);
      expect(await store.get(alice.userId)).toEqual(alice);
      expect(await store.inChannel('c1')).toEqual([alice]);
      expect(await store.inGuild('g1')).toEqual([alice]);
      expect(await store.countInChannel('c1')).toBe(1);

      // What a caller does with an answer does not change the stored state.
      const read = (await store.get(alice.userId))!;
      read.mute = true;
      expect((await store.get(alice.userId))!.mute).toBe(false);
    });

    it('moves the seat with the state when a user joins another channel and guild', async () => {
      const first = voiceState({ channelId: 'c1', guildId: 'g1' });
      await store.put(first, null);
      const moved = { ...first, channelId: 'c2', guildId: 'g2', sessionId: randomUUID() };
      await store.put(moved, first);
      expect(await store.get(first.userId)).toEqual(moved);
      expect(await store.inChannel('c1')).toEqual([]);
      expect(await store.countInChannel('c1')).toBe(0);
      expect(await store.inGuild('g1')).toEqual([]);
      expect(await store.inChannel('c2')).toEqual([moved]);
      expect(await store.inGuild('g2')).toEqual([moved]);

      // Same guild, other channel: the guild listing keeps the user.
      const again = { ...moved, channelId: 'c3' };
      await store.put(again, moved);
      expect(await store.inGuild('g2')).toEqual([again]);
      expect(await store.countInChannel('c2')).toBe(0);
    });

    it('replaces a state only while it still has the expected session', async () => {
      const state = voiceState();
      expect(await store.replaceIfSession(state.sessionId, state)).toBe(false);
      expect(await store.get(state.userId)).toBeNull();

      await store.put(state, null);
      const muted = { ...state, selfMute: true };
      expect(await store.replaceIfSession(state.sessionId, muted)).toBe(true);
      expect(await store.get(state.userId)).toEqual(muted);

      const stale = { ...state, selfDeaf: true };
      expect(await store.replaceIfSession(randomUUID(), stale)).toBe(false);
      expect(await store.get(state.userId)).toEqual(muted);
    });

    it('removes a state and its seats only while it still has its session', async () => {
      const state = voiceState({ guildId: 'g9', channelId: 'c9' });
      await store.put(state, null);
      expect(await store.remove({ ...state, sessionId: randomUUID() })).toBe(false);
      expect(await store.get(state.userId)).toEqual(state);
      expect(await store.countInChannel('c9')).toBe(1);

      expect(await store.remove(state)).toBe(true);
      expect(await store.get(state.userId)).toBeNull();
      expect(await store.inChannel('c9')).toEqual([]);
      expect(await store.inGuild('g9')).toEqual([]);
      expect(await store.countInChannel('c9')).toBe(0);
      expect(await store.remove(state)).toBe(false);
    });

    it('lists oldest joins first, then by user id', async () => {
      const late = voiceState({ userId: '30', joinedAt: '2026-01-01T00:00:02.000Z' });
      const early = voiceState({ userId: '20', joinedAt: '2026-01-01T00:00:01.000Z' });
      const tied = voiceState({ userId: '10', joinedAt: '2026-01-01T00:00:02.000Z' });
      for (const state of [late, early, tied]) await store.put(state, null);
      expect((await store.inChannel('c1')).map((state) => state.userId)).toEqual(['20', '10', '30']);
      expect((await store.inGuild('g1')).map((state) => state.userId)).toEqual(['20', '10', '30']);
    });

    it('seats at most `limit` users; a seated user keeps their seat; a released seat is free again', async () => {
      const [a, b, c] = [id(), id(), id()];
      expect(await store.reserveSeat('c5', a, 2)).toBe(true);
      expect(await store.reserveSeat('c5', b, 2)).toBe(true);
      expect(await store.reserveSeat('c5', c, 2)).toBe(false);
      expect(await store.reserveSeat('c5', a, 2)).toBe(true);
      expect(await store.countInChannel('c5')).toBe(2);
      // A reservation is a seat, not a state: it is counted but not listed.
      expect(await store.inChannel('c5')).toEqual([]);

      await store.releaseSeat('c5', b);
      expect(await store.countInChannel('c5')).toBe(1);
      expect(await store.reserveSeat('c5', c, 2)).toBe(true);

      // The join that reserved then writes its state: still one seat.
      const state = voiceState({ userId: a, channelId: 'c5' });
      await store.put(state, null);
      expect(await store.countInChannel('c5')).toBe(2);
      expect(await store.inChannel('c5')).toEqual([state]);
    });

    it('gives the last seats to exactly as many simultaneous joins as the limit allows', async () => {
      const users = Array.from({ length: 12 }, () => id());
      const taken = await Promise.all(users.map((user) => store.reserveSeat('c7', user, 3)));
      expect(taken.filter(Boolean)).toHaveLength(3);
      expect(await store.countInChannel('c7')).toBe(3);
    });
  });
}
