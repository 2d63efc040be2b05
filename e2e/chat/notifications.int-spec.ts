import type { Channel, EventData, Guild, Invite, Message, ReadState } from '@bonfire/contracts';
import { PERMISSIONS } from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { LocalPushService } from '@bonfire/platform/testing';
import {
  openRealtime,
  RealtimeTestClient,
  registerPerson,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

type Notification = EventData<'notification.created'>;

function notifications(socket: RealtimeTestClient): Notification[] {
  return socket.of('notification.created').map((dispatch) => dispatch.data as Notification);
}

function notified(socket: RealtimeTestClient, messageId: string): boolean {
  return notifications(socket).some((note) => note.messageId === messageId);
}

/**
 * Notifications through the gateway: the settings matrix decides who gets `notification.created` (their
 * own sessions only), muted channels leave unread badges but not mentions, and a Web Push reaches a
 * local push service that decrypts it (RFC 8291) with the subscription's keys.
 */
describe('notifications through the gateway', () => {
  let stack: Stack;
  let push: LocalPushService;
  let owner: TestPerson;
  let alice: TestPerson;
  let bob: TestPerson;
  let carol: TestPerson;
  let guild: Guild;
  let general: Channel;
  let quiet: Channel;
  let staff: Channel;
  const sockets = new Map<string, RealtimeTestClient>();
  const vapid = webpush.generateVAPIDKeys();

  async function created<T>(request: () => Promise<{ status: number; body: unknown }>): Promise<T> {
    let body: T | undefined;
    await until(async () => {
      const reply = await request();
      if (reply.status === 201 || reply.status === 200) body = reply.body as T;
      return body !== undefined;
    }, 30_000);
    return body!;
  }

  async function send(person: TestPerson, channelId: string, content: string): Promise<Message> {
    const reply = await person.api.post<Message>(`/api/v1/channels/${channelId}/messages`, { content });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }

  const socketOf = (person: TestPerson) => sockets.get(person.id)!;
  const settings = (guildId: string) => `/api/v1/users/@me/guilds/${guildId}/notification-settings`;
  const override = (channelId: string) => `/api/v1/users/@me/channels/${channelId}/notification-settings`;

  beforeAll(async () => {
    push = await LocalPushService.start();
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `e2e-notifications-${Date.now()}`,
        WEB_PUSH_VAPID_PUBLIC_KEY: vapid.publicKey,
        WEB_PUSH_VAPID_PRIVATE_KEY: vapid.privateKey,
        WEB_PUSH_VAPID_SUBJECT: 'mailto:ops@bonfire.test',
        // The local push service listens on loopback over http.
        CHAT_WEB_PUSH_ALLOW_HTTP: 'true',
        CHAT_WEB_PUSH_ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
      },
    });
    [owner, alice, bob, carol] = [
      await registerPerson(stack.gateway.url),
      await registerPerson(stack.gateway.url),
      await registerPerson(stack.gateway.url),
      await registerPerson(stack.gateway.url),
    ];
    guild = await created<Guild>(() => owner.api.post('/api/v1/guilds', { name: 'Notified' }));
    general = (await owner.api.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`)).body.find(
      (channel) => channel.type === 'text',
    )!;
    const invite = await owner.api.post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    for (const person of [alice, bob, carol]) {
      await created(() => person.api.post(`/api/v1/invites/${invite.body.code}`));
    }
    quiet = (await owner.api.post<Channel>(`/api/v1/guilds/${guild.id}/channels`, { name: 'quiet' })).body;
    staff = (
      await owner.api.post<Channel>(`/api/v1/guilds/${guild.id}/channels`, {
        name: 'staff',
        permissionOverwrites: [{ id: carol.id, type: 'member', deny: String(PERMISSIONS.VIEW_CHANNEL) }],
      })
    ).body;

    // The settings matrix: alice mutes #quiet, bob wants nothing, carol suppresses @everyone.
    expect(
      (await alice.api.request('PUT', override(quiet.id), { level: 'inherit', muted: true })).status,
    ).toBe(200);
    expect((await bob.api.patch(settings(guild.id), { level: 'nothing' })).status).toBe(200);
    expect((await carol.api.patch(settings(guild.id), { suppressEveryone: true })).status).toBe(200);

    for (const person of [owner, alice, bob, carol]) {
      sockets.set(
        person.id,
        await openRealtime(stack.gateway.url, person.token, (socket) => new RealtimeTestClient(socket)),
      );
    }
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets.values()) socket.close();
    await stack?.stop();
    await push?.stop();
  });

  it('notifies live only where the settings say so, and only the notified user', async () => {
    const plain = await send(owner, general.id, 'hello all');
    const mutedMention = await send(owner, quiet.id, `<@${alice.id}> look here`);
    const nothingMention = await send(owner, general.id, `<@${bob.id}> hi bob`);
    const everyone = await send(owner, general.id, '@everyone standup');
    const hidden = await send(owner, staff.id, `<@${carol.id}> secret`);

    // A mention in a muted channel still notifies; @everyone notifies those who do not suppress it.
    await until(
      () => notified(socketOf(alice), mutedMention.id) && notified(socketOf(alice), everyone.id),
      20_000,
    );
    const [note] = notifications(socketOf(alice)).filter((one) => one.messageId === mutedMention.id);
    expect(note).toEqual({
      userId: alice.id,
      guildId: guild.id,
      channelId: quiet.id,
      messageId: mutedMention.id,
      author: { id: owner.id, name: expect.any(String) },
      guildName: 'Notified',
      channelName: 'quiet',
      preview: `<@${alice.id}> look here`,
      reason: 'mention',
    });
    // A later mention of carol in a channel she sees: once it arrived, the earlier ones had their chance.
    const marker = await send(owner, general.id, `<@${carol.id}> marker`);
    await until(() => notified(socketOf(carol), marker.id), 20_000);
    await new Promise((wait) => setTimeout(wait, 1_500));

    expect(notified(socketOf(alice), plain.id)).toBe(false); // default level: mentions only
    expect(notifications(socketOf(bob))).toEqual([]); // level nothing: not even a mention
    expect(notified(socketOf(carol), everyone.id)).toBe(false); // @everyone suppressed
    expect(notified(socketOf(carol), hidden.id)).toBe(false); // cannot see #staff
    expect(notifications(socketOf(owner))).toEqual([]); // the author, and nobody else's notifications
    expect(notifications(socketOf(carol)).every((one) => one.userId === carol.id)).toBe(true);

    // Bob back to mentions: his mention notifies; level all on #general: every message there.
    expect((await bob.api.patch(settings(guild.id), { level: 'mentions' })).status).toBe(200);
    const again = await send(owner, general.id, `<@${bob.id}> now?`);
    await until(() => notified(socketOf(bob), again.id), 20_000);
    expect((await bob.api.request('PUT', override(general.id), { level: 'all' })).status).toBe(200);
    const chatter = await send(alice, general.id, 'just chatting');
    await until(() => notified(socketOf(bob), chatter.id), 20_000);
    expect(notifications(socketOf(bob)).find((one) => one.messageId === chatter.id)?.reason).toBe('all');
    expect(notified(socketOf(alice), nothingMention.id)).toBe(false);
  });

  it('keeps a muted channel out of unread counts but counts its mentions', async () => {
    const states = (await alice.api.get<ReadState[]>('/api/v1/users/@me/read-states')).body;
    const quietState = states.find((state) => state.channelId === quiet.id);
    expect(quietState).toMatchObject({ unreadCount: 0, mentionCount: 1 });
    const generalState = states.find((state) => state.channelId === general.id);
    expect(generalState!.unreadCount).toBeGreaterThan(0);
  });

  it('delivers a Web Push the subscription decrypts, naming the message', async () => {
    expect((await alice.api.get('/api/v1/push/vapid-public-key')).body).toEqual({
      publicKey: vapid.publicKey,
    });
    const subscribed = await alice.api.post(
      '/api/v1/users/@me/push-subscriptions',
      push.subscription('/push/alice'),
    );
    expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);

    const said = await send(owner, general.id, `<@${alice.id}> are you there?`);
    await until(() => push.received.some((one) => JSON.stringify(one.payload).includes(said.id)), 20_000);
    const received = push.received.find((one) => JSON.stringify(one.payload).includes(said.id))!;
    expect(received.path).toBe('/push/alice');
    expect(received.headers['content-encoding']).toBe('aes128gcm');
    expect(received.payload).toMatchObject({
      type: 'notification',
      notification: {
        userId: alice.id,
        channelId: general.id,
        messageId: said.id,
        author: { id: owner.id },
        preview: `<@${alice.id}> are you there?`,
      },
    });

    // Unsubscribed: no more pushes.
    expect(
      (
        await alice.api.request('DELETE', '/api/v1/users/@me/push-subscriptions', {
          endpoint: push.subscription('/push/alice').endpoint,
        })
      ).status,
    ).toBe(204);
  });
});
