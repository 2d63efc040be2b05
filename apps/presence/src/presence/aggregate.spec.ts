import { describe, expect, it } from 'vitest';
import {
  aggregatePresence,
  customStatusActive,
  deadGateways,
  diffConnections,
  dueExpiries,
  OFFLINE,
  presenceFor,
} from './aggregate';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const custom = { text: 'cooking', emoji: '🍲', expiresAt: null };

describe('aggregatePresence (Discord rules across devices)', () => {
  it('no connection: offline for everyone, custom status hidden', () => {
    expect(aggregatePresence({ chosen: 'dnd', customStatus: custom, connections: [] }, NOW)).toEqual(OFFLINE);
  });

  it('automatic: any active device → online; all idle → idle', () => {
    const online = aggregatePresence(
      { chosen: 'online', customStatus: null, connections: ['idle', 'online'] },
      NOW,
    );
    expect(online.public.status).toBe('online');
    expect(online.self.status).toBe('online');
    const idle = aggregatePresence(
      { chosen: 'online', customStatus: null, connections: ['idle', 'idle'] },
      NOW,
    );
    expect(idle.public.status).toBe('idle');
  });

  it('a chosen dnd or idle wins over active devices', () => {
    expect(
      aggregatePresence({ chosen: 'dnd', customStatus: null, connections: ['online', 'idle'] }, NOW).public
        .status,
    ).toBe('dnd');
    expect(
      aggregatePresence({ chosen: 'idle', customStatus: null, connections: ['online'] }, NOW).public.status,
    ).toBe('idle');
  });

  it('invisible: the user sees invisible (with custom status), others see offline without it', () => {
    const presence = aggregatePresence(
      { chosen: 'invisible', customStatus: custom, connections: ['online'] },
      NOW,
    );
    expect(presence.self).toEqual({ status: 'invisible', customStatus: custom });
    expect(presence.public).toEqual({ status: 'offline', customStatus: null });
    expect(presenceFor('1', '1', presence).status).toBe('invisible');
    expect(presenceFor('1', '2', presence).status).toBe('offline');
  });

  it('the custom status shows until it expires', () => {
    const expiring = { ...custom, expiresAt: '2026-05-01T12:00:30Z' };
    expect(customStatusActive(expiring, NOW)).toBe(true);
    expect(customStatusActive(expiring, NOW + 30_000)).toBe(false);
    const later = aggregatePresence(
      { chosen: 'online', customStatus: expiring, connections: ['online'] },
      NOW + 60_000,
    );
    expect(later.public.customStatus).toBeNull();
  });
});

describe('expiry decisions', () => {
  it('a gateway whose liveness key is gone is dead', () => {
    expect(deadGateways(['a', 'b', 'c'], [true, false, true])).toEqual(['b']);
  });

  it('custom statuses whose time has come expire', () => {
    expect(
      dueExpiries(
        [
          { userId: '1', expiresAt: NOW - 1 },
          { userId: '2', expiresAt: NOW + 1 },
          { userId: '3', expiresAt: NOW },
        ],
        NOW,
      ),
    ).toEqual(['1', '3']);
  });

  it('a heartbeat list repairs what presence holds (and rebuilds it from nothing)', () => {
    const held = new Map([
      ['c1', { userId: '1', activity: 'online' as const }],
      ['c2', { userId: '2', activity: 'online' as const }],
    ]);
    const diff = diffConnections(held, [
      { connectionId: 'c1', userId: '1', activity: 'online' },
      { connectionId: 'c3', userId: '3', activity: 'idle' },
      { connectionId: 'c2', userId: '2', activity: 'idle' },
    ]);
    expect(diff.upsert.map((c) => c.connectionId)).toEqual(['c3', 'c2']);
    expect(diff.remove).toEqual([]);
    expect(diffConnections(held, []).remove.map((c) => c.connectionId)).toEqual(['c1', 'c2']);
    expect(
      diffConnections(new Map(), [{ connectionId: 'c1', userId: '1', activity: 'online' }]).upsert,
    ).toHaveLength(1);
  });
});
