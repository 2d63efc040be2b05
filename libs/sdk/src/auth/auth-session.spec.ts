import { describe, expect, it, vi } from 'vitest';
import { BonfireApiError } from '../errors';
import { AuthSession, type TokenPair } from './auth-session';
import { MemoryTokenStore } from './token-store';

function pair(n: number, expiresIn = 900): TokenPair {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('AuthSession', () => {
  it('shares one exchange between concurrent callers and stores the rotated refresh token', async () => {
    const store = new MemoryTokenStore('refresh-0');
    const pending = deferred<TokenPair>();
    const exchange = vi.fn(() => pending.promise);
    const session = new AuthSession({ store, exchange, proactiveRefresh: false });

    const callers = Promise.all([session.getAccessToken(), session.getAccessToken(), session.refresh()]);
    await Promise.resolve();
    pending.resolve(pair(1));

    expect(await callers).toEqual(['access-1', 'access-1', 'access-1']);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange).toHaveBeenCalledWith('refresh-0');
    expect(store.getRefreshToken()).toBe('refresh-1');
  });

  it('presents the newest refresh token on the next refresh (rotation)', async () => {
    const store = new MemoryTokenStore('refresh-0');
    let n = 0;
    const exchange = vi.fn(async (_token: string) => pair(++n));
    const session = new AuthSession({ store, exchange, proactiveRefresh: false });

    await session.refresh();
    await session.refresh();

    expect(exchange.mock.calls.map((call) => call[0])).toEqual(['refresh-0', 'refresh-1']);
    expect(session.currentAccessToken).toBe('access-2');
  });

  it('reuses a valid token and refreshes once it is within the margin of expiry', async () => {
    let now = 1_000_000;
    const store = new MemoryTokenStore();
    let n = 0;
    const exchange = vi.fn(async () => pair(++n, 900));
    const session = new AuthSession({ store, exchange, now: () => now, proactiveRefresh: false });
    await session.setTokens(pair(0, 900));

    now += 800_000;
    expect(await session.getAccessToken()).toBe('access-0');
    expect(exchange).not.toHaveBeenCalled();

    now += 50_000; // 50 s left, margin is 60 s
    expect(await session.getAccessToken()).toBe('access-1');
    expect(exchange).toHaveBeenCalledTimes(1);
  });

  it('does not exchange again for a request refused with a token that was already replaced', async () => {
    const store = new MemoryTokenStore();
    const exchange = vi.fn(async () => pair(2));
    const session = new AuthSession({ store, exchange, proactiveRefresh: false });
    await session.setTokens(pair(1));

    expect(await session.refresh('access-0')).toBe('access-1');
    expect(exchange).not.toHaveBeenCalled();
    expect(await session.refresh('access-1')).toBe('access-2');
    expect(exchange).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh token is refused (reuse detected)', async () => {
    const store = new MemoryTokenStore('stolen');
    const refused = new BonfireApiError(401, 'REFRESH_TOKEN_REUSED', 'reused');
    const session = new AuthSession({
      store,
      exchange: async () => Promise.reject(refused),
      proactiveRefresh: false,
    });
    const ended = vi.fn();
    session.onSessionEnded(ended);

    await expect(session.refresh()).rejects.toBe(refused);

    expect(ended).toHaveBeenCalledWith({ reason: 'REFRESH_TOKEN_REUSED', error: refused });
    expect(store.getRefreshToken()).toBeNull();
    expect(await session.getAccessToken()).toBeNull();
  });

  it('keeps the session after a transient failure (network) and succeeds on the next try', async () => {
    const store = new MemoryTokenStore('refresh-0');
    const exchange = vi
      .fn<(token: string) => Promise<TokenPair>>()
      .mockRejectedValueOnce(BonfireApiError.network(new Error('ECONNREFUSED')))
      .mockResolvedValueOnce(pair(1));
    const session = new AuthSession({ store, exchange, proactiveRefresh: false });
    const ended = vi.fn();
    session.onSessionEnded(ended);

    await expect(session.refresh()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(ended).not.toHaveBeenCalled();
    expect(store.getRefreshToken()).toBe('refresh-0');
    expect(await session.refresh()).toBe('access-1');
  });

  it('refreshes proactively before expiry and tells token listeners', async () => {
    vi.useFakeTimers();
    try {
      const store = new MemoryTokenStore();
      const exchange = vi.fn(async () => pair(2, 900));
      const session = new AuthSession({ store, exchange, refreshMarginSeconds: 60 });
      const tokens: string[] = [];
      session.onTokenRefreshed((token) => tokens.push(token));
      await session.setTokens(pair(1, 900));

      await vi.advanceTimersByTimeAsync(839_000);
      expect(exchange).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2_000);
      expect(exchange).toHaveBeenCalledWith('refresh-1');
      expect(tokens).toEqual(['access-1', 'access-2']);
      session.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
