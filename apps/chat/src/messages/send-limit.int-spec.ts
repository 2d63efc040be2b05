import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';
import { ChatFixtures } from './testing/chat-fixtures';

describe('per-user send limit', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '3' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 429 RATE_LIMITED with Retry-After past the limit, across channels; a nonce retry is free', async () => {
    const fx = new ChatFixtures(app);
    const user = await app.createUser();
    const guild = await fx.guild(user);
    const [a, b] = [await fx.channel(guild), await fx.channel(guild)];
    const send = (channel: string, body: Record<string, unknown>) =>
      app.call<{ error: { code: string } }>('POST', `/api/v1/channels/${channel}/messages`, {
        as: user,
        body,
      });
    expect((await send(a, { content: '1', nonce: 'n1' })).status).toBe(201);
    expect((await send(b, { content: '2' })).status).toBe(201);
    expect((await send(a, { content: '3' })).status).toBe(201);
    const refused = await send(b, { content: '4' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    // A retry of a message already sent is answered from the database, not counted.
    expect((await send(a, { content: '1', nonce: 'n1' })).status).toBe(200);
    // Someone else is not affected.
    const other = await app.createUser();
    await fx.member(guild, other);
    expect(
      (await app.call('POST', `/api/v1/channels/${a}/messages`, { as: other, body: { content: 'x' } }))
        .status,
    ).toBe(201);
  });
});
