import {
  type Channel,
  type EventData,
  type Guild,
  type Invite,
  type Message,
  PERMISSIONS,
} from '@bonfire/contracts';
import { until } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openRealtime,
  RealtimeTestClient,
  registerPerson,
  type TestPerson,
} from '../support/realtime-client';
import { Stack } from '../support/stack';

/** Whether the socket got a message.created for this message id. */
function heard(socket: RealtimeTestClient, messageId: string): boolean {
  return socket
    .of('message.created')
    .some((dispatch) => (dispatch.data as EventData<'message.created'>).message.id === messageId);
}

/** The thread.updated dispatches the socket got for this thread, in order. */
function threadUpdates(socket: RealtimeTestClient, threadId: string): Channel[] {
  return socket
    .of('thread.updated')
    .map((dispatch) => (dispatch.data as EventData<'thread.updated'>).thread)
    .filter((thread) => thread.id === threadId);
}

/**
 * Threads through the gateway (auth, chat and the gateway as processes): a thread's messages reach live
 * exactly the sessions that may see it — whoever sees the parent for a public thread, the members (and
 * MANAGE_THREADS holders) for a private one — and archive/unarchive travel the same way.
 */
describe('threads through the gateway', () => {
  let stack: Stack;
  let owner: TestPerson;
  let insider: TestPerson;
  let outsider: TestPerson;
  let guild: Guild;
  let general: Channel;
  let staff: Channel;
  const sockets: RealtimeTestClient[] = [];
  let ownerSocket: RealtimeTestClient;
  let insiderSocket: RealtimeTestClient;
  let outsiderSocket: RealtimeTestClient;

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

  async function open(person: TestPerson): Promise<RealtimeTestClient> {
    const socket = await openRealtime(stack.gateway.url, person.token, (s) => new RealtimeTestClient(s));
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: { RATE_LIMIT_KEY_PREFIX: `e2e-threads-${Date.now()}` },
    });
    [owner, insider, outsider] = [
      await registerPerson(stack.gateway.url),
      await registerPerson(stack.gateway.url),
      await registerPerson(stack.gateway.url),
    ];
    guild = await created<Guild>(() => owner.api.post('/api/v1/guilds', { name: 'Threaded' }));
    const channels = await owner.api.get<Channel[]>(`/api/v1/guilds/${guild.id}/channels`);
    general = channels.body.find((channel) => channel.type === 'text')!;
    const invite = await owner.api.post<Invite>(`/api/v1/guilds/${guild.id}/invites`, {});
    await created(() => insider.api.post(`/api/v1/invites/${invite.body.code}`));
    await created(() => outsider.api.post(`/api/v1/invites/${invite.body.code}`));
    // A channel only the owner and the insider see.
    const reply = await owner.api.post<Channel>(`/api/v1/guilds/${guild.id}/channels`, {
      name: 'staff',
      permissionOverwrites: [
        { id: guild.id, type: 'role', deny: String(PERMISSIONS.VIEW_CHANNEL) },
        { id: insider.id, type: 'member', allow: String(PERMISSIONS.VIEW_CHANNEL) },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    staff = reply.body;
    [ownerSocket, insiderSocket, outsiderSocket] = [
      await open(owner),
      await open(insider),
      await open(outsider),
    ];
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack?.stop();
  });

  it("a public thread's messages reach live only those who see the parent", async () => {
    const starter = await send(owner, staff.id, 'plan the release');
    const reply = await owner.api.post<Channel>(
      `/api/v1/channels/${staff.id}/messages/${starter.id}/threads`,
      { name: 'Release plan' },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const thread = reply.body;
    await until(() => insiderSocket.of('thread.created').length > 0, 15_000);

    const said = await send(insider, thread.id, 'ship on friday');
    await until(() => heard(ownerSocket, said.id) && heard(insiderSocket, said.id), 15_000);
    // The starter message shows "1 reply".
    const shown = await insider.api.get<Message>(`/api/v1/channels/${staff.id}/messages/${starter.id}`);
    expect(shown.body.thread).toEqual({
      id: thread.id,
      name: 'Release plan',
      messageCount: 1,
      archived: false,
    });

    // The outsider cannot see the parent: neither the thread nor its messages, live or by REST.
    const other = await send(owner, general.id, 'a marker after the thread message');
    await until(() => heard(outsiderSocket, other.id), 15_000);
    expect(heard(outsiderSocket, said.id)).toBe(false);
    expect(JSON.stringify(outsiderSocket.dispatches)).not.toContain(thread.id);
    expect((await outsider.api.get(`/api/v1/channels/${thread.id}/messages`)).status).toBe(404);

    // A fresh session's ready lists the active threads the user sees.
    const fresh = await open(insider);
    const readyGuild = fresh.ready!.guilds.find((entry) => entry.guild.id === guild.id)!;
    expect(readyGuild.threads?.map((entry) => entry.id)).toContain(thread.id);
    const outsiderReady = (await open(outsider)).ready!.guilds.find((entry) => entry.guild.id === guild.id)!;
    expect(outsiderReady.threads?.map((entry) => entry.id) ?? []).not.toContain(thread.id);
  });

  it('a private thread reaches only its members, and those added later', async () => {
    const reply = await owner.api.post<Channel>(`/api/v1/channels/${general.id}/threads`, {
      name: 'secret',
      type: 'private',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const thread = reply.body;
    const first = await send(owner, thread.id, 'only the owner yet');
    await until(() => heard(ownerSocket, first.id), 15_000);

    const added = await owner.api.request(
      'PUT',
      `/api/v1/channels/${thread.id}/thread-members/${insider.id}`,
    );
    expect(added.status).toBe(204);
    await until(() => insiderSocket.of('thread.members.updated').length > 0, 15_000);
    const second = await send(insider, thread.id, 'now two of us');
    await until(() => heard(ownerSocket, second.id) && heard(insiderSocket, second.id), 15_000);

    const marker = await send(owner, general.id, 'marker for the outsider');
    await until(() => heard(outsiderSocket, marker.id), 15_000);
    expect(heard(insiderSocket, first.id)).toBe(false);
    expect(heard(outsiderSocket, first.id) || heard(outsiderSocket, second.id)).toBe(false);
    expect(JSON.stringify(outsiderSocket.dispatches)).not.toContain(thread.id);
  });

  it('archives and unarchives live; a new message unarchives the thread', async () => {
    const reply = await insider.api.post<Channel>(`/api/v1/channels/${general.id}/threads`, {
      name: 'sleepy',
    });
    const thread = reply.body;
    const archived = await insider.api.patch<Channel>(`/api/v1/channels/${thread.id}`, { archived: true });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    await until(
      () => threadUpdates(outsiderSocket, thread.id).some((update) => update.thread?.archived === true),
      15_000,
    );
    const listed = await outsider.api.get<{ threads: Channel[] }>(
      `/api/v1/channels/${general.id}/threads/archived`,
    );
    expect(listed.body.threads.map((entry) => entry.id)).toContain(thread.id);

    const wake = await send(outsider, thread.id, 'wake up');
    await until(
      () =>
        heard(ownerSocket, wake.id) &&
        threadUpdates(ownerSocket, thread.id).some((update) => update.thread?.archived === false),
      15_000,
    );
    const now = await owner.api.get<Channel>(`/api/v1/channels/${thread.id}`);
    expect(now.body.thread).toMatchObject({ archived: false, messageCount: 1 });
  });
});
