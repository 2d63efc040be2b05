import { describe, expect, it, vi } from 'vitest';
import { BonfireClient } from '../client';
import type { FetchLike } from '../http';

describe('client.dataExports', () => {
  it('requests an export and lists mine', async () => {
    const calls: string[] = [];
    const pending = {
      id: '5',
      status: 'pending',
      progress: 0,
      createdAt: '2026-12-05T00:00:00.000Z',
      expiresAt: null,
      fileId: null,
      downloadUrl: null,
      size: null,
    };
    const fetchImpl = vi.fn<FetchLike>(async (url, init) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${new URL(url).pathname}`);
      return new Response(JSON.stringify(method === 'POST' ? pending : [pending]), {
        status: method === 'POST' ? 202 : 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = new BonfireClient({ baseUrl: 'http://gw.test', fetch: fetchImpl });
    await client.session.setTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    expect(await client.dataExports.request()).toEqual(pending);
    expect(await client.dataExports.list()).toEqual([pending]);
    expect(calls).toEqual(['POST /api/v1/users/@me/data-exports', 'GET /api/v1/users/@me/data-exports']);
  });
});
