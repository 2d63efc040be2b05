import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy } from './address-policy';
import { safeFetch, type SafeFetchOptions } from './safe-fetch';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('safeFetch against local servers', () => {
  let site: { server: Server; port: number };
  let other: { server: Server; port: number };
  const seen: { cookie?: string; userAgent?: string } = {};
  let bytesWritten = 0;

  beforeAll(async () => {
    other = await listen((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end('<title>private</title>');
    });
    site = await listen((request, response) => {
      seen.cookie = request.headers.cookie;
      seen.userAgent = request.headers['user-agent'];
      const url = new URL(request.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/page':
          response.setHeader('content-type', 'text/html; charset=utf-8');
          response.setHeader('set-cookie', 'session=1');
          response.end('<html><head><title>Hello</title></head></html>');
          return;
        case '/hop': {
          const n = Number(url.searchParams.get('n'));
          response.statusCode = 302;
          response.setHeader('location', n <= 0 ? '/page' : `/hop?n=${n - 1}`);
          response.end();
          return;
        }
        case '/to-private':
          response.statusCode = 301;
          response.setHeader('location', `http://127.0.0.1:${other.port}/`);
          response.end();
          return;
        case '/to-metadata':
          response.statusCode = 302;
          response.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
          response.end();
          return;
        case '/huge': {
          response.setHeader('content-type', 'text/html');
          const head = '<html><head><title>Huge</title></head><body>';
          response.write(head);
          bytesWritten = head.length;
          const chunk = 'x'.repeat(64 * 1024);
          // Keeps writing until the client goes away (never more than ~64 MiB).
          const pump = () => {
            while (bytesWritten < 64 * 1024 * 1024 && !response.destroyed) {
              bytesWritten += chunk.length;
              if (!response.write(chunk)) return void response.once('drain', pump);
            }
            response.end();
          };
          pump();
          return;
        }
        case '/slow':
          setTimeout(() => {
            if (!response.destroyed) response.end('late');
          }, 5_000);
          return;
        case '/image':
          response.setHeader('content-type', 'image/png');
          response.end(Buffer.alloc(100));
          return;
        case '/json':
          response.setHeader('content-type', 'application/json');
          response.end('{}');
          return;
        default:
          response.statusCode = 404;
          response.end();
      }
    });
  });

  afterAll(async () => {
    site.server.closeAllConnections();
    other.server.closeAllConnections();
    await new Promise((resolve) => site.server.close(resolve));
    await new Promise((resolve) => other.server.close(resolve));
  });

  const options = (overrides: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
    policy: new AddressPolicy([`127.0.0.1:${site.port}`]),
    maxBytes: 64 * 1024,
    oversize: 'truncate',
    accept: (type) => type === 'text/html' || type.startsWith('image/'),
    connectTimeoutMs: 1_000,
    totalTimeoutMs: 2_000,
    ...overrides,
  });

  it('fetches an allowed page with its user agent, sending no cookies', async () => {
    const result = await safeFetch(`http://127.0.0.1:${site.port}/page`, options());
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('text/html');
    expect(result.body.toString()).toContain('<title>Hello</title>');
    expect(seen.userAgent).toMatch(/Bonfire/);
    expect(seen.cookie).toBeUndefined();
  });

  it('refuses loopback without an allow-list entry, and another port of the allowed address', async () => {
    await expect(
      safeFetch(`http://127.0.0.1:${site.port}/page`, options({ policy: new AddressPolicy() })),
    ).rejects.toMatchObject({ failure: 'blocked' });
    await expect(safeFetch(`http://127.0.0.1:${other.port}/`, options())).rejects.toMatchObject({
      failure: 'blocked',
    });
    await expect(safeFetch('http://localhost/', options())).rejects.toMatchObject({ failure: 'blocked' });
  });

  it('refuses other schemes and credentials', async () => {
    await expect(safeFetch('file:///etc/passwd', options())).rejects.toMatchObject({ failure: 'bad_url' });
    await expect(safeFetch('ftp://example.com/', options())).rejects.toMatchObject({ failure: 'bad_url' });
    await expect(safeFetch(`http://a:b@127.0.0.1:${site.port}/`, options())).rejects.toMatchObject({
      failure: 'bad_url',
    });
  });

  it('follows redirects, re-checking each hop', async () => {
    const result = await safeFetch(`http://127.0.0.1:${site.port}/hop?n=3`, options());
    expect(result.url).toBe(`http://127.0.0.1:${site.port}/page`);
    await expect(safeFetch(`http://127.0.0.1:${site.port}/to-private`, options())).rejects.toMatchObject({
      failure: 'blocked',
    });
    await expect(safeFetch(`http://127.0.0.1:${site.port}/to-metadata`, options())).rejects.toMatchObject({
      failure: 'blocked',
    });
    // Allowed only when the allow-list names the target too.
    const both = new AddressPolicy([`127.0.0.1:${site.port}`, `127.0.0.1:${other.port}`]);
    const allowed = await safeFetch(`http://127.0.0.1:${site.port}/to-private`, options({ policy: both }));
    expect(allowed.body.toString()).toContain('private');
  });

  it('stops after five redirects', async () => {
    await expect(safeFetch(`http://127.0.0.1:${site.port}/hop?n=6`, options())).rejects.toMatchObject({
      failure: 'too_many_redirects',
    });
  });

  it('cuts an oversize page off at maxBytes without reading the rest', async () => {
    const result = await safeFetch(`http://127.0.0.1:${site.port}/huge`, options({ maxBytes: 100_000 }));
    expect(result.truncated).toBe(true);
    expect(result.body.length).toBe(100_000);
    expect(result.body.toString()).toContain('<title>Huge</title>');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bytesWritten).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses an oversize image when asked to', async () => {
    await expect(
      safeFetch(`http://127.0.0.1:${site.port}/image`, options({ maxBytes: 50, oversize: 'fail' })),
    ).rejects.toMatchObject({ failure: 'too_large' });
  });

  it('times out a slow answer', async () => {
    const started = Date.now();
    await expect(
      safeFetch(`http://127.0.0.1:${site.port}/slow`, options({ totalTimeoutMs: 300 })),
    ).rejects.toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses unwanted content types and error statuses', async () => {
    await expect(safeFetch(`http://127.0.0.1:${site.port}/json`, options())).rejects.toMatchObject({
      failure: 'unsupported_type',
    });
    await expect(safeFetch(`http://127.0.0.1:${site.port}/missing`, options())).rejects.toMatchObject({
      failure: 'http_status',
    });
  });

  it('answers headers only when the body is not wanted', async () => {
    const result = await safeFetch(
      `http://127.0.0.1:${site.port}/image`,
      options({ readBody: (type) => type === 'text/html' }),
    );
    expect(result.contentType).toBe('image/png');
    expect(result.body.length).toBe(0);
  });
});
