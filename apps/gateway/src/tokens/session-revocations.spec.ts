import { createEvent, InProcessEventBus } from '@bonfire/messaging';
import { HealthRegistry } from '@bonfire/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { InMemorySessionDenylist } from './memory-session-denylist';
import { SessionRevocations } from './session-revocations';

describe('SessionRevocations', () => {
  const bus = new InProcessEventBus({ acknowledge: 'handled' });
  afterEach(() => bus.close());

  it('denies each revoked session on this gateway, in its own consumer group', async () => {
    const denylist = new InMemorySessionDenylist();
    const health = new HealthRegistry();
    const first = new SessionRevocations(denylist, bus, health);
    const second = new SessionRevocations(new InMemorySessionDenylist(), bus, new HealthRegistry());
    expect(first.group).not.toBe(second.group);
    await first.onApplicationBootstrap();
    await second.onApplicationBootstrap();

    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    await bus.publish(
      createEvent(
        'session.revoked',
        's1',
        { sessionId: 's1', userId: 'u1', reason: 'SESSION_REVOKED', expiresAt },
        'auth',
      ),
    );
    expect(denylist.find('s1')).toMatchObject({ userId: 'u1', reason: 'SESSION_REVOKED' });
    await first.onApplicationShutdown();
    await second.onApplicationShutdown();
  });
});
