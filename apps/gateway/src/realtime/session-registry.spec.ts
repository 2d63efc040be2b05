import { describe, expect, it } from 'vitest';
import { fakeSocket, realtimeProviders, state } from './realtime.providers.test-kit';

describe('SessionRegistry', () => {
  it('holds a session in the rooms of its state and answers the targets of a packet', () => {
    const { registry } = realtimeProviders();
    const alice = registry.newSession('s-a', fakeSocket('a', 'alice').socket);
    const bob = registry.newSession('s-b', fakeSocket('b', 'bob').socket);
    registry.register(alice, state('alice', { g1: ['c1', 'c2'] }, ['dm1']));
    registry.register(bob, state('bob', { g1: ['c1'] }));
    expect([...alice.rooms].sort()).toEqual([
      'channel:c1',
      'channel:c2',
      'channel:dm1',
      'guild:g1',
      'user:alice',
    ]);
    expect(registry.get(alice.owner)).toBe(alice);
    expect(registry.size).toBe(2);
    expect(registry.targets({ rooms: ['channel:c1'] })).toEqual(new Set([alice, bob]));
    expect(registry.targets({ rooms: ['channel:c1', 'guild:g1'], exceptUserId: 'alice' })).toEqual(
      new Set([bob]),
    );
    expect(registry.targets({ rooms: ['channel:c1'], exceptUserIds: ['bob'] })).toEqual(new Set([alice]));
    expect(registry.targets({ rooms: ['channel:c1'] }, bob)).toEqual(new Set([bob]));
    expect(registry.targets({ rooms: ['channel:c2'] }, bob)).toEqual(new Set());
  });

  it('moves a session within a guild and out of it, answering the difference', () => {
    const { registry } = realtimeProviders();
    const alice = registry.newSession('s-a', fakeSocket('a', 'alice').socket);
    registry.register(alice, state('alice', { g1: ['c1', 'c2'] }));
    expect(registry.setGuild(alice, 'g1', ['c2', 'c3'])).toEqual({ shown: ['c3'], hidden: ['c1'] });
    expect(registry.sessionsIn('channel:c1')).toEqual([]);
    expect(registry.sessionsIn('channel:c3')).toEqual([alice]);
    expect(registry.setGuild(alice, 'g1', null)).toEqual({ shown: [], hidden: ['c2', 'c3'] });
    expect([...alice.rooms]).toEqual(['user:alice']);
    expect(alice.guildChannels.has('g1')).toBe(false);
  });

  it('keeps a detached session, and leaves every room when it is dropped or ended', async () => {
    const { registry, store } = realtimeProviders();
    const { socket } = fakeSocket('a', 'alice');
    const alice = registry.newSession('6f1b0c1e-0000-4000-8000-000000000001', socket);
    await store.create(alice.id, alice.userId, alice.owner);
    registry.register(alice, state('alice', { g1: ['c1'] }));
    registry.attach(alice, socket);
    expect(socket.data.session).toBe(alice);
    registry.detach(alice);
    expect(alice.socket).toBeNull();
    expect(registry.sessionsIn('channel:c1')).toEqual([alice]);
    registry.end(alice, 'UNAVAILABLE');
    expect(alice.dropped).toBe(true);
    expect(registry.sessionsIn('channel:c1')).toEqual([]);
    expect(registry.size).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.get(alice.id)).toBeNull();
    registry.join(alice, 'channel:c9');
    expect(registry.sessionsIn('channel:c9')).toEqual([]);
  });
});
