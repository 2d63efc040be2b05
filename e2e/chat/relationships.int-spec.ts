import { randomBytes } from 'node:crypto';
import type { Presence, PrivacySettings, Relationship } from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseBody } from '../support/api';
import {
  openRealtime,
  RealtimeTestClient,
  registerPerson,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * Relationships through the gateway (issue 20), black box: friend requests (send, accept, decline, cancel,
 * remove) live on both sides; a block stops DMs and friend requests and hides the blocker's presence
 * from the blocked user, in REST reads and live; `dmsFrom` holds when a DM is opened and messaged.
 */

type Person = TestPerson & { username: string };

class Client extends RealtimeTestClient {
  relationshipEvents(): string[] {
    return this.dispatches
      .filter((dispatch) => dispatch.type.startsWith('relationship.'))
      .map((dispatch) => {
        const data = dispatch.data as { relationship?: Relationship; id?: string; type?: string };
        return dispatch.type === 'relationship.added'
          ? `added:${data.relationship!.id}:${data.relationship!.type}`
          : `removed:${data.id}:${data.type}`;
      });
  }

  presencesOf(userId: string): Presence[] {
    return this.of('presence.updated')
      .map((dispatch) => dispatch.data as Presence)
      .filter((presence) => presence.userId === userId);
  }
}

describe('relationships through the gateway', () => {
  let stack: Stack;
  let baseUrl: string;
  const clients: Client[] = [];

  async function person(): Promise<Person> {
    const someone = await registerPerson(baseUrl);
    const me = await someone.api.get<{ username: string }>('/api/v1/users/@me');
    return { ...someone, username: me.body.username };
  }

  async function connect(who: Person): Promise<Client> {
    const client = await openRealtime(baseUrl, who.token, (socket) => new Client(socket));
    clients.push(client);
    return client;
  }

  /** Retries until chat's users projection knows everyone (registration reaches chat through events). */
  async function succeeded<T>(request: () => Promise<{ status: number; body: T }>): Promise<T> {
    let body: T | undefined;
    await until(async () => {
      const reply = await request();
      if (reply.status < 300) body = reply.body;
      return reply.status < 300;
    }, 30_000);
    return body!;
  }

  const put = (as: Person, userId: string, body: Record<string, unknown> = {}) =>
    as.api.request<Relationship & ErrorResponseBody>(
      'PUT',
      `/api/v1/users/@me/relationships/${userId}`,
      body,
    );
  const remove = (as: Person, userId: string) =>
    as.api.delete<ErrorResponseBody>(`/api/v1/users/@me/relationships/${userId}`);
  const list = async (as: Person) =>
    (await as.api.get<Relationship[]>('/api/v1/users/@me/relationships')).body.map(
      (r) => `${r.id}:${r.type}`,
    );
  const statusSeenBy = async (viewer: Person, userId: string) =>
    (await viewer.api.get<Presence[]>(`/api/v1/presences?userIds=${userId}`)).body[0]!.status;

  beforeAll(async () => {
    const suffix = randomBytes(4).toString('hex');
    stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'gateway'],
      env: { PRESENCE_KEY_PREFIX: `relationships-e2e-${suffix}` },
      serviceEnv: {
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.relationships-${suffix}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
      },
    });
    baseUrl = stack.gateway.url;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('sends, accepts, removes, declines and cancels friend requests, live on both sides', async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const [aliceLive, bobLive, carolLive] = [await connect(alice), await connect(bob), await connect(carol)];

    const sent = await succeeded(() =>
      alice.api.post<Relationship>('/api/v1/users/@me/relationships', { username: bob.username }),
    );
    expect(sent).toMatchObject({ id: bob.id, type: 'outgoing', user: { username: bob.username } });
    await until(() => bobLive.relationshipEvents().includes(`added:${alice.id}:incoming`));
    expect(aliceLive.relationshipEvents()).toContain(`added:${bob.id}:outgoing`);

    expect((await put(bob, alice.id)).body.type).toBe('friend');
    await until(() => aliceLive.relationshipEvents().includes(`added:${bob.id}:friend`));
    await until(() => bobLive.relationshipEvents().includes(`added:${alice.id}:friend`));
    // A new session's ready lists the friendship.
    const again = await connect(alice);
    expect(again.ready?.relationships?.map((r) => `${r.id}:${r.type}`)).toEqual([`${bob.id}:friend`]);

    expect((await remove(alice, bob.id)).status).toBe(204);
    await until(() => bobLive.relationshipEvents().includes(`removed:${alice.id}:friend`));
    expect(await list(alice)).toEqual([]);

    // carol asks alice: alice declines; carol asks again and cancels.
    await succeeded(() => put(carol, alice.id));
    expect(await list(alice)).toEqual([`${carol.id}:incoming`]);
    expect((await remove(alice, carol.id)).status).toBe(204);
    await until(() => carolLive.relationshipEvents().includes(`removed:${alice.id}:outgoing`));
    expect((await put(carol, alice.id)).body.type).toBe('outgoing');
    expect((await remove(carol, alice.id)).status).toBe(204);
    await until(
      () => aliceLive.relationshipEvents().filter((e) => e === `removed:${carol.id}:incoming`).length === 2,
    );
    expect(await list(alice)).toEqual([]);
    expect(await list(carol)).toEqual([]);
  });

  it('a block stops DMs and friend requests and hides presence (REST and live) from the blocked', async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const guild = await succeeded(() => alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Hearth' }));
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, {});
    await succeeded(() => bob.api.post(`/api/v1/invites/${invite.body.code}`));
    await succeeded(() => carol.api.post(`/api/v1/invites/${invite.body.code}`));
    const [bobLive, carolLive] = [await connect(bob), await connect(carol)];
    await connect(alice);
    await until(async () => (await statusSeenBy(bob, alice.id)) === 'online', 20_000);
    const dm = await succeeded(() =>
      bob.api.post<{ id: string }>('/api/v1/users/@me/channels', { recipientId: alice.id }),
    );
    expect((await bob.api.post(`/api/v1/channels/${dm.id}/messages`, { content: 'hi' })).status).toBe(201);

    expect((await put(alice, bob.id, { type: 'blocked' })).body.type).toBe('blocked');
    // bob is not told of the block; alice's presence goes offline for him (live and in reads).
    await until(() => bobLive.presencesOf(alice.id).at(-1)?.status === 'offline', 20_000);
    await until(async () => (await statusSeenBy(bob, alice.id)) === 'offline', 20_000);
    expect(bobLive.relationshipEvents()).toEqual([]);
    const members = await bob.api.get<Presence[]>(`/api/v1/presences/guilds/${guild.id}`);
    expect(members.body.map((p) => p.userId)).not.toContain(alice.id);

    // Live updates of alice reach carol, not bob.
    const bobSeen = bobLive.presencesOf(alice.id).length;
    await alice.api.patch('/api/v1/users/@me/presence', { status: 'dnd' });
    await until(() => carolLive.presencesOf(alice.id).some((p) => p.status === 'dnd'), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bobLive.presencesOf(alice.id)).toHaveLength(bobSeen);
    expect(await statusSeenBy(carol, alice.id)).toBe('dnd');

    // No DM, no message in the existing DM, no friend request.
    const reopen = await bob.api.post<ErrorResponseBody>('/api/v1/users/@me/channels', {
      recipientId: alice.id,
    });
    expect(reopen.status).toBe(403);
    expect(reopen.body.error.code).toBe('CANNOT_MESSAGE_USER');
    const message = await bob.api.post<ErrorResponseBody>(`/api/v1/channels/${dm.id}/messages`, {
      content: 'hi',
    });
    expect(message.status).toBe(403);
    expect(message.body.error.code).toBe('CANNOT_MESSAGE_USER');
    const request = await put(bob, alice.id);
    expect(request.status).toBe(403);
    expect(request.body.error.code).toBe('FRIEND_REQUEST_BLOCKED');

    // Unblocking shows alice to bob again, live.
    expect((await remove(alice, bob.id)).status).toBe(204);
    await until(() => bobLive.presencesOf(alice.id).at(-1)?.status === 'dnd', 20_000);
    expect(await statusSeenBy(bob, alice.id)).toBe('dnd');
    expect((await bob.api.post(`/api/v1/channels/${dm.id}/messages`, { content: 'hi again' })).status).toBe(
      201,
    );
  });

  it('dmsFrom is enforced when a DM is opened and messaged; friends see each other online', async () => {
    const [alice, dave] = [await person(), await person()];
    await connect(alice);
    const settings = await succeeded(() =>
      alice.api.patch<PrivacySettings>('/api/v1/users/@me/privacy', { dmsFrom: 'friends' }),
    );
    expect(settings).toEqual({ dmsFrom: 'friends', friendRequestsFrom: 'everyone' });
    const refused = await succeeded(async () => {
      const reply = await dave.api.post<ErrorResponseBody>('/api/v1/users/@me/channels', {
        recipientId: alice.id,
      });
      return { status: reply.status === 403 ? 200 : 500, body: reply.body };
    });
    expect(refused.error.code).toBe('CANNOT_MESSAGE_USER');
    // A stranger sees alice offline until they are friends.
    expect(await statusSeenBy(dave, alice.id)).toBe('offline');

    await put(dave, alice.id);
    await put(alice, dave.id);
    const opened = await dave.api.post<{ id: string }>('/api/v1/users/@me/channels', {
      recipientId: alice.id,
    });
    expect(opened.status).toBe(201);
    await until(async () => (await statusSeenBy(dave, alice.id)) === 'online', 20_000);
  });
});
