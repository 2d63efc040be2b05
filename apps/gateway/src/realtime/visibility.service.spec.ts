import { describe, expect, it, vi } from 'vitest';
import { fakeSocket, realtimeProviders, state } from './realtime.providers.test-kit';
import { VisibilityService } from './visibility.service';

function setUp(visibleChannels: (userId: string) => Promise<string[] | null>) {
  const parts = realtimeProviders({
    visibleChannels: vi.fn((identity: { userId: string }) => visibleChannels(identity.userId)),
  } as never);
  const visibility = new VisibilityService(parts.registry, parts.chat, parts.logger);
  const session = (userId: string, guilds: Record<string, string[]>, dms: string[] = []) => {
    const created = parts.registry.newSession(`s-${userId}`, fakeSocket(userId, userId).socket);
    parts.registry.register(created, state(userId, guilds, dms));
    return created;
  };
  return { ...parts, visibility, session };
}

describe('VisibilityService', () => {
  it('recomputes the guild for the users it names: one chat call per user, moves per session', async () => {
    const { visibility, session, chat } = setUp(async () => ['c2', 'c3']);
    const alice = session('alice', { g1: ['c1', 'c2'] });
    const moves = await visibility.applyChange({ kind: 'users', guildId: 'g1', userIds: ['alice'] });
    expect(moves).toEqual([{ session: alice, guildId: 'g1', known: true, shown: ['c3'], hidden: ['c1'] }]);
    expect(chat.visibleChannels).toHaveBeenCalledTimes(1);
  });

  it('closes the sessions of a user chat could not answer for (fail closed)', async () => {
    const { visibility, session } = setUp(() => Promise.reject(new Error('chat down')));
    const alice = session('alice', { g1: ['c1'] });
    expect(await visibility.applyChange({ kind: 'guild', guildId: 'g1' })).toEqual([]);
    expect(alice.dropped).toBe(true);
  });

  it('leaves a guild and removes a channel without asking chat', async () => {
    const { visibility, session, registry, chat } = setUp(async () => []);
    const alice = session('alice', { g1: ['c1', 'c2'] });
    await visibility.applyChange({ kind: 'remove-channel', channelId: 'c1' });
    expect(registry.sessionsIn('channel:c1')).toEqual([]);
    expect([...alice.guildChannels.get('g1')!]).toEqual(['c2']);
    await visibility.applyChange({ kind: 'leave-guild', guildId: 'g1', userId: 'alice' });
    expect([...alice.rooms]).toEqual(['user:alice']);
    expect(chat.visibleChannels).not.toHaveBeenCalled();
  });

  it("sets a DM channel's room to exactly its recipients' sessions", async () => {
    const { visibility, session, registry } = setUp(async () => []);
    const alice = session('alice', {}, ['dm1']);
    const bob = session('bob', {});
    const moves = await visibility.applyChange({ kind: 'dm', channelId: 'dm1', userIds: ['bob'] });
    expect(moves).toEqual([
      { session: alice, guildId: null, shown: [], hidden: ['dm1'] },
      { session: bob, guildId: null, shown: ['dm1'], hidden: [] },
    ]);
    expect(registry.sessionsIn('channel:dm1')).toEqual([bob]);
  });
});
