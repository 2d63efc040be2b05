import type { RevokedSession } from '@bonfire/contracts';
import { createEvent, InProcessEventBus } from '@bonfire/messaging';
import { HealthRegistry, ServiceLogger } from '@bonfire/platform';
import { until } from '@bonfire/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemorySessionDenylist } from './memory-session-denylist';
import { RevokedSessionsSource } from './revoked-sessions.source';
import { SessionRevocations } from './session-revocations';

/** Answers what it is given, or throws while `failures` is positive (auth unreachable). */
class FakeSource extends RevokedSessionsSource {
  calls = 0;
  constructor(
    private readonly sessions: RevokedSession[] = [],
    private failures = 0,
  ) {
    super();
  }

  list(): Promise<RevokedSession[]> {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(new Error('auth unreachable: connect ECONNREFUSED 127.0.0.1:4001'));
    }
    return Promise.resolve(this.sessions);
  }
}

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

async function denylistCheck(health: HealthRegistry) {
  return (await health.readiness()).checks['session-denylist'];
}

describe('SessionRevocations', () => {
  let bus = new InProcessEventBus({ acknowledge: 'handled' });
  beforeEach(() => {
    bus = new InProcessEventBus({ acknowledge: 'handled' });
  });
  const started: SessionRevocations[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((revocations) => revocations.onApplicationShutdown()));
    await bus.close();
  });

  function revocations(denylist: InMemorySessionDenylist, health: HealthRegistry, source: FakeSource) {
    const created = new SessionRevocations(
      denylist,
      bus,
      health,
      source,
      new ServiceLogger('gateway', 'silent'),
    );
    created.retryDelayMs = 20;
    started.push(created);
    return created;
  }

  it('denies each revoked session on this gateway, in its own consumer group', async () => {
    const denylist = new InMemorySessionDenylist();
    const first = revocations(denylist, new HealthRegistry(), new FakeSource());
    const second = revocations(new InMemorySessionDenylist(), new HealthRegistry(), new FakeSource());
    expect(first.group).not.toBe(second.group);
    await first.onApplicationBootstrap();
    await second.onApplicationBootstrap();

    const data = {
      sessionId: 's1',
      userId: 'u1',
      reason: 'SESSION_REVOKED',
      expiresAt: inAMinute(),
    } as const;
    await bus.publish(createEvent('session.revoked', 's1', data, 'auth'));
    expect(denylist.find('s1')).toMatchObject({ userId: 'u1', reason: 'SESSION_REVOKED' });
  });

  it('loads the sessions auth revoked before this gateway started, then reports ready', async () => {
    const denylist = new InMemorySessionDenylist();
    const health = new HealthRegistry();
    const source = new FakeSource([
      { sessionId: 'before-restart', userId: 'u1', reason: 'LOGGED_OUT', expiresAt: inAMinute() },
      {
        sessionId: 'long-expired',
        userId: 'u2',
        reason: 'SESSION_REVOKED',
        expiresAt: new Date(Date.now() - 1_000).toISOString(),
      },
    ]);
    await revocations(denylist, health, source).onApplicationBootstrap();

    expect(source.calls).toBe(1);
    expect(denylist.find('before-restart')).toMatchObject({ userId: 'u1', reason: 'LOGGED_OUT' });
    expect(denylist.find('long-expired')).toBeNull();
    expect(await denylistCheck(health)).toMatchObject({ status: 'up' });
  });

  it('stays not ready, saying why, while auth cannot answer, and retries until it does', async () => {
    const denylist = new InMemorySessionDenylist();
    const health = new HealthRegistry();
    const source = new FakeSource(
      [{ sessionId: 's9', userId: 'u9', reason: 'PASSWORD_CHANGED', expiresAt: inAMinute() }],
      2,
    );
    await revocations(denylist, health, source).onApplicationBootstrap();

    const down = await denylistCheck(health);
    expect(down?.status).toBe('down');
    expect(down?.error).toContain('revoked sessions not loaded from auth yet');
    expect(down?.error).toContain('ECONNREFUSED');
    expect(denylist.find('s9')).toBeNull();

    await until(async () => (await denylistCheck(health))?.status === 'up');
    expect(source.calls).toBe(3);
    expect(denylist.find('s9')).toMatchObject({ userId: 'u9', reason: 'PASSWORD_CHANGED' });
  });

  it('stops retrying once shut down', async () => {
    const source = new FakeSource([], 1_000);
    const created = revocations(new InMemorySessionDenylist(), new HealthRegistry(), source);
    await created.onApplicationBootstrap();
    await created.onApplicationShutdown();
    const calls = source.calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(source.calls).toBe(calls);
  });
});
