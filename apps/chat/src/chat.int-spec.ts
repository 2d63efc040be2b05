import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from './testing/chat-test-app';

describe('chat service', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('is ready with Postgres and Redis, and its health needs no identity', async () => {
    const ready = await app.call<{ checks: Record<string, unknown> }>('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['postgres', 'redis']);
  });

  it('serves its OpenAPI document', async () => {
    const document = await app.call<{ openapi: string }>('GET', '/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
  });
});
