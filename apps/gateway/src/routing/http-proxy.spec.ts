import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { AppError, CLIENT_ADDRESS_HEADER, IDENTITY_HEADER } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProxy } from './http-proxy';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function listen(handler: Handler): Promise<{ server: Server; url: URL }> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`) }),
    );
  });
}

/** A front server that forwards every request through the proxy to `target`, answering errors as JSON. */
async function front(proxy: HttpProxy, target: URL, identityHeader?: string, maxBodyBytes?: number) {
  return listen((req, res) => {
    proxy
      .forward(req, res, {
        target,
        path: req.url ?? '/',
        service: 'upstream',
        clientIp: '203.0.113.9',
        clientProto: 'https',
        identityHeader,
        clientAddressHeader: 'a1.signed.by-gateway',
        maxBodyBytes,
      })
      .catch((error: AppError) => {
        res.writeHead(error.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(error.toBody()));
      });
  });
}

describe('HttpProxy', () => {
  const servers: Server[] = [];
  let upstream: URL;
  const proxy = new HttpProxy({ timeoutMs: 300, maxBodyBytes: 1024 });

  beforeAll(async () => {
    const echo = await listen((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 1_000);
      if (req.url === '/error') {
        res.writeHead(409, { 'content-type': 'application/json', 'x-custom': 'kept' });
        return void res.end(JSON.stringify({ error: { code: 'USERNAME_TAKEN', message: 'taken' } }));
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            headers: req.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    });
    servers.push(echo.server);
    upstream = echo.url;
  });

  afterAll(() => {
    proxy.close();
    for (const server of servers) server.close();
  });

  it('forwards method, path, query and body and returns the status', async () => {
    const { server, url } = await front(proxy, upstream);
    servers.push(server);
    const response = await fetch(`${url}api/v1/things?x=1`, { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(201);
    const echoed = (await response.json()) as {
      method: string;
      url: string;
      body: string;
      headers: Record<string, string>;
    };
    expect(echoed).toMatchObject({ method: 'POST', url: '/api/v1/things?x=1', body: '{"a":1}' });
    expect(echoed.headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(echoed.headers['x-forwarded-proto']).toBe('https');
  });

  it('replaces client-sent address headers with the address it trusts', async () => {
    const { server, url } = await front(proxy, upstream);
    servers.push(server);
    const response = await fetch(`${url}who`, {
      headers: {
        'x-forwarded-for': '198.51.100.66',
        'x-forwarded-proto': 'http',
        forwarded: 'for=198.51.100.66',
        'x-real-ip': '198.51.100.66',
        [CLIENT_ADDRESS_HEADER]: 'a1.forged.by-client',
      },
    });
    const echoed = (await response.json()) as { headers: Record<string, string> };
    expect(echoed.headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(echoed.headers[CLIENT_ADDRESS_HEADER]).toBe('a1.signed.by-gateway');
    expect(echoed.headers['x-forwarded-proto']).toBe('https');
    expect(echoed.headers['forwarded']).toBeUndefined();
    expect(echoed.headers['x-real-ip']).toBeUndefined();
  });

  it('keeps error statuses, bodies and headers', async () => {
    const { server, url } = await front(proxy, upstream);
    servers.push(server);
    const response = await fetch(`${url}error`);
    expect(response.status).toBe(409);
    expect(response.headers.get('x-custom')).toBe('kept');
    expect(await response.json()).toEqual({ error: { code: 'USERNAME_TAKEN', message: 'taken' } });
  });

  it('drops an identity header sent by the client and sets its own', async () => {
    const { server, url } = await front(proxy, upstream, 'v1.signed.by-gateway');
    servers.push(server);
    const response = await fetch(`${url}who`, { headers: { [IDENTITY_HEADER]: 'v1.forged.by-client' } });
    const echoed = (await response.json()) as { headers: Record<string, string> };
    expect(echoed.headers[IDENTITY_HEADER]).toBe('v1.signed.by-gateway');

    const { server: anonymous, url: anonymousUrl } = await front(proxy, upstream);
    servers.push(anonymous);
    const unsigned = (await (
      await fetch(`${anonymousUrl}who`, { headers: { [IDENTITY_HEADER]: 'v1.forged.by-client' } })
    ).json()) as { headers: Record<string, string> };
    expect(unsigned.headers[IDENTITY_HEADER]).toBeUndefined();
  });

  it('answers 504 when the service is slow and 502 when it is down', async () => {
    const { server, url } = await front(proxy, upstream);
    servers.push(server);
    const slow = await fetch(`${url}slow`);
    expect(slow.status).toBe(504);
    expect(((await slow.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_TIMEOUT');

    const { server: downFront, url: downUrl } = await front(proxy, new URL('http://127.0.0.1:1'));
    servers.push(downFront);
    const down = await fetch(`${downUrl}anything`);
    expect(down.status).toBe(502);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('BAD_GATEWAY');
  });

  it('refuses bodies over the limit with 413, declared or streamed', async () => {
    const { server, url } = await front(proxy, upstream);
    servers.push(server);
    const declared = await fetch(`${url}upload`, { method: 'POST', body: 'x'.repeat(2048) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');

    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(512)));
        controller.close();
      },
    });
    const streamed = await fetch(`${url}upload`, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('lets a route raise the body limit (uploads), and still refuses what passes it', async () => {
    const { server, url } = await front(proxy, upstream, undefined, 4096);
    servers.push(server);
    const within = await fetch(`${url}storage/x`, { method: 'PUT', body: 'x'.repeat(3000) });
    expect(within.status).toBe(201);
    expect(((await within.json()) as { body: string }).body).toHaveLength(3000);
    const over = await fetch(`${url}storage/x`, { method: 'PUT', body: 'x'.repeat(5000) });
    expect(over.status).toBe(413);
  });

  it('sends a bodiless request again when the service dropped the pooled connection it reused', async () => {
    // A raw service that answers the first request on a connection with keep-alive, then resets that
    // connection when a second request arrives on it (as a service closing an idle socket would).
    const answered = new WeakSet<Socket>();
    const flaky = createTcpServer((socket) => {
      socket.on('data', () => {
        if (answered.has(socket)) return void socket.resetAndDestroy();
        answered.add(socket);
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const target = new URL(`http://127.0.0.1:${(flaky.address() as AddressInfo).port}`);
    const own = new HttpProxy({ timeoutMs: 1_000, maxBodyBytes: 1024 });
    const { server, url } = await front(own, target);
    servers.push(server);
    try {
      expect((await fetch(`${url}a`)).status).toBe(200);
      const again = await fetch(`${url}b`);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe('ok');
      const withBody = await fetch(`${url}c`, { method: 'POST', body: 'x' });
      expect(withBody.status).toBe(502);
    } finally {
      own.close();
      flaky.close();
    }
  });
});
