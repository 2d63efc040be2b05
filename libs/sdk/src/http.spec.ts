import { describe, expect, it, vi } from 'vitest';
import { AuthSession, type TokenPair } from './auth/auth-session';
import { MemoryTokenStore } from './auth/token-store';
import { BonfireApiError, parseRetryAfter } from './errors';
import { HttpClient, type FetchLike } from './http';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const expired = () => json(401, { error: { code: 'TOKEN_EXPIRED', message: 'The access token expired.' } });

async function setup(fetchImpl: FetchLike, exchange: (token: string) => Promise<TokenPair>) {
  const session = new AuthSession({ store: new MemoryTokenStore(), exchange, proactiveRefresh: false });
  await session.setTokens({ accessToken: 'old', refreshToken: 'r0', expiresIn: 900 });
  return { http: new HttpClient('http://gw.test/', fetchImpl, session), session };
}

describe('HttpClient', () => {
  it('sends the bearer token, JSON body and query, and parses the answer', async () => {
    const fetchImpl = vi.fn<FetchLike>(async () => json(200, { ok: true }));
    const { http } = await setup(fetchImpl, vi.fn());

    const answer = await http.request('POST', '/api/v1/x', {
      body: { a: 1 },
      query: { limit: 5, skip: undefined, ids: ['1', '2'] },
    });

    expect(answer).toEqual({ ok: true });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://gw.test/api/v1/x?limit=5&ids=1&ids=2');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['authorization']).toBe('Bearer old');
    expect(init?.body).toBe('{"a":1}');
  });

  it('refreshes once on 401 TOKEN_EXPIRED and retries, sharing the refresh between concurrent requests', async () => {
    const fetchImpl = vi.fn<FetchLike>(async (_url, init) => {
      const auth = (init?.headers as Record<string, string>)['authorization'];
      return auth === 'Bearer new' ? json(200, { auth }) : expired();
    });
    const exchange = vi.fn(async () => ({ accessToken: 'new', refreshToken: 'r1', expiresIn: 900 }));
    const { http } = await setup(fetchImpl, exchange);

    const answers = await Promise.all([1, 2, 3].map(() => http.request('GET', '/api/v1/users/@me')));

    expect(answers).toEqual([{ auth: 'Bearer new' }, { auth: 'Bearer new' }, { auth: 'Bearer new' }]);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(fetchImpl).toHaveBeenCalledTimes(6);
  });

  it('does not refresh on other 401 codes', async () => {
    const exchange = vi.fn();
    const { http } = await setup(
      async () => json(401, { error: { code: 'TOKEN_INVALID', message: 'bad' } }),
      exchange,
    );
    await expect(http.request('GET', '/x')).rejects.toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    expect(exchange).not.toHaveBeenCalled();
  });

  it('turns the common error body into BonfireApiError with details, and 429 into retryAfter', async () => {
    const { http } = await setup(
      vi
        .fn<FetchLike>()
        .mockResolvedValueOnce(
          json(400, {
            error: {
              code: 'VALIDATION_FAILED',
              message: 'Invalid',
              details: [{ field: 'body.name', code: 'too_small', message: 'too short' }],
            },
          }),
        )
        .mockResolvedValueOnce(
          json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '17' }),
        )
        .mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 })),
      vi.fn(),
    );

    const validation = await http.request('POST', '/x').catch((error: unknown) => error);
    expect(validation).toBeInstanceOf(BonfireApiError);
    expect(validation).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid',
      details: [{ field: 'body.name', code: 'too_small', message: 'too short' }],
      retryAfter: null,
    });
    await expect(http.request('POST', '/x')).rejects.toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      retryAfter: 17,
    });
    await expect(http.request('POST', '/x')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('reports network failures as NETWORK_ERROR and refuses authenticated calls without a session', async () => {
    const { http } = await setup(async () => Promise.reject(new TypeError('fetch failed')), vi.fn());
    await expect(http.request('GET', '/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });

    const anonymous = new HttpClient(
      'http://gw.test',
      vi.fn(),
      new AuthSession({ store: new MemoryTokenStore(), exchange: vi.fn(), proactiveRefresh: false }),
    );
    await expect(anonymous.request('GET', '/x')).rejects.toMatchObject({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    });
  });

  it('answers undefined for 204', async () => {
    const { http } = await setup(async () => new Response(null, { status: 204 }), vi.fn());
    expect(await http.request('DELETE', '/x')).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeNull();
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
