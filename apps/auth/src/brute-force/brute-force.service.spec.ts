import { AppError } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { backoffSeconds, BruteForceService, retryAfterSeconds } from './brute-force.service';
import { InMemoryFailureCounterStore } from './memory-failure-counter.store';

const limits = {
  LOGIN_FAILURE_WINDOW_SECONDS: 900,
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: 3,
  LOGIN_BACKOFF_BASE_SECONDS: 10,
  LOGIN_BACKOFF_MAX_SECONDS: 60,
  LOGIN_MAX_FAILURES_PER_IP: 20,
  LOGIN_MAX_FAILURES_PER_ACCOUNT: 100,
  LOGIN_FAILURE_KEY_PREFIX: 'auth:login-failures',
};

function setup(overrides: Partial<typeof limits> = {}) {
  let now = 1_000_000;
  const store = new InMemoryFailureCounterStore(() => now);
  const service = new BruteForceService(store, { ...limits, ...overrides });
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

/** One login attempt with a wrong password, as AuthService makes it: 429, or 401 after counting it. */
async function failedAttempt(service: BruteForceService, account: string, ip: string): Promise<number> {
  const refused = await rejection(service.assertAllowed(account, ip));
  if (refused) return refused.status;
  await service.recordFailure(account, ip);
  return 401;
}

describe('retryAfterSeconds', () => {
  it('allows below the limit and waits until the window ends at it', () => {
    expect(retryAfterSeconds({ count: 2, resetsInSeconds: 40 }, 3)).toBe(0);
    expect(retryAfterSeconds({ count: 3, resetsInSeconds: 40 }, 3)).toBe(40);
    expect(retryAfterSeconds({ count: 9, resetsInSeconds: 0 }, 3)).toBe(1);
  });
});

describe('backoffSeconds', () => {
  it('waits nothing within the allowance, then doubles from the base up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 500].map((failures) => backoffSeconds(failures, limits))).toEqual([
      0, 0, 10, 20, 40, 60, 60, 60,
    ]);
  });
});

describe('BruteForceService', () => {
  it('backs one (account, address) pair off longer after each further failure', async () => {
    const { service, advance } = setup();
    expect(await failedAttempt(service, 'user:1', '192.0.2.1')).toBe(401);
    expect(await failedAttempt(service, 'user:1', '192.0.2.1')).toBe(401);
    expect(await failedAttempt(service, 'user:1', '192.0.2.1')).toBe(401);
    const waits: string[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await rejection(service.assertAllowed('user:1', '192.0.2.1'));
      expect(refused?.status).toBe(429);
      expect(refused?.code).toBe('TOO_MANY_ATTEMPTS');
      waits.push(refused!.headers!['Retry-After']!);
      advance(Number(refused!.headers!['Retry-After']) * 1000);
      expect(await failedAttempt(service, 'user:1', '192.0.2.1')).toBe(401);
    }
    expect(waits).toEqual(['10', '20', '40']);
  });

  it('lets the owner in from another address while an attacker hammers the account from one', async () => {
    const { service, advance } = setup();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      statuses.push(await failedAttempt(service, 'user:1', '198.51.100.66'));
      advance(1_000);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(40);
    await expect(service.assertAllowed('user:1', '203.0.113.5')).resolves.toBeUndefined();
  });

  it('caps the failures of one address across accounts until the window ends', async () => {
    const { service, advance } = setup();
    for (let account = 0; account < 20; account++) {
      expect(await failedAttempt(service, `login:nobody-${account}`, '192.0.2.1')).toBe(401);
    }
    const refused = await rejection(service.assertAllowed('login:fresh', '192.0.2.1'));
    expect(refused?.status).toBe(429);
    expect(refused?.headers).toEqual({ 'Retry-After': '900' });
    await expect(service.assertAllowed('login:fresh', '192.0.2.2')).resolves.toBeUndefined();
    advance(900_000);
    await expect(service.assertAllowed('login:fresh', '192.0.2.1')).resolves.toBeUndefined();
  });

  it('keeps an account-wide safety net for guessing from very many addresses', async () => {
    const { service } = setup({ LOGIN_MAX_FAILURES_PER_ACCOUNT: 6 });
    for (let address = 0; address < 6; address++) await service.recordFailure('user:1', `10.0.0.${address}`);
    expect((await rejection(service.assertAllowed('user:1', '10.9.9.9')))?.status).toBe(429);
    await expect(service.assertAllowed('user:2', '10.9.9.9')).resolves.toBeUndefined();
  });

  it('clears the pair on success, not the address or the account counters', async () => {
    const { service } = setup({ LOGIN_MAX_FAILURES_PER_IP: 4 });
    await service.recordFailure('user:1', '192.0.2.1');
    await service.recordFailure('user:1', '192.0.2.1');
    await service.recordSuccess('user:1', '192.0.2.1');
    await service.recordFailure('user:1', '192.0.2.1');
    await service.recordFailure('user:1', '192.0.2.1');
    // The pair has 2 failures again (below 3, no back-off), but the address holds 4 → its ceiling.
    expect((await rejection(service.assertAllowed('user:9', '192.0.2.1')))?.status).toBe(429);
    await expect(service.assertAllowed('user:1', '192.0.2.3')).resolves.toBeUndefined();
  });
});
