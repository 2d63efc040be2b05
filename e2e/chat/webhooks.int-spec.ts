import {
  type Channel,
  type CreatedWebhook,
  type EventData,
  type Guild,
  type Invite,
  type Message,
} from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ErrorResponseBody } from '../support/api';
import {
  openRealtime,
  RealtimeTestClient,
  registerPerson,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * Incoming webhooks through the gateway (auth, chat and the gateway as processes): the execute route needs
 * no access token and has its own per-webhook rate limit (apps/gateway/routes.json: 5 per 2 s); what a
 * webhook posts reaches the channel's members live, shown as the webhook; a deleted webhook's token is refused.
 */
describe('incoming webhooks through the gateway', () => {
  let stack: Stack;
  let anonymous: Api;
  let owner: TestPerson;
  let member: TestPerson;
  let text: Channel;
  const sockets: RealtimeTestClient[] = [];

  /** Retries until chat's users projection knows the caller (registration reaches chat through events). */
  async function created<T>(request: () => Promise<{ status: number; body: unknown }>): Promise<T> {
    let body: T | undefined;
    await until(async () => {
      const reply = await request();
      if (reply.status === 201 || reply.status === 200) body = reply.body as T;
      return body !== undefined;
    }, 30_000);
    return body!;
  }

  async function createWebhook(name: string): Promise<CreatedWebhook> {
    const reply = await owner.api.post<CreatedWebhook>(`/api/v1/channels/${text.id}/webhooks`, { name });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-webhooks-${Date.now()}` },
    });
    anonymous = new Api(stack.gateway.url);
    [owner, member] = [await registerPerson(stack.gateway.url), await registerPerson(stack.gateway.url)];
    const guild = await created<Guild>(() => owner.api.post('/api/v1/guilds', { name: 'Hooked' }));
    const channels = await owner.api.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    text = channels.body.find((channel) => channel.type === 'text')!;
    const invite = await owner.api.post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await created(() => member.api.post(`/api/v1/invites/${invite.body.code}`));
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack?.stop();
  });

  it('a member connected over socket.io receives the webhook’s message live, shown as the webhook', async () => {
    const socket = await openRealtime(stack.gateway.url, member.token, (s) => new RealtimeTestClient(s));
    sockets.push(socket);
    const webhook = await createWebhook('Release notes');
    expect(webhook.url).toBe(`/api/v1/webhooks/${webhook.id}/${webhook.token}`);

    // No access token at all: the token in the path is the credential.
    const posted = await anonymous.post<Message>(`${webhook.url}?wait=true`, {
      content: 'v1.2 is out',
      username: 'Release bot',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body).toMatchObject({
      channelId: text.id,
      webhookId: webhook.id,
      author: { id: webhook.id, username: 'Release bot', bot: true },
    });

    let live: Message | undefined;
    await until(() => {
      live = socket
        .of('message.created')
        .map((dispatch) => (dispatch.data as EventData<'message.created'>).message)
        .find((message) => message.id === posted.body.id);
      return live !== undefined;
    }, 15_000);
    expect(live).toMatchObject({
      content: 'v1.2 is out',
      webhookId: webhook.id,
      author: { username: 'Release bot', bot: true },
    });

    // History shows it the same way; without ?wait the answer is 204.
    expect((await anonymous.post(webhook.url, { content: 'quietly' })).status).toBe(204);
    const history = await member.api.get<Message[]>(`/api/v1/channels/${text.id}/messages?limit=2`);
    expect(history.body.map((message) => [message.content, message.author?.username])).toEqual([
      ['quietly', 'Release notes'],
      ['v1.2 is out', 'Release bot'],
    ]);
  });

  it('refuses a wrong token and a revoked one; the token is never shown again', async () => {
    const webhook = await createWebhook('Temporary');
    const wrong = await anonymous.post<ErrorResponseBody>(`/api/v1/webhooks/${webhook.id}/nope`, {
      content: 'x',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_WEBHOOK_TOKEN');

    const listed = await owner.api.get<unknown[]>(`/api/v1/channels/${text.id}/webhooks`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(webhook.token);
    // Managing webhooks needs MANAGE_WEBHOOKS; a member without it is refused.
    expect((await member.api.get(`/api/v1/channels/${text.id}/webhooks`)).status).toBe(403);
    expect((await member.api.delete(`/api/v1/webhooks/${webhook.id}`)).status).toBe(403);

    expect((await owner.api.delete(`/api/v1/webhooks/${webhook.id}`)).status).toBe(204);
    const revoked = await anonymous.post<ErrorResponseBody>(webhook.url, { content: 'after delete' });
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.code).toBe('UNKNOWN_WEBHOOK');
  });

  it('limits each webhook to 5 executions per 2 s: the 6th answers 429 with Retry-After', async () => {
    const webhook = await createWebhook('Chatty');
    const other = await createWebhook('Quiet');
    // Line up at the start of a 2-second window, so all six fall in one.
    const intoWindow = 2000 - (Date.now() % 2000);
    if (intoWindow < 1500) await new Promise((wait) => setTimeout(wait, intoWindow + 20));
    // Counted at the gateway as they arrive: of six at once, five pass and one is refused.
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        anonymous.post<ErrorResponseBody>(webhook.url, { content: `burst ${i}` }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([204, 204, 204, 204, 204, 429]);
    const limited = replies.find((reply) => reply.status === 429);
    expect(limited!.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // The limit is per webhook: another one of the same caller still posts.
    expect((await anonymous.post(other.url, { content: 'still fine' })).status).toBe(204);
  });
});
