import { describe, expect, it, vi } from 'vitest';
import { InMemorySessionDenylist } from './memory-session-denylist';
import type { DeniedSession } from './session-denylist';

function entry(sessionId: string, expiresAtMs: number): DeniedSession {
  return { sessionId, userId: 'u1', reason: 'LOGGED_OUT', expiresAtMs };
}

describe('InMemorySessionDenylist', () => {
  it('denies a session until its last token expires, then forgets it', () => {
    let now = 1_000;
    const denylist = new InMemorySessionDenylist(() => now);
    denylist.deny(entry('s1', 5_000));
    expect(denylist.find('s1')).toMatchObject({ sessionId: 's1', reason: 'LOGGED_OUT' });
    expect(denylist.find('s2')).toBeNull();
    now = 5_000;
    expect(denylist.find('s1')).toBeNull();
    expect(denylist.size).toBe(0);
  });

  it('ignores entries that have already expired (a replayed old revocation)', () => {
    const denylist = new InMemorySessionDenylist(() => 10_000);
    const listener = vi.fn();
    denylist.onDenied(listener);
    denylist.deny(entry('s1', 9_999));
    expect(denylist.find('s1')).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });

  it('tells listeners once per session, and keeps the later expiry of a repeated revocation', () => {
    let now = 0;
    const denylist = new InMemorySessionDenylist(() => now);
    const listener = vi.fn();
    const unsubscribe = denylist.onDenied(listener);
    denylist.deny(entry('s1', 1_000));
    denylist.deny(entry('s1', 3_000));
    denylist.deny(entry('s1', 2_000));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(entry('s1', 1_000));
    now = 2_500;
    expect(denylist.find('s1')?.expiresAtMs).toBe(3_000);
    unsubscribe();
    denylist.deny(entry('s2', 9_000));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sweeps expired entries on later writes', () => {
    let now = 0;
    const denylist = new InMemorySessionDenylist(() => now);
    for (let i = 0; i < 10; i++) denylist.deny(entry(`s${i}`, 1_000));
    expect(denylist.size).toBe(10);
    now = 120_000;
    denylist.deny(entry('fresh', 200_000));
    expect(denylist.size).toBe(1);
  });
});
