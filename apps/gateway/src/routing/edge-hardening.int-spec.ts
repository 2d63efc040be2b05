import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../bootstrap';

interface Seen {
  method: string;
  url: string;
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
}

/** A stand-in auth service: records what reached it and refuses every login (no session was revoked). */
async function startFakeAuth(seen: Seen[]): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/internal/v1/auth/revoked-sessions') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sessions: [] }));
      return;
    }
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      forwardedFor: req.headers['x-forwarded-for'] as string | undefined,
      forwardedProto: req.headers['x-forwarded-proto'] as string | undefined,
    });
    req.resume();
    req.on('end', () => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: 'no' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A raw request (fetch normalises paths and refuses some methods), answering status, headers, body. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ hostname, port, method, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      // Node hands the answer to a CONNECT to this event instead, with the socket.
      req.on('connect', (res, socket) => {
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const login = (gateway: RunningGateway, path: string, headers: Record<string, string> = {}) =>
  raw(gateway.url, 'POST', path, { 'content-type': 'application/json', ...headers });

describe('the gateway edge decides on the canonical request', () => {
  const seen: Seen[] = [];
  let auth: Server;
  let gateway: RunningGateway;
  let behindProxy: RunningGateway;
  const savedAuthUrl = process.env['AUTH_URL'];

  beforeAll(async () => {
    auth = await startFakeAuth(seen);
    // The routing table reads service URLs from the process environment.
    process.env['AUTH_URL'] = `http://127.0.0.1:${(auth.address() as AddressInfo).port}`;
    const env = {
      ...process.env,
      GATEWAY_PORT: '0',
      GATEWAY_INTERNAL_PORT: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_KEY_PREFIX: `ratelimit.hardening-${randomBytes(4).toString('hex')}`,
    };
    gateway = await startGateway({ ...env, TRUST_PROXY_HOPS: '0' }, { handleSignals: false });
    behindProxy = await startGateway({ ...env, TRUST_PROXY_HOPS: '1' }, { handleSignals: false });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await behindProxy?.stop();
    auth?.close();
    process.env['AUTH_URL'] = savedAuthUrl;
  });

  it('counts /auth/Login, /AUTH/LOGIN/ and %6cogin against the login limit, and forwards what it counted', async () => {
    const variants = ['/api/v1/auth/Login', '/API/V1/AUTH/LOGIN/', '/api/v1/auth/%6cogin'];
    // routes.json: 30 logins per minute and address, in fixed windows: within 61 attempts one window
    // has seen 31 of them, whichever second the loop started in.
    const statuses: number[] = [];
    while (statuses.length < 61 && statuses.at(-1) !== 429) {
      statuses.push((await login(gateway, variants[statuses.length % variants.length]!)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(seen.some((request) => request.url === '/api/v1/auth/login')).toBe(true);
    expect(seen.some((request) => request.url.includes('%6c'))).toBe(false);
  });

  it('refuses duplicate slashes, dot segments, encoded slashes and NUL with 400 before routing', async () => {
    const before = seen.length;
    for (const path of [
      '//api/v1/auth/login',
      '/api/v1//auth/login',
      '/api/v1/users/%2e%2e/auth/login',
      '/api/v1/users/../auth/login',
      '/api/v1/auth/login.',
      '/api/v1/auth%2flogin',
      '/api/v1/auth/login%00',
    ]) {
      const response = await login(gateway, path);
      expect(response.status, path).toBe(400);
      expect((JSON.parse(response.body) as { error: { code: string } }).error.code, path).toBe(
        'INVALID_PATH',
      );
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
    }
    expect(seen.length).toBe(before);
  });

  it('answers methods a route does not declare with 405 and Allow, never 500', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'GET', 'DELETE']) {
      const response = await raw(gateway.url, method, '/api/v1/auth/login');
      expect(response.status, method).toBe(405);
      expect(response.headers['allow'], method).toBe('POST');
      expect((JSON.parse(response.body) as { error: { code: string } }).error.code, method).toBe(
        'METHOD_NOT_ALLOWED',
      );
    }
    const anywhere = await raw(gateway.url, 'TRACE', '/');
    expect(anywhere.status).toBe(405);
    const connect = await raw(gateway.url, 'CONNECT', '/api/v1/auth/login');
    expect(connect.status).toBe(405);
  });

  it('never takes a client-sent X-Forwarded-For as the address without a trusted proxy', async () => {
    const before = seen.length;
    await login(gateway, '/api/v1/auth/register', {
      'x-forwarded-for': '198.51.100.23',
      'x-forwarded-proto': 'https',
    });
    expect(seen.slice(before)).toMatchObject([{ forwardedFor: '127.0.0.1', forwardedProto: 'http' }]);

    // and rotating it never escapes the login limit
    let status = 0;
    for (let attempt = 0; attempt < 61 && status !== 429; attempt++) {
      status = (await login(gateway, '/api/v1/auth/login', { 'x-forwarded-for': `198.51.100.${attempt}` }))
        .status;
    }
    expect(status).toBe(429);
  });

  it('behind one trusted proxy, forwards only the address that proxy recorded', async () => {
    const before = seen.length;
    await login(behindProxy, '/api/v1/auth/login', {
      'x-forwarded-for': '198.51.100.23, 203.0.113.50',
      'x-forwarded-proto': 'https',
    });
    expect(seen.slice(before)).toMatchObject([{ forwardedFor: '203.0.113.50', forwardedProto: 'https' }]);
  });

  it('marks every answer nosniff, proxied ones included, and sends HSTS only over TLS', async () => {
    const proxied = await login(gateway, '/api/v1/auth/register');
    expect(proxied.status).toBe(401);
    expect(proxied.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/health/live', '/api/v1/nothing-here', '/api/openapi.json']) {
      const response = await raw(gateway.url, 'GET', path);
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
    }

    const plain = await raw(gateway.url, 'GET', '/health/live', { 'x-forwarded-proto': 'https' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await raw(behindProxy.url, 'GET', '/health/live', { 'x-forwarded-proto': 'https' });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('serves the API docs under a content security policy', async () => {
    const docs = await raw(gateway.url, 'GET', '/api/docs');
    expect(docs.status).toBe(200);
    const policy = String(docs.headers['content-security-policy'] ?? '');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('keeps metrics and readiness details off the public listener', async () => {
    expect((await raw(gateway.url, 'GET', '/metrics')).status).toBe(404);
    const ready = await raw(gateway.url, 'GET', '/health/ready');
    expect(JSON.parse(ready.body)).toEqual({ status: 'up' });
    const internal = await raw(gateway.internalUrl, 'GET', '/health/ready');
    expect(Object.keys((JSON.parse(internal.body) as { checks: object }).checks)).toContain('redis');
    expect((await raw(gateway.internalUrl, 'GET', '/metrics')).body).toContain(
      'process_resident_memory_bytes',
    );
  });
});
