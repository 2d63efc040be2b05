import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningService } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../bootstrap';

describe('gateway serves the web app', () => {
  let gateway: RunningService;
  let distDir: string;
  const indexHtml = '<!doctype html><html><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'bonfire-web-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), indexHtml);
    writeFileSync(join(distDir, 'assets', 'index-Ab12Cd34.js'), 'console.log("app");');
    writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    gateway = await startGateway(
      {
        ...process.env,
        GATEWAY_PORT: '0',
        GATEWAY_INTERNAL_PORT: '0',
        LOG_LEVEL: 'silent',
        WEB_DIST_DIR: distDir,
      },
      { handleSignals: false },
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and a content security policy', async () => {
    const response = await fetch(`${gateway.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await response.text()).toBe(indexHtml);
  });

  it('falls back to index.html for app routes the browser handles', async () => {
    for (const path of ['/channels/123/456', '/login', '/invite/abcDEF', '/settings?tab=profile']) {
      const response = await fetch(`${gateway.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text(), path).toBe(indexHtml);
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await fetch(`${gateway.url}/assets/index-Ab12Cd34.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("app");');
  });

  it('answers a missing asset with 404 in the common error format, never with the page', async () => {
    const response = await fetch(`${gateway.url}/assets/index-gone.js`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('answers missing files outside /assets with 404, not the page', async () => {
    for (const path of ['/robots.txt', '/favicon.ico', '/channels/1/old-bundle.js']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toBe(indexHtml);
    }
  });

  it('serves other files of the build revalidated on every load', async () => {
    const response = await fetch(`${gateway.url}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('never answers API, realtime, health, metrics or well-known paths with the page', async () => {
    const api = await fetch(`${gateway.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');

    const live = await fetch(`${gateway.url}/health/live`);
    expect(await live.json()).toEqual({ status: 'up' });

    const metrics = await fetch(`${gateway.url}/metrics`);
    expect(metrics.status).toBe(404);
    expect(metrics.headers.get('content-type') ?? '').not.toContain('text/html');

    for (const path of ['/health/nothing', '/metrics/extra', '/.well-known/nothing', '/api']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.headers.get('content-type') ?? '', path).not.toContain('text/html');
      expect(await response.text(), path).not.toBe(indexHtml);
    }

    const realtime = await fetch(`${gateway.url}/realtime/?EIO=4&transport=polling`);
    expect(await realtime.text()).not.toBe(indexHtml);
  });

  it('does not answer writes to page paths with the page', async () => {
    const response = await fetch(`${gateway.url}/login`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toBe(indexHtml);
  });

  it('refuses path traversal out of the build directory', async () => {
    // raw requests: fetch would resolve the dot segments itself
    const { hostname, port } = new URL(gateway.url);
    for (const path of [
      '/assets/..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/assets/../../etc/passwd',
    ]) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ hostname, port, path }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status, path).toBe(400);
      expect((JSON.parse(answer.body) as { error: { code: string } }).error.code, path).toBe('INVALID_PATH');
    }
  });

  it('marks every answer nosniff: pages, files and errors', async () => {
    for (const path of ['/', '/login', '/favicon.svg', '/assets/index-Ab12Cd34.js', '/assets/gone.js']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe('gateway without a built web app', () => {
  let gateway: RunningService;

  beforeAll(async () => {
    gateway = await startGateway(
      {
        ...process.env,
        GATEWAY_PORT: '0',
        GATEWAY_INTERNAL_PORT: '0',
        LOG_LEVEL: 'silent',
        WEB_DIST_DIR: join(tmpdir(), 'bonfire-web-dist-missing'),
      },
      { handleSignals: false },
    );
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('says how to build it instead of failing obscurely', async () => {
    const response = await fetch(`${gateway.url}/`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('WEB_DIST_DIR');
  });
});
