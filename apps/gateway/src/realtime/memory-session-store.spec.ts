import { describe, expect, it } from 'vitest';
import { InMemorySessionStore } from './memory-session-store';
import { describeSessionStoreContract } from './session-store.contract';

describeSessionStoreContract('in-memory', async (options) => ({
  store: new InMemorySessionStore(options),
  dispose: async () => undefined,
}));

describe('InMemorySessionStore', () => {
  it('drops expired sessions, heartbeats, typing throttles, connections and handshake counts nobody reads again', async () => {
    let now = 1_000_000;
    const store = new InMemorySessionStore({ windowSeconds: 60 }, () => now);
    for (let n = 0; n < 20; n++) await store.create(`s${n}`, 'u', 'n/a');
    await store.heartbeat('gone', 15);
    await store.claimTyping('u', 'c', 5);
    await store.claimHandshake('u', 'n/s', { perWindow: 10, windowSeconds: 60, cap: 10, ttlSeconds: 30 });
    expect(store.size).toBe(24);
    now += 61_000;
    await store.create('fresh', 'u', 'n/a');
    expect(store.size).toBe(1);
    expect(await store.get('fresh')).toMatchObject({ owner: 'n/a' });
  });
});
