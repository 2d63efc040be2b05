import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable, runWithRetries } from './retry';

const policy = { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 };

function failing(times: number, error: () => Error): { attempt: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    attempt: async () => {
      calls++;
      if (calls <= times) throw error();
    },
    calls: () => calls,
  };
}

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('runWithRetries', () => {
  it('gives up on an event that keeps failing after maxRetries + 1 attempts', async () => {
    const handler = failing(10, () => new Error('boom'));
    expect(await runWithRetries(handler.attempt, policy)).toEqual({
      handled: false,
      attempts: 3,
      reason: 'boom',
    });
    expect(handler.calls()).toBe(3);
  });

  it('waits for a server that is away without using up the retries (no dead letter)', async () => {
    const handler = failing(8, refused);
    expect(await runWithRetries(handler.attempt, policy)).toEqual({ handled: true, attempts: 1 });
    expect(handler.calls()).toBe(9);
  });

  it('stops waiting for the server when the subscription leaves', async () => {
    const handler = failing(100, refused);
    let polls = 0;
    const outcome = await runWithRetries(handler.attempt, policy, { keepGoing: () => ++polls < 5 });
    expect(outcome).toEqual({ handled: false, stopped: true });
  });
});

describe('isDependencyUnavailable', () => {
  it('knows refused and reset connections, Postgres going away and class 08, also as a cause', () => {
    expect(isDependencyUnavailable(refused())).toBe(true);
    expect(isDependencyUnavailable(Object.assign(new Error('shutting down'), { code: '57P01' }))).toBe(true);
    expect(isDependencyUnavailable(Object.assign(new Error('no connection'), { code: '08006' }))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('request failed', { cause: refused() }))).toBe(true);
    expect(isDependencyUnavailable(new AggregateError([refused()], 'all failed'))).toBe(true);
  });

  it('does not take a bad event or a constraint violation for an outage', () => {
    expect(isDependencyUnavailable(new Error('boom'))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDependencyUnavailable('ECONNREFUSED')).toBe(false);
  });
});
