import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, verifyIdentity } from './internal-identity';
import { getInternalJson } from './internal-request';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac';

describe('getInternalJson', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const identity = verifyIdentity(SECRET, String(request.headers[IDENTITY_HEADER] ?? ''));
      if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 500);
      const status = Number(request.url?.slice(1)) || 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ userId: identity?.userId ?? null }));
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  const get = (path: string, timeoutMs = 2_000) =>
    getInternalJson<{ userId: string | null }>({
      baseUrl,
      path,
      caller: { userId: '42', sessionId: 'test' },
      identitySecret: SECRET,
      timeoutMs,
      unavailable: (reason) => new Error(`unavailable: ${reason}`),
    });

  it('sends the signed caller and parses the answer', async () => {
    expect(await get('/200')).toEqual({ userId: '42' });
  });

  it('answers null on 404 (not visible to this caller)', async () => {
    expect(await get('/404')).toBeNull();
  });

  it('throws the caller’s unavailable error on any other status, a timeout or no server', async () => {
    await expect(get('/500')).rejects.toThrow('unavailable: answered 500 to /500');
    await expect(get('/slow', 50)).rejects.toThrow(/unavailable: unreachable/);
    await expect(
      getInternalJson({
        baseUrl: 'http://127.0.0.1:9',
        path: '/',
        caller: { userId: '1', sessionId: 's' },
        identitySecret: SECRET,
        timeoutMs: 500,
        unavailable: (reason) => new Error(reason),
      }),
    ).rejects.toThrow(/unreachable/);
  });
});
