import { randomUUID } from 'node:crypto';
import type { AnyEvent, Channel, Guild, Invite, Message } from '@bonfire/contracts';
import { KafkaEventBus, type Subscription } from '@bonfire/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type AuthResult, type ErrorResponseBody, registerUser } from '../support/api';
import { eventually } from '../support/eventually';
import { Stack } from '../support/stack';

describe('chat through the gateway (auth, chat and the gateway as processes; real Postgres, Redis, Kafka)', () => {
  let stack: Stack;
  let api: Api;
  let owner: AuthResult;
  let member: AuthResult;
  let outsider: AuthResult;
  let guild: Guild;
  let text: Channel;

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-chat-${Date.now()}` },
    });
    api = new Api(stack.gateway.url);
    [owner, member, outsider] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a guild with a default text channel, and an invite brings a member in', async () => {
    const created = await api
      .withToken(owner.accessToken)
      .post<Guild>('/api/v1/guilds', { name: 'Campfire club' });
    expect(created.status).toBe(201);
    guild = created.body;
    const channels = await api
      .withToken(owner.accessToken)
      .get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    text = channels.body.find((channel) => channel.type === 'text')!;
    expect(text).toBeDefined();

    const invite = await api.withToken(owner.accessToken).post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {
      maxUses: 5,
    });
    expect(invite.status).toBe(201);
    const preview = await api.get<{ guild: { name: string }; memberCount: number }>(
      `/api/v1/invites/${invite.body.code}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ guild: { name: 'Campfire club' }, memberCount: 1 });
    // chat learns of new users from auth's events; the join waits until it has.
    await eventually(async () => {
      const joined = await api.withToken(member.accessToken).post(`/api/v1/invites/${invite.body.code}`);
      expect(joined.status).toBeLessThan(300);
    });
    const mine = await api.withToken(member.accessToken).get<Guild[]>('/api/v1/users/@me/guilds');
    expect(mine.body.map((entry) => entry.id)).toContain(guild.id);
  });

  it('hides the guild from outsiders (404) and refuses anonymous calls (401)', async () => {
    const hidden = await api
      .withToken(outsider.accessToken)
      .get<ErrorResponseBody>(`/api/v1/channels/${text.id}/messages`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('UNKNOWN_CHANNEL');
    const anonymous = await api.get(`/api/v1/channels/${text.id}/messages`);
    expect(anonymous.status).toBe(401);
  });

  it('publishes a channel’s message events on Kafka in order', async () => {
    const bus = new KafkaEventBus({
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      clientId: 'e2e',
    });
    const seen: AnyEvent[] = [];
    let subscription: Subscription | undefined;
    try {
      subscription = await bus.subscribe({
        group: `e2e-chat-order-${randomUUID()}`,
        topics: ['chat.messages'],
        handler: async (event) => {
          if (event.type === 'message.created' && event.data.message.channelId === text.id) seen.push(event);
        },
      });
      const sent: string[] = [];
      for (let index = 0; index < 20; index++) {
        const author = index % 2 === 0 ? owner : member;
        const response = await api
          .withToken(author.accessToken)
          .post<Message>(`/api/v1/channels/${text.id}/messages`, { content: `message ${index}` });
        expect(response.status).toBe(201);
        sent.push(response.body.id);
      }
      await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(20), 20_000);
      const received = seen.map((event) => (event.type === 'message.created' ? event.data.message.id : ''));
      expect(received.filter((id) => sent.includes(id))).toEqual(sent);
    } finally {
      await subscription?.close();
      await bus.close();
    }
  });

  it('makes one message from racing retries with the same nonce', async () => {
    const nonce = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.withToken(member.accessToken).post<Message>(`/api/v1/channels/${text.id}/messages`, {
          content: 'sent once',
          nonce,
        }),
      ),
    );
    const ids = new Set(replies.map((reply) => reply.body.id));
    expect(ids.size).toBe(1);
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    const history = await api
      .withToken(owner.accessToken)
      .get<Message[]>(`/api/v1/channels/${text.id}/messages?limit=100`);
    expect(history.body.filter((message) => message.nonce === nonce)).toHaveLength(1);
  });

  it('lets the author edit, a non-author not, and the owner delete', async () => {
    const sent = await api
      .withToken(member.accessToken)
      .post<Message>(`/api/v1/channels/${text.id}/messages`, { content: 'first draft' });
    const edited = await api
      .withToken(member.accessToken)
      .patch<Message>(`/api/v1/channels/${text.id}/messages/${sent.body.id}`, { content: 'final' });
    expect(edited.status).toBe(200);
    expect(edited.body.editedAt).not.toBeNull();
    const notAuthor = await api
      .withToken(owner.accessToken)
      .patch<ErrorResponseBody>(`/api/v1/channels/${text.id}/messages/${sent.body.id}`, {
        content: 'hijack',
      });
    expect(notAuthor.status).toBe(403);
    const deleted = await api
      .withToken(owner.accessToken)
      .delete(`/api/v1/channels/${text.id}/messages/${sent.body.id}`);
    expect(deleted.status).toBe(204);
  });

  it('reports over-long content as a 400 naming the field', async () => {
    const response = await api
      .withToken(member.accessToken)
      .post<ErrorResponseBody>(`/api/v1/channels/${text.id}/messages`, { content: 'x'.repeat(4_001) });
    expect(response.status).toBe(400);
    expect(response.body.error.details?.map((detail) => detail.field)).toContain('body.content');
  });
});
