import { until } from '@bonfire/platform/testing';
import {
  type Channel,
  type DispatchFrame,
  type EventData,
  PERMISSIONS,
  type RealtimeAck,
} from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerPerson,
  openRealtime,
  RealtimeTestClient,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/**
 * The live stream shows exactly what REST would answer, at every moment: group DM recipients and private
 * guild channels. auth, chat and one gateway (either shape); clients on socket.io act through the REST API.
 * One gateway handles each event once for all its sessions, so "someone else got it" is a sync point.
 */

const VIEW = String(PERMISSIONS.VIEW_CHANNEL);

class Client extends RealtimeTestClient {
  /** Dispatches about a channel: its own events and those of its messages, reactions and typing. */
  about(channelId: string): DispatchFrame[] {
    return this.dispatches.filter((dispatch) => channelOf(dispatch) === channelId);
  }

  channelEvents(type: 'channel.created' | 'channel.updated', channelId: string): Channel[] {
    return this.dispatches
      .filter((dispatch) => dispatch.type === type)
      .map((dispatch) => (dispatch.data as EventData<'channel.updated'>).channel)
      .filter((channel) => channel.id === channelId);
  }

  deleted(channelId: string): EventData<'channel.deleted'>[] {
    return this.dispatches
      .filter((dispatch) => dispatch.type === 'channel.deleted')
      .map((dispatch) => dispatch.data as EventData<'channel.deleted'>)
      .filter((data) => data.channelId === channelId);
  }

  messages(channelId: string): string[] {
    return this.dispatches
      .filter((dispatch) => dispatch.type === 'message.created')
      .map((dispatch) => (dispatch.data as EventData<'message.created'>).message)
      .filter((message) => message.channelId === channelId)
      .map((message) => message.content);
  }

  async typing(channelId: string): Promise<RealtimeAck> {
    return (await this.socket.emitWithAck('typing.start', { channelId })) as RealtimeAck;
  }
}

function channelOf(dispatch: DispatchFrame): string | null {
  const data = dispatch.data as unknown as Record<string, unknown>;
  if (typeof data['channelId'] === 'string') return data['channelId'];
  for (const key of ['channel', 'message'] as const) {
    const inner = data[key] as { id?: string; channelId?: string } | undefined;
    if (inner) return key === 'channel' ? (inner.id ?? null) : (inner.channelId ?? null);
  }
  return null;
}

const open = (baseUrl: string, token: string) => openRealtime(baseUrl, token, (socket) => new Client(socket));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Person = TestPerson;

describe('realtime visibility follows REST authorisation', () => {
  let stack: Stack;
  let baseUrl: string;
  const clients: Client[] = [];

  const person = () => registerPerson(baseUrl);

  async function connectAs(who: Person): Promise<Client> {
    const client = await open(baseUrl, who.token);
    clients.push(client);
    return client;
  }

  async function ok(reply: Promise<{ status: number; body: unknown }>): Promise<void> {
    const { status, body } = await reply;
    if (status >= 300) throw new Error(`request failed: ${status} ${JSON.stringify(body)}`);
  }

  async function send(who: Person, channelId: string, content: string): Promise<string> {
    const reply = await who.api.post<{ id: string }>(`/api/v1/channels/${channelId}/messages`, { content });
    if (reply.status !== 201) throw new Error(`send failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id;
  }

  /** Retries until chat's users projection knows everyone (registration reaches chat through events). */
  async function created<T>(request: () => Promise<{ status: number; body: T }>): Promise<T> {
    let body: T | undefined;
    await until(async () => {
      const reply = await request();
      if (reply.status === 201) body = reply.body;
      return reply.status === 201;
    }, 30_000);
    return body!;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      serviceEnv: { chat: { CHAT_SEND_LIMIT_PER_10S: '1000' } },
    });
    baseUrl = stack.gateway.url;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('a group DM member removed stops receiving at once; one added receives without reconnecting', async () => {
    const [alice, bob, carol, dave] = [await person(), await person(), await person(), await person()];
    const [a, b, c, d] = [
      await connectAs(alice),
      await connectAs(bob),
      await connectAs(carol),
      await connectAs(dave),
    ];
    const dm = await created(() =>
      alice.api.post<Channel>('/api/v1/users/@me/channels', {
        recipientIds: [bob.id, carol.id],
        name: 'trio',
      }),
    );
    await send(alice, dm.id, 'before');
    await until(() => [b, c].every((client) => client.messages(dm.id).includes('before')));
    // carol's typing permission is now known (and cached) at the gateway.
    expect(await c.typing(dm.id)).toEqual({ ok: true });

    await ok(alice.api.delete(`/api/v1/channels/${dm.id}/recipients/${carol.id}`));
    await until(() =>
      b.channelEvents('channel.updated', dm.id).some((ch) => !ch.recipientIds.includes(carol.id)),
    );
    const seenByCarol = c.about(dm.id).length;
    const after = await send(alice, dm.id, 'after');
    await ok(
      bob.api.request(
        'PUT',
        `/api/v1/channels/${dm.id}/messages/${after}/reactions/${encodeURIComponent('👋')}/@me`,
      ),
    );
    expect(await b.typing(dm.id)).toEqual({ ok: true });
    await until(() => a.messages(dm.id).includes('after'));
    await until(() => a.about(dm.id).some((dispatch) => dispatch.type === 'reaction.added'));
    await until(() => a.about(dm.id).some((dispatch) => dispatch.type === 'typing.started'));
    await sleep(500);
    // carol's stream after the removal: only the delete-like event, nothing of the channel's life.
    expect(
      c
        .about(dm.id)
        .slice(seenByCarol)
        .map((dispatch) => dispatch.type),
    ).toEqual([]);
    expect(c.messages(dm.id)).toEqual(['before']);
    expect(c.deleted(dm.id)).toEqual([{ channelId: dm.id, guildId: null }]);
    expect(c.channelEvents('channel.updated', dm.id)).toEqual([]);
    const typingSeenByBob = b.about(dm.id).filter((dispatch) => dispatch.type === 'typing.started').length;
    expect(await c.typing(dm.id)).toMatchObject({ ok: false });
    await sleep(300);
    expect(b.about(dm.id).filter((dispatch) => dispatch.type === 'typing.started')).toHaveLength(
      typingSeenByBob,
    );

    await ok(alice.api.request('PUT', `/api/v1/channels/${dm.id}/recipients/${dave.id}`));
    await until(() => d.channelEvents('channel.created', dm.id).length === 1);
    expect(d.channelEvents('channel.created', dm.id)[0]!.recipientIds).toContain(dave.id);
    await send(alice, dm.id, 'welcome dave');
    expect(await a.typing(dm.id)).toEqual({ ok: true });
    await until(() => d.messages(dm.id).includes('welcome dave'));
    await until(() => d.about(dm.id).some((dispatch) => dispatch.type === 'typing.started'));
    expect(d.messages(dm.id)).toEqual(['welcome dave']);
  });

  it('a private channel and its changes reach only those who may see it; losing or gaining sight is told', async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const guild = await created(() => alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Keep' }));
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, {});
    for (const who of [bob, carol]) {
      await until(
        async () => (await who.api.post(`/api/v1/invites/${invite.body.code}`)).status < 300,
        30_000,
      );
    }
    const [a, b, c] = [await connectAs(alice), await connectAs(bob), await connectAs(carol)];

    const vault = await created(() =>
      alice.api.post<Channel>(`/api/v1/guilds/${guild.id}/channels`, {
        name: 'vault',
        topic: 'the plans',
        permissionOverwrites: [
          { id: guild.id, type: 'role', deny: VIEW },
          { id: carol.id, type: 'member', allow: VIEW },
        ],
      }),
    );
    await until(() =>
      [a, c].every((client) => client.channelEvents('channel.created', vault.id).length === 1),
    );
    await sleep(300);
    expect(b.about(vault.id)).toEqual([]);
    expect(JSON.stringify(b.dispatches)).not.toContain('the plans');

    // An overwrite hides it from carol: she gets the delete-like event, then nothing more of it.
    await ok(
      alice.api.request('PUT', `/api/v1/channels/${vault.id}/permissions/${carol.id}`, {
        type: 'member',
        deny: VIEW,
      }),
    );
    await until(() => c.deleted(vault.id).length === 1);
    expect(c.deleted(vault.id)).toEqual([{ channelId: vault.id, guildId: guild.id }]);
    await ok(alice.api.patch(`/api/v1/channels/${vault.id}`, { name: 'vault-2', topic: 'new plans' }));
    await send(alice, vault.id, 'secret');
    await until(() => a.channelEvents('channel.updated', vault.id).some((ch) => ch.name === 'vault-2'));
    await until(() => a.messages(vault.id).includes('secret'));
    await sleep(500);
    expect(c.about(vault.id).map((dispatch) => dispatch.type)).toEqual([
      'channel.created',
      'channel.deleted',
    ]);
    expect(b.about(vault.id)).toEqual([]);

    // One that reveals it to bob: he gets the channel as it is now, then its life.
    await ok(
      alice.api.request('PUT', `/api/v1/channels/${vault.id}/permissions/${bob.id}`, {
        type: 'member',
        allow: VIEW,
      }),
    );
    await until(() => b.channelEvents('channel.created', vault.id).length === 1);
    expect(b.channelEvents('channel.created', vault.id)[0]).toMatchObject({
      name: 'vault-2',
      topic: 'new plans',
    });
    await send(alice, vault.id, 'hello bob');
    await until(() => b.messages(vault.id).includes('hello bob'));
    await sleep(300);
    expect(c.about(vault.id).map((dispatch) => dispatch.type)).toEqual([
      'channel.created',
      'channel.deleted',
    ]);
  });

  it('a role or an ownership transfer that reveals or hides a channel tells at once, as REST lists it', async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const guild = await created(() => alice.api.post<{ id: string }>('/api/v1/guilds', { name: 'Ranks' }));
    const invite = await alice.api.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, {});
    for (const who of [bob, carol]) {
      await until(
        async () => (await who.api.post(`/api/v1/invites/${invite.body.code}`)).status < 300,
        30_000,
      );
    }
    const crew = await alice.api.post<{ id: string }>(`/api/v1/guilds/${guild.id}/roles`, { name: 'crew' });
    const deck = await created(() =>
      alice.api.post<Channel>(`/api/v1/guilds/${guild.id}/channels`, {
        name: 'deck',
        topic: 'crew only',
        permissionOverwrites: [
          { id: guild.id, type: 'role', deny: VIEW },
          { id: crew.body.id, type: 'role', allow: VIEW },
        ],
      }),
    );
    const [a, b] = [await connectAs(alice), await connectAs(bob)];

    // Bob is given the role: the channel arrives as his own listing shows it, then its messages.
    await ok(alice.api.patch(`/api/v1/guilds/${guild.id}/members/${bob.id}`, { roleIds: [crew.body.id] }));
    await until(() => b.channelEvents('channel.created', deck.id).length === 1);
    const listed = await bob.api.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    expect(b.channelEvents('channel.created', deck.id)[0]).toEqual(
      listed.body.find((channel) => channel.id === deck.id),
    );
    await send(alice, deck.id, 'welcome aboard');
    await until(() => b.messages(deck.id).includes('welcome aboard'));

    // Ownership moves from alice to carol: alice (no role) loses the channel, carol (owner) gains it.
    const c = await connectAs(carol);
    await ok(alice.api.request('POST', `/api/v1/guilds/${guild.id}/owner`, { userId: carol.id }));
    await until(
      () => a.deleted(deck.id).length === 1 && c.channelEvents('channel.created', deck.id).length === 1,
    );
    await send(carol, deck.id, 'new captain');
    await until(
      () => c.messages(deck.id).includes('new captain') && b.messages(deck.id).includes('new captain'),
    );
    await sleep(300);
    expect(a.messages(deck.id)).not.toContain('new captain');
  });
});
