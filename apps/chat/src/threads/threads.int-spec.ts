import { type Channel, channelSchema, type Message, PERMISSIONS, type ThreadList } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';
import { ThreadsService } from './threads.service';

type ErrorReply = { error: { code: string; message: string } };

/** Envelope types the outbox holds for a key, in order. */
async function outboxTypes(app: ChatTestApp, key: string): Promise<string[]> {
  const result = await sql<{ envelope: { type: string } }>`
    select envelope from outbox_events where key = ${key} order by position
  `.execute(app.db);
  return result.rows.map((row) => row.envelope.type);
}

describe('threads', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let owner: string;
  let member: string;
  let outsider: string;
  let moderator: string;
  let guildId: string;
  let channelId: string;

  const threadsOf = (channel: string) => `/api/v1/channels/${channel}/threads`;

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
    fx = new ChatFixtures(app);
    [owner, member, outsider, moderator] = await Promise.all([
      app.createUser('threadowner'),
      app.createUser('threadmember'),
      app.createUser('threadoutsider'),
      app.createUser('threadmod'),
    ]);
    guildId = await fx.guild(owner);
    const mods = await fx.role(guildId, { permissions: PERMISSIONS.MANAGE_THREADS });
    await fx.member(guildId, member);
    await fx.member(guildId, outsider);
    await fx.member(guildId, moderator, [mods]);
    channelId = await fx.channel(guildId);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function createThread(as: string, body: Record<string, unknown>, channel = channelId) {
    const reply = await app.call<Channel>('POST', threadsOf(channel), { as, body });
    expect(reply.status).toBe(201);
    return channelSchema.parse(reply.body);
  }

  it('starts a thread from a message: the message shows it, a second one is refused', async () => {
    const messageId = await fx.send(channelId, member, 'let us discuss');
    const reply = await app.call<Channel>(
      'POST',
      `/api/v1/channels/${channelId}/messages/${messageId}/threads`,
      { as: member, body: { name: '  Discussion  ', autoArchiveMinutes: 60 } },
    );
    expect(reply.status).toBe(201);
    const thread = channelSchema.parse(reply.body);
    expect(thread).toMatchObject({
      type: 'public_thread',
      guildId,
      parentId: channelId,
      name: 'Discussion',
      thread: {
        starterMessageId: messageId,
        ownerId: member,
        archived: false,
        locked: false,
        autoArchiveMinutes: 60,
        messageCount: 0,
        memberCount: 1,
      },
    });

    await fx.send(thread.id, owner, 'first reply');
    const starter = await app.call<Message>('GET', `/api/v1/channels/${channelId}/messages/${messageId}`, {
      as: outsider,
    });
    expect(starter.body.thread).toEqual({
      id: thread.id,
      name: 'Discussion',
      messageCount: 1,
      archived: false,
    });

    const again = await app.call<ErrorReply>(
      'POST',
      `/api/v1/channels/${channelId}/messages/${messageId}/threads`,
      { as: owner, body: { name: 'again' } },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('THREAD_ALREADY_CREATED');

    const unknown = await app.call<ErrorReply>(
      'POST',
      `/api/v1/channels/${channelId}/messages/${fx.ids.next()}/threads`,
      { as: owner, body: { name: 'x' } },
    );
    expect(unknown.status).toBe(404);
    expect(await outboxTypes(app, thread.id)).toContain('thread.created');

    // Threads are not channels of the guild's list; their parent is.
    const listed = await app.call<Channel[]>('GET', `/api/v1/guilds/${guildId}/channels`, { as: member });
    expect(listed.body.map((channel) => channel.id)).not.toContain(thread.id);
    const visible = await app.call<{ channelIds: string[] }>(
      'GET',
      `/internal/v1/realtime/guilds/${guildId}/visible-channels`,
      { as: outsider },
    );
    expect(visible.body.channelIds).toContain(thread.id);
  });

  it('needs CREATE_PUBLIC_THREADS / CREATE_PRIVATE_THREADS on the parent, in a text channel', async () => {
    const restricted = await fx.channel(guildId);
    await fx.overwrite(
      restricted,
      { id: guildId, type: 'role' },
      { deny: PERMISSIONS.CREATE_PUBLIC_THREADS | PERMISSIONS.CREATE_PRIVATE_THREADS },
    );
    for (const type of ['public', 'private']) {
      const denied = await app.call<ErrorReply>('POST', threadsOf(restricted), {
        as: member,
        body: { name: 'nope', type },
      });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain(
        type === 'public' ? 'CREATE_PUBLIC_THREADS' : 'CREATE_PRIVATE_THREADS',
      );
    }
    const voice = await fx.channel(guildId, { type: 'voice' });
    const wrongType = await app.call<ErrorReply>('POST', threadsOf(voice), {
      as: owner,
      body: { name: 'x' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.code).toBe('INVALID_CHANNEL_TYPE');
    const invalid = await app.call<ErrorReply>('POST', threadsOf(channelId), {
      as: owner,
      body: { name: 'x', autoArchiveMinutes: 5 },
    });
    expect(invalid.status).toBe(400);
  });

  it('a private thread is seen only by its members and MANAGE_THREADS holders', async () => {
    const thread = await createThread(member, { name: 'secret', type: 'private' });
    expect(thread.type).toBe('private_thread');
    await fx.send(thread.id, member, 'hush');

    const hidden = await app.call<ErrorReply>('GET', `/api/v1/channels/${thread.id}/messages`, {
      as: outsider,
    });
    expect(hidden.status).toBe(404);
    const join = await app.call('PUT', `/api/v1/channels/${thread.id}/thread-members/@me`, { as: outsider });
    expect(join.status).toBe(404);
    const modView = await app.call('GET', `/api/v1/channels/${thread.id}/messages`, { as: moderator });
    expect(modView.status).toBe(200);

    const active = (who: string) =>
      app.call<ThreadList>('GET', `${threadsOf(channelId)}/active`, { as: who });
    expect((await active(outsider)).body.threads.map((t) => t.id)).not.toContain(thread.id);
    expect((await active(moderator)).body.threads.map((t) => t.id)).toContain(thread.id);
    const visible = await app.call<{ channelIds: string[] }>(
      'GET',
      `/internal/v1/realtime/guilds/${guildId}/visible-channels`,
      { as: outsider },
    );
    expect(visible.body.channelIds).not.toContain(thread.id);
    // Search asks the same question: the thread's messages are searchable by its members and managers only.
    const readable = (who: string) =>
      app.call<{ channels: { id: string }[] }>(
        'GET',
        `/internal/v1/search/guilds/${guildId}/readable-channels`,
        {
          as: who,
        },
      );
    expect((await readable(outsider)).body.channels.map((c) => c.id)).not.toContain(thread.id);
    expect((await readable(member)).body.channels.map((c) => c.id)).toContain(thread.id);

    // A member adds the outsider (who sees the parent): now they see it; removing needs MANAGE_THREADS.
    const added = await app.call('PUT', `/api/v1/channels/${thread.id}/thread-members/${outsider}`, {
      as: member,
    });
    expect(added.status).toBe(204);
    expect((await app.call('GET', `/api/v1/channels/${thread.id}/messages`, { as: outsider })).status).toBe(
      200,
    );
    const members = await app.call<{ userId: string }[]>(
      'GET',
      `/api/v1/channels/${thread.id}/thread-members`,
      {
        as: outsider,
      },
    );
    expect(members.body.map((m) => m.userId).sort()).toEqual([member, outsider].sort());
    const notMod = await app.call<ErrorReply>(
      'DELETE',
      `/api/v1/channels/${thread.id}/thread-members/${member}`,
      { as: outsider },
    );
    expect(notMod.status).toBe(403);
    const removed = await app.call('DELETE', `/api/v1/channels/${thread.id}/thread-members/${outsider}`, {
      as: moderator,
    });
    expect(removed.status).toBe(204);
    expect((await app.call('GET', `/api/v1/channels/${thread.id}/messages`, { as: outsider })).status).toBe(
      404,
    );
    expect(await outboxTypes(app, thread.id)).toEqual(
      expect.arrayContaining(['thread.created', 'message.created', 'thread.members.updated']),
    );
  });

  it('sending in a thread needs SEND_MESSAGES_IN_THREADS on the parent, not SEND_MESSAGES', async () => {
    const thread = await createThread(owner, { name: 'sending' });
    const noThreads = await fx.channel(guildId);
    const threadInNoThreads = await createThread(owner, { name: 'x' }, noThreads);
    await fx.overwrite(
      noThreads,
      { id: guildId, type: 'role' },
      { deny: PERMISSIONS.SEND_MESSAGES_IN_THREADS },
    );
    const denied = await app.call<ErrorReply>('POST', `/api/v1/channels/${threadInNoThreads.id}/messages`, {
      as: member,
      body: { content: 'hi' },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('SEND_MESSAGES_IN_THREADS');
    expect(
      (
        await app.call('POST', `/api/v1/channels/${noThreads}/messages`, {
          as: member,
          body: { content: 'ok' },
        })
      ).status,
    ).toBe(201);

    const readOnly = await fx.channel(guildId);
    const threadInReadOnly = await createThread(owner, { name: 'y' }, readOnly);
    await fx.overwrite(readOnly, { id: guildId, type: 'role' }, { deny: PERMISSIONS.SEND_MESSAGES });
    expect(
      (
        await app.call('POST', `/api/v1/channels/${threadInReadOnly.id}/messages`, {
          as: member,
          body: { content: 'in the thread' },
        })
      ).status,
    ).toBe(201);

    // Reactions, edits and deletes in a thread go through the message routes.
    const messageId = await fx.send(thread.id, member, 'edit me');
    const edited = await app.call<Message>('PATCH', `/api/v1/channels/${thread.id}/messages/${messageId}`, {
      as: member,
      body: { content: 'edited' },
    });
    expect(edited.status).toBe(200);
    const deleted = await app.call('DELETE', `/api/v1/channels/${thread.id}/messages/${messageId}`, {
      as: member,
    });
    expect(deleted.status).toBe(204);
  });

  it('archives and unarchives; a new message unarchives; a locked one only for MANAGE_THREADS', async () => {
    const thread = await createThread(member, { name: 'archive me' });
    const patch = (as: string, body: Record<string, unknown>) =>
      app.call<Channel & ErrorReply>('PATCH', `/api/v1/channels/${thread.id}`, { as, body });

    const byOther = await patch(outsider, { archived: true });
    expect(byOther.status).toBe(403);
    const archived = await patch(member, { archived: true, name: 'archived talk' });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ name: 'archived talk', thread: { archived: true } });

    await fx.send(thread.id, outsider, 'wake up');
    const woken = await app.call<Channel>('GET', `/api/v1/channels/${thread.id}`, { as: member });
    expect(woken.body.thread).toMatchObject({ archived: false, messageCount: 1 });
    const types = await outboxTypes(app, thread.id);
    // The unarchive's event comes before the message that caused it (same key, same topic).
    expect(types.slice(-2)).toEqual(['thread.updated', 'message.created']);

    const lockByOwner = await patch(member, { locked: true });
    expect(lockByOwner.status).toBe(403);
    expect((await patch(moderator, { locked: true, archived: true })).status).toBe(200);
    const lockedSend = await app.call<ErrorReply>('POST', `/api/v1/channels/${thread.id}/messages`, {
      as: member,
      body: { content: 'let me in' },
    });
    expect(lockedSend.status).toBe(403);
    expect(lockedSend.body.error.message).toContain('MANAGE_THREADS');
    expect((await patch(member, { archived: false })).status).toBe(403);
    await fx.send(thread.id, moderator, 'moderator speaks');
    const unlocked = await app.call<Channel>('GET', `/api/v1/channels/${thread.id}`, { as: member });
    expect(unlocked.body.thread).toMatchObject({ archived: false, locked: true });

    const notThread = await app.call<ErrorReply>('PATCH', `/api/v1/channels/${channelId}`, {
      as: owner,
      body: { archived: true },
    });
    expect(notThread.status).toBe(400);
  });

  it('lists active and archived threads, the archived ones in pages', async () => {
    const parent = await fx.channel(guildId);
    const created: Channel[] = [];
    for (let index = 0; index < 5; index += 1) {
      created.push(await createThread(owner, { name: `t${index}` }, parent));
    }
    for (const thread of created.slice(0, 4)) {
      const reply = await app.call('PATCH', `/api/v1/channels/${thread.id}`, {
        as: owner,
        body: { archived: true },
      });
      expect(reply.status).toBe(200);
    }
    const active = await app.call<ThreadList>('GET', `${threadsOf(parent)}/active`, { as: member });
    expect(active.body).toEqual({
      threads: [expect.objectContaining({ id: created[4]!.id })],
      hasMore: false,
    });

    const first = await app.call<ThreadList>('GET', `${threadsOf(parent)}/archived?limit=3`, { as: member });
    expect(first.status).toBe(200);
    expect(first.body.hasMore).toBe(true);
    expect(first.body.threads.map((t) => t.id)).toEqual([created[3]!.id, created[2]!.id, created[1]!.id]);
    const before = first.body.threads.at(-1)!.thread!.archiveTimestamp;
    const second = await app.call<ThreadList>(
      'GET',
      `${threadsOf(parent)}/archived?limit=3&before=${encodeURIComponent(before)}`,
      { as: member },
    );
    expect(second.body).toMatchObject({ hasMore: false });
    expect(second.body.threads.map((t) => t.id)).toEqual([created[0]!.id]);
    const bad = await app.call('GET', `${threadsOf(parent)}/archived?limit=0`, { as: member });
    expect(bad.status).toBe(400);
  });

  it('the sweep archives threads idle for longer than their period', async () => {
    const parent = await fx.channel(guildId);
    const hour = await createThread(owner, { name: 'hourly', autoArchiveMinutes: 60 }, parent);
    const day = await createThread(owner, { name: 'daily', autoArchiveMinutes: 1440 }, parent);
    const threads = app.service.app.get(ThreadsService);
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect(await threads.sweep(later)).toBeGreaterThanOrEqual(1);
    const state = async (id: string) =>
      (await app.call<Channel>('GET', `/api/v1/channels/${id}`, { as: owner })).body.thread!;
    expect((await state(hour.id)).archived).toBe(true);
    expect((await state(day.id)).archived).toBe(false);
    expect(await outboxTypes(app, hour.id)).toEqual(['thread.created', 'thread.updated']);
  });

  it('read states and unread counts per thread, for the threads followed', async () => {
    const thread = await createThread(owner, { name: 'unread' });
    const unread = async () => {
      const reply = await app.call<{ channelId: string; unreadCount: number }[]>(
        'GET',
        '/api/v1/users/@me/read-states',
        { as: outsider },
      );
      return reply.body.find((state) => state.channelId === thread.id);
    };
    await fx.send(thread.id, owner, 'one');
    expect(await unread()).toBeUndefined();
    expect(
      (await app.call('PUT', `/api/v1/channels/${thread.id}/thread-members/@me`, { as: outsider })).status,
    ).toBe(204);
    const last = await fx.send(thread.id, owner, 'two');
    expect(await unread()).toMatchObject({ unreadCount: 2 });
    const ack = await app.call('POST', `/api/v1/channels/${thread.id}/messages/${last}/ack`, {
      as: outsider,
    });
    expect(ack.status).toBe(204);
    expect(await unread()).toMatchObject({ unreadCount: 0, lastReadMessageId: last });
  });

  it('join and leave a public thread; deleting one needs MANAGE_THREADS', async () => {
    const thread = await createThread(owner, { name: 'join me' });
    expect(
      (await app.call('PUT', `/api/v1/channels/${thread.id}/thread-members/@me`, { as: outsider })).status,
    ).toBe(204);
    const joined = await app.call<Channel>('GET', `/api/v1/channels/${thread.id}`, { as: outsider });
    expect(joined.body.thread!.memberCount).toBe(2);
    expect(
      (await app.call('DELETE', `/api/v1/channels/${thread.id}/thread-members/@me`, { as: outsider })).status,
    ).toBe(204);
    const notThread = await app.call<ErrorReply>('PUT', `/api/v1/channels/${channelId}/thread-members/@me`, {
      as: outsider,
    });
    expect(notThread.status).toBe(400);

    const denied = await app.call<ErrorReply>('DELETE', `/api/v1/channels/${thread.id}`, { as: member });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('MANAGE_THREADS');
    expect((await app.call('DELETE', `/api/v1/channels/${thread.id}`, { as: moderator })).status).toBe(204);
    expect((await app.call('GET', `/api/v1/channels/${thread.id}`, { as: owner })).status).toBe(404);
    expect((await outboxTypes(app, thread.id)).at(-1)).toBe('thread.deleted');
  });
});
