import { describe, expect, it } from 'vitest';
import { runWithRetries } from './retry';

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
