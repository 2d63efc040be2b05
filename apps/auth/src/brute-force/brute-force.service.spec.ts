import { AppError } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { BruteForceService, retryAfterSeconds } from './brute-force.service';
import { InMemoryFailureCounterStore } from './memory-failure-counter.store';

const limits = {
  LOGIN_MAX_FAILURES_PER_ACCOUNT: 3,
  LOGIN_MAX_FAILURES_PER_IP: 5,
  LOGIN_FAILURE_WINDOW_SECONDS: 60,
};

function setup() {
  let now = 1_000_000;
  const store = new InMemoryFailureCounterStore(() => now);
  const service = new BruteForceService(store, limits);
  return { service, store, advance: (ms: number) => (now += ms) };
}

async function rejection(promise: Promise<unknown>): Promise<AppError | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('retryAfterSeconds', () => {
  it('allows below the limit and waits until the window ends at it', () => {
    expect(retryAfterSeconds({ count: 2, resetsInSeconds: 40 }, 3)).toBe(0);
    expect(retryAfterSeconds({ count: 3, resetsInSeconds: 40 }, 3)).toBe(40);
    expect(retryAfterSeconds({ count: 9, resetsInSeconds: 0 }, 3)).toBe(1);
  });
});

describe('fixed-window counter', () => {
  it('opens a window at the first failure and forgets it when it ends', async () => {
    const { store, advance } = setup();
    expect(await store.increment('k', 60)).toEqual({ count: 1, resetsInSeconds: 60 });
    advance(20_500);
    expect(await store.increment('k', 60)).toEqual({ count: 2, resetsInSeconds: 40 }); // window not extended
    advance(39_500);
    expect(await store.peek('k')).toEqual({ count: 0, resetsInSeconds: 0 });
    expect(await store.increment('k', 60)).toEqual({ count: 1, resetsInSeconds: 60 });
  });
});

describe('BruteForceService', () => {
  it('answers 429 with Retry-After once an account reaches its limit, until the window ends', async () => {
    const { service, advance } = setup();
    for (let attempt = 0; attempt < 3; attempt++) {
      await service.assertAllowed('user:1', `10.0.0.${attempt}`);
      await service.recordFailure('user:1', `10.0.0.${attempt}`);
      advance(10_000);
    }
    const error = await rejection(service.assertAllowed('user:1', '10.0.0.9'));
    expect(error?.status).toBe(429);
    expect(error?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(error?.headers).toEqual({ 'Retry-After': '30' }); // opened at t0, 30 s of 60 left
    await expect(service.assertAllowed('user:2', '10.0.0.9')).resolves.toBeUndefined();
    advance(30_000);
    await expect(service.assertAllowed('user:1', '10.0.0.9')).resolves.toBeUndefined();
  });

  it('limits an IP across accounts', async () => {
    const { service } = setup();
    for (let account = 0; account < 5; account++)
      await service.recordFailure(`login:${account}`, '192.0.2.1');
    expect((await rejection(service.assertAllowed('login:new', '192.0.2.1')))?.status).toBe(429);
    await expect(service.assertAllowed('login:new', '192.0.2.2')).resolves.toBeUndefined();
  });

  it('clears the account counter on success, not the IP counter', async () => {
    const { service } = setup();
    await service.recordFailure('user:1', '192.0.2.1');
    await service.recordFailure('user:1', '192.0.2.1');
    await service.recordSuccess('user:1');
    await service.recordFailure('user:1', '192.0.2.1');
    await service.recordFailure('user:1', '192.0.2.1');
    await expect(service.assertAllowed('user:1', '192.0.2.3')).resolves.toBeUndefined();
    await service.recordFailure('user:1', '192.0.2.1');
    // IP has 5 failures now → blocked even though the account only has 3 in the window
    expect((await rejection(service.assertAllowed('user:9', '192.0.2.1')))?.status).toBe(429);
  });
});
