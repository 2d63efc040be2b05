import type { Presence } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import {
  applyPresenceUpdate,
  clearTyping,
  expireTyping,
  initialPresence,
  putPresences,
  startTyping,
} from './presence';

const presence = (userId: string, status: Presence['status']) =>
  ({ userId, status, customStatus: null }) as Presence;

describe('typing indicators', () => {
  it('use the server expiry, or a fallback when it cannot be read', () => {
    const state = startTyping(
      initialPresence(),
      { channelId: '7', userId: '2', expiresAt: '2026-01-01T00:00:10.000Z' },
      0,
    );
    expect(state.typing['7']!['2']).toBe(Date.parse('2026-01-01T00:00:10.000Z'));
    const fallback = startTyping(state, { channelId: '7', userId: '3', expiresAt: 'soon' }, 1000);
    expect(fallback.typing['7']).toEqual({ '2': Date.parse('2026-01-01T00:00:10.000Z'), '3': 9000 });
  });

  it('go when the user’s message arrives, and clearing an absent one changes nothing', () => {
    const state = startTyping(initialPresence(), { channelId: '7', userId: '2', expiresAt: 'x' }, 0);
    expect(clearTyping(state, '7', '2').typing).toEqual({ '7': {} });
    expect(clearTyping(state, '7', '9')).toBe(state);
  });

  it('expire when their time is up; the same state when none did', () => {
    let state = startTyping(initialPresence(), { channelId: '7', userId: '2', expiresAt: 'x' }, 0);
    state = startTyping(state, { channelId: '7', userId: '3', expiresAt: 'x' }, 5000);
    expect(expireTyping(state, 7999)).toBe(state);
    expect(expireTyping(state, 8000).typing).toEqual({ '7': { '3': 13000 } });
  });
});

describe('presences', () => {
  it('take a batch by user and leave the state alone for an empty one', () => {
    const state = putPresences(initialPresence(), [presence('1', 'online'), presence('2', 'idle')]);
    expect(Object.keys(state.presences)).toEqual(['1', '2']);
    expect(putPresences(state, [])).toBe(state);
  });

  it('follow my own presence updates into my status', () => {
    const mine = applyPresenceUpdate(initialPresence(), presence('1', 'dnd'), '1');
    expect(mine.myPresence).toEqual({ status: 'dnd', customStatus: null });
    const theirs = applyPresenceUpdate(mine, presence('2', 'idle'), '1');
    expect(theirs.myPresence).toBe(mine.myPresence);
    expect(theirs.presences['2']!.status).toBe('idle');
  });
});
