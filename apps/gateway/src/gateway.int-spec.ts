import { Agent, get, type Server } from 'node:http';
import { ConfigError } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './bootstrap';
import { startFakeAuth, url } from './realtime/realtime.test-kit';

describe('gateway service template', () => {
  let auth: Server;
  let gateway: RunningGateway;
  const base = () => ({
    ...process.env,
    GATEWAY_PORT: '0',
    GATEWAY_INTERNAL_PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_URL: url(auth),
  });

  beforeAll(async () => {
    auth = await startFakeAuth();
    gateway = await startGateway(base(), { handleSignals: false });
  });

  afterAll(async () => {
    await gateway?.stop();
    auth?.close();
  });

  it('answers liveness, and readiness as a bare status on the public port', async () => {
    const live = await fetch(`${gateway.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'up' });
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'up' });
  });

  it('details readiness on the internal port only', async () => {
    const ready = await fetch(`${gateway.internalUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('up');
    expect(body.checks['redis']?.status).toBe('up');
    expect(new URL(gateway.internalUrl).hostname).toBe('127.0.0.1');
    expect(new URL(gateway.internalUrl).port).not.toBe(new URL(gateway.url).port);
  });

  it('stays not ready while auth cannot list the revoked sessions, naming the reason', async () => {
    const gone = await startFakeAuth();
    const goneUrl = url(gone);
    await new Promise((closed) => gone.close(closed));
    const other = await startGateway({ ...base(), AUTH_URL: goneUrl }, { handleSignals: false });
    try {
      const ready = await fetch(`${other.internalUrl}/health/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: Record<string, { status: string; error?: string }> };
      expect(body.checks['session-denylist']).toMatchObject({ status: 'down' });
      expect(body.checks['session-denylist']?.error).toContain('revoked sessions not loaded from auth yet');
    } finally {
      await other.stop();
    }
  });

  it('exposes Prometheus metrics on the internal port, not on the public one', async () => {
    const hidden = await fetch(`${gateway.url}/metrics`);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    for (const variant of ['/Metrics', '/metrics/', '/%6detrics']) {
      const response = await fetch(`${gateway.url}${variant}`);
      expect(response.status, variant).toBe(404);
      expect(await response.text(), variant).not.toContain('process_resident_memory_bytes');
    }

    await fetch(`${gateway.url}/health/live`);
    const response = await fetch(`${gateway.internalUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"/);
    expect(text).toContain('service="gateway"');
  });

  it('keeps a caller request id and makes one otherwise', async () => {
    const kept = await fetch(`${gateway.url}/health/live`, { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${gateway.url}/health/live`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tells clients it keeps idle connections 65 s, longer than a proxy in front keeps its own', async () => {
    const keepAlive = await new Promise<string | string[] | undefined>((resolve, reject) => {
      get(`${gateway.url}/health/live`, { agent: new Agent({ keepAlive: true }) }, (res) => {
        res.resume();
        resolve(res.headers['keep-alive']);
        res.socket.destroy();
      }).on('error', reject);
    });
    expect(keepAlive).toBe('timeout=65');
  });

  it('answers unknown routes in the common error format', async () => {
    const response = await fetch(`${gateway.url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(typeof body.error.message).toBe('string');
  });

  it('drains: after stop() it no longer accepts connections', async () => {
    const other = await startGateway(base(), { handleSignals: false });
    await other.stop();
    await expect(fetch(`${other.url}/health/live`)).rejects.toThrow();
  });

  it('refuses to boot on bad config, naming each variable', async () => {
    await expect(
      startGateway({ GATEWAY_PORT: 'eighty', LOG_LEVEL: 'loud' }, { handleSignals: false }),
    ).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some((problem) => problem.startsWith('GATEWAY_PORT')) &&
        error.problems.some((problem) => problem.startsWith('LOG_LEVEL')),
    );
  });
});
