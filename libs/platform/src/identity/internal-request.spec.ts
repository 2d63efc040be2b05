import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, verifyIdentity } from './internal-identity';
import { getInternalJson, internalRequest } from './internal-request';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac';

describe('getInternalJson', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const identity = verifyIdentity(SECRET, String(request.headers[IDENTITY_HEADER] ?? ''));
      if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 500);
      if (request.url === '/empty') return void response.writeHead(204).end();
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

  it('treats a 2xx without a JSON body as no answer', async () => {
    await expect(get('/empty')).rejects.toThrow('unavailable: answered 204 to /empty');
  });
});

describe('internalRequest', () => {
  const caller = { userId: '7', sessionId: 'test' };

  it('sends a JSON body with the signed caller and answers any status with the parsed body', async () => {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const identity = verifyIdentity(SECRET, String(request.headers[IDENTITY_HEADER] ?? ''));
        response.writeHead(request.method === 'DELETE' ? 409 : 201, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            method: request.method,
            type: request.headers['content-type'] ?? null,
            userId: identity?.userId ?? null,
            body: chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : null,
          }),
        );
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const options = { baseUrl, caller, identitySecret: SECRET, timeoutMs: 2_000 };
      expect(
        await internalRequest({ ...options, path: '/x', method: 'POST', body: { a: ['é', 1] } }),
      ).toEqual({
        status: 201,
        body: { method: 'POST', type: 'application/json', userId: '7', body: { a: ['é', 1] } },
      });
      expect(await internalRequest({ ...options, path: '/x', method: 'DELETE' })).toEqual({
        status: 409,
        body: { method: 'DELETE', type: null, userId: '7', body: null },
      });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  });

  it('sends a request again on a new connection when the kept-alive one was closed by the server', async () => {
    // A raw server: the first request on a connection is answered with keep-alive; a second request on the
    // same connection finds it reset, as when the server's idle timeout closes it just as it is reused.
    const requestsPerSocket = new Map<Socket, number>();
    let connections = 0;
    const server = createTcpServer((socket) => {
      connections += 1;
      socket.on('data', () => {
        const count = (requestsPerSocket.get(socket) ?? 0) + 1;
        requestsPerSocket.set(socket, count);
        if (count > 1) return void socket.resetAndDestroy();
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\nconnection: keep-alive\r\n\r\n{"ok":true}',
        );
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const options = { baseUrl, path: '/', caller, identitySecret: SECRET, timeoutMs: 2_000 };
      expect(await internalRequest(options)).toEqual({ status: 200, body: { ok: true } });
      expect(await internalRequest(options)).toEqual({ status: 200, body: { ok: true } });
      expect(connections).toBe(2);
    } finally {
      for (const socket of requestsPerSocket.keys()) socket.destroy();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  });
});
