import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message } from '@bonfire/contracts';
import { PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';
import { ChatFixtures } from './testing/chat-fixtures';

type ErrorReply = { error: { code: string; message: string; details?: { field?: string; code: string }[] } };

describe('messages', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;
  let owner: string;
  let member: string;
  let outsider: string;
  let guildId: string;
  let channelId: string;
  /** @everyone may view it, but not send, read history, react. */
  let restrictedId: string;
  /** The member cannot view it. */
  let hiddenId: string;

  const messagesPath = (channel: string) => `/api/v1/channels/${channel}/messages`;

  /**
   * Stands in for the file service's claim route, refusing every id as it refuses unknown ones (chat may not
   * import another app; the real claim is exercised end to end in e2e/file).
   */
  let fileService: Server;

  beforeAll(async () => {
    fileService = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            code: 'INVALID_ATTACHMENT',
            message: 'Some attachments cannot be used in this message.',
            details: [{ field: 'body.attachments', code: 'invalid', message: 'unknown' }],
          },
        }),
      );
    });
    await new Promise<void>((listening) => fileService.listen(0, '127.0.0.1', listening));
    const filePort = (fileService.address() as AddressInfo).port;
    // Tests send far more than a person would; the per-user limit has its own test (send-limit.int-spec.ts).
    app = await ChatTestApp.start({
      CHAT_SEND_LIMIT_PER_10S: '100000',
      FILE_URL: `http://127.0.0.1:${filePort}`,
    });
    fx = new ChatFixtures(app);
    [owner, member, outsider] = await Promise.all([
      app.createUser('owner'),
      app.createUser('member'),
      app.createUser('outsider'),
    ]);
    guildId = await fx.guild(owner);
    await fx.member(guildId, member);
    channelId = await fx.channel(guildId);
    restrictedId = await fx.channel(guildId);
    await fx.overwrite(
      restrictedId,
      { id: guildId, type: 'role' },
      {
        deny: PERMISSIONS.SEND_MESSAGES | PERMISSIONS.READ_MESSAGE_HISTORY | PERMISSIONS.ADD_REACTIONS,
      },
    );
    hiddenId = await fx.channel(guildId);
    await fx.overwrite(hiddenId, { id: member, type: 'member' }, { deny: PERMISSIONS.VIEW_CHANNEL });
  });

  afterAll(async () => {
    await app?.stop();
    await new Promise((closed) => fileService?.close(closed));
  });

  it('sends, reads, edits and deletes a message, emitting events in order on the channel key', async () => {
    const sent = await app.call<Message>('POST', messagesPath(channelId), {
      as: member,
      body: { content: '  hi there  ' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      channelId,
      guildId,
      authorId: member,
      content: 'hi there',
      nonce: null,
      replyToId: null,
      attachments: [],
      mentions: { userIds: [], roleIds: [], everyone: false },
      pinned: false,
      revision: 0,
      editedAt: null,
      reactions: [],
    });
    const id = sent.body.id;
    const channel = await app.db
      .selectFrom('channels')
      .select('lastMessageId')
      .where('id', '=', channelId)
      .executeTakeFirstOrThrow();
    expect(channel.lastMessageId).toBe(id);

    const got = await app.call<Message>('GET', `${messagesPath(channelId)}/${id}`, { as: owner });
    expect(got.status).toBe(200);
    expect(got.body.content).toBe('hi there');

    const reply = await app.call<Message>('POST', messagesPath(channelId), {
      as: owner,
      body: { content: 'reply', replyTo: id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.replyToId).toBe(id);

    const edited = await app.call<Message>('PATCH', `${messagesPath(channelId)}/${id}`, {
      as: member,
      body: { content: 'edited' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ content: 'edited', revision: 1 });
    expect(edited.body.editedAt).not.toBeNull();

    const notAuthor = await app.call<ErrorReply>('PATCH', `${messagesPath(channelId)}/${id}`, {
      as: owner,
      body: { content: 'x' },
    });
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.error.code).toBe('NOT_MESSAGE_AUTHOR');

    const deleted = await app.call('DELETE', `${messagesPath(channelId)}/${id}`, { as: member });
    expect(deleted.status).toBe(204);
    expect((await app.call('GET', `${messagesPath(channelId)}/${id}`, { as: member })).status).toBe(404);

    const events = await fx.events(channelId);
    const ofMessage = events
      .map(
        (event) =>
          event as {
            type: string;
            data: { message?: Message; messageId?: string; revision?: number };
          },
      )
      .filter((event) => event.data.message?.id === id || event.data.messageId === id);
    expect(ofMessage.map((event) => event.type)).toEqual([
      'message.created',
      'message.updated',
      'message.deleted',
    ]);
    expect(ofMessage[2]!.data.revision).toBe(2);
  });

  it('refuses bad input naming the field', async () => {
    const other = await fx.channel(guildId);
    const elsewhere = await fx.send(other, owner);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ content: '   ' }, 'VALIDATION_FAILED', 'body.content'],
      [{ content: 'x'.repeat(4_001) }, 'VALIDATION_FAILED', 'body.content'],
      [{ content: 'x', nonce: 'n'.repeat(65) }, 'VALIDATION_FAILED', 'body.nonce'],
      [{ content: 'x', replyTo: elsewhere }, 'VALIDATION_FAILED', 'body.replyTo'],
      [{ content: 'x', attachments: ['123'] }, 'INVALID_ATTACHMENT', 'body.attachments'],
    ];
    for (const [body, code, field] of cases) {
      const reply = await app.call<ErrorReply>('POST', messagesPath(channelId), { as: member, body });
      expect(reply.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(reply.body.error.code).toBe(code);
      expect(reply.body.error.details?.map((detail) => detail.field)).toContain(field);
    }
    expect(
      (await app.call('POST', messagesPath(channelId), { as: member, body: { content: 'é'.repeat(4_000) } }))
        .status,
    ).toBe(201);

    const voice = await fx.channel(guildId, { type: 'voice' });
    const category = await fx.channel(guildId, { type: 'category' });
    for (const target of [voice, category]) {
      const reply = await app.call<ErrorReply>('POST', messagesPath(target), {
        as: member,
        body: { content: 'x' },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('INVALID_CHANNEL_TYPE');
    }

    const cursor = await app.call<ErrorReply>('GET', `${messagesPath(channelId)}?before=${elsewhere}`, {
      as: member,
    });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details?.[0]?.field).toBe('query.before');
    const badLimit = await app.call<ErrorReply>('GET', `${messagesPath(channelId)}?limit=101`, {
      as: member,
    });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.details?.[0]?.field).toBe('query.limit');
  });

  it('makes one message when ten requests with the same nonce race (201 once, 200 for the rest)', async () => {
    const channel = await fx.channel(guildId);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.call<Message>('POST', messagesPath(channel), {
          as: member,
          body: { content: 'once', nonce: 'abc-1' },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    const rows = await app.db.selectFrom('messages').select('id').where('channelId', '=', channel).execute();
    expect(rows).toHaveLength(1);
    const events = await fx.events(channel);
    expect(events).toHaveLength(1);

    const retry = await app.call<Message>('POST', messagesPath(channel), {
      as: member,
      body: { content: 'once', nonce: 'abc-1' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(replies[0]!.body.id);
    // The same nonce from someone else is another message.
    expect(
      (
        await app.call('POST', messagesPath(channel), {
          as: owner,
          body: { content: 'once', nonce: 'abc-1' },
        })
      ).status,
    ).toBe(201);
  });

  it("keeps one channel's events in id order when many senders race", async () => {
    const channel = await fx.channel(guildId);
    const senders = await Promise.all(Array.from({ length: 5 }, () => app.createUser()));
    for (const sender of senders) await fx.member(guildId, sender);
    await Promise.all(
      senders.flatMap((sender) =>
        Array.from({ length: 4 }, (_, i) =>
          app.call('POST', messagesPath(channel), { as: sender, body: { content: `m${i}` } }),
        ),
      ),
    );
    const events = await fx.events<{ message: Message }>(channel);
    const ids = events.map((event) => BigInt(event.data.message.id));
    expect(ids).toHaveLength(20);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('commits racing sends of one channel together, in id order, one message per nonce', async () => {
    const channel = await fx.channel(guildId);
    const senders = await Promise.all(Array.from({ length: 10 }, () => app.createUser()));
    for (const sender of senders) await fx.member(guildId, sender);
    // 40 sends at once, and every sender's nonce `n0` sent three times more (retries racing the first)
    const replies = await Promise.all(
      senders.flatMap((sender) => [
        ...Array.from({ length: 4 }, (_, i) =>
          app.call<Message>('POST', messagesPath(channel), {
            as: sender,
            body: { content: `m${i}`, nonce: `n${i}` },
          }),
        ),
        ...Array.from({ length: 3 }, () =>
          app.call<Message>('POST', messagesPath(channel), {
            as: sender,
            body: { content: 'm0', nonce: 'n0' },
          }),
        ),
      ]),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(40);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(30);
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(40);

    const events = await fx.events<{ message: Message }>(channel);
    const eventIds = events.map((event) => event.data.message.id);
    const rows = await app.db
      .selectFrom('messages')
      .select(['id', 'createdAt'])
      .where('channelId', '=', channel)
      .orderBy('id')
      .execute();
    // outbox order = id order = history order, each message once
    expect(eventIds).toEqual(rows.map((row) => row.id));
    const latest = await app.db
      .selectFrom('channels')
      .select('lastMessageId')
      .where('id', '=', channel)
      .executeTakeFirstOrThrow();
    expect(latest.lastMessageId).toBe(rows.at(-1)!.id);
    // group commit: sends that waited for the channel went in shared transactions (same now())
    expect(new Set(rows.map((row) => row.createdAt.getTime())).size).toBeLessThan(rows.length);
  });

  it('enforces slowmode with Retry-After, except for MANAGE_MESSAGES', async () => {
    const channel = await fx.channel(guildId, { slowmodeSeconds: 30 });
    expect(
      (await app.call('POST', messagesPath(channel), { as: member, body: { content: 'one' } })).status,
    ).toBe(201);
    const second = await app.call<ErrorReply>('POST', messagesPath(channel), {
      as: member,
      body: { content: 'two' },
    });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('SLOWMODE');
    const retryAfter = Number(second.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    // The owner (all permissions) is not slowed down.
    expect(
      (await app.call('POST', messagesPath(channel), { as: owner, body: { content: 'a' } })).status,
    ).toBe(201);
    expect(
      (await app.call('POST', messagesPath(channel), { as: owner, body: { content: 'b' } })).status,
    ).toBe(201);
  });

  it('honours mentions only with permission', async () => {
    const mentionable = await fx.role(guildId, { mentionable: true });
    const plain = await fx.role(guildId);
    const foreignGuild = await fx.guild(outsider);
    const foreignRole = await fx.role(foreignGuild, { mentionable: true });
    const content = `<@${owner}> <@${outsider}> <@&${mentionable}> <@&${plain}> <@&${foreignRole}> <@&${guildId}> @everyone`;

    const byMember = await app.call<Message>('POST', messagesPath(channelId), {
      as: member,
      body: { content },
    });
    expect(byMember.body.mentions).toEqual({ userIds: [owner], roleIds: [mentionable], everyone: false });

    const byOwner = await app.call<Message>('POST', messagesPath(channelId), {
      as: owner,
      body: { content },
    });
    expect(byOwner.body.mentions).toEqual({
      userIds: [owner],
      roleIds: [mentionable, plain],
      everyone: true,
    });

    const edited = await app.call<Message>('PATCH', `${messagesPath(channelId)}/${byMember.body.id}`, {
      as: member,
      body: { content: `now <@${member}>` },
    });
    expect(edited.body.mentions).toEqual({ userIds: [member], roleIds: [], everyone: false });

    const stored = await app.db
      .selectFrom('messages')
      .select(['mentionUserIds', 'mentionEveryone'])
      .where('id', '=', byOwner.body.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ mentionUserIds: [owner], mentionEveryone: true });
  });

  it('lets the author or MANAGE_MESSAGES delete', async () => {
    const byOwner = await fx.send(channelId, owner);
    const denied = await app.call<ErrorReply>('DELETE', `${messagesPath(channelId)}/${byOwner}`, {
      as: member,
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'MISSING_PERMISSION' });
    expect(denied.body.error.message).toContain('MANAGE_MESSAGES');

    const moderatorRole = await fx.role(guildId, { permissions: PERMISSIONS.MANAGE_MESSAGES });
    const moderator = await app.createUser();
    await fx.member(guildId, moderator, [moderatorRole]);
    const byMember = await fx.send(channelId, member);
    expect(
      (await app.call('DELETE', `${messagesPath(channelId)}/${byMember}`, { as: moderator })).status,
    ).toBe(204);
    expect(
      (await app.call('DELETE', `${messagesPath(channelId)}/${byMember}`, { as: moderator })).status,
    ).toBe(404);
  });

  it('pins and unpins (idempotent, 50 at most, message.updated with the revision)', async () => {
    const channel = await fx.channel(guildId);
    const id = await fx.send(channel, member);
    const pin = (as: string, method = 'PUT', message = id) =>
      app.call<ErrorReply>(method, `/api/v1/channels/${channel}/pins/${message}`, { as });

    expect((await pin(owner)).status).toBe(204);
    expect((await pin(owner)).status).toBe(204);
    const pins = await app.call<Message[]>('GET', `/api/v1/channels/${channel}/pins`, { as: member });
    expect(pins.body.map((message) => [message.id, message.pinned, message.revision])).toEqual([
      [id, true, 1],
    ]);
    expect((await pin(owner, 'DELETE')).status).toBe(204);
    expect((await pin(owner, 'DELETE')).status).toBe(204);
    expect(
      (await app.call<Message[]>('GET', `/api/v1/channels/${channel}/pins`, { as: member })).body,
    ).toEqual([]);
    const events = await fx.events(channel);
    expect(
      events.map((event) => {
        const envelope = event as { type: string; data: { message: Message } };
        return [envelope.type, envelope.data.message.pinned, envelope.data.message.revision];
      }),
    ).toEqual([
      ['message.created', false, 0],
      ['message.updated', true, 1],
      ['message.updated', false, 2],
    ]);

    const denied = await pin(member);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('MANAGE_MESSAGES');

    const many = await Promise.all(Array.from({ length: 51 }, (_, i) => fx.send(channel, owner, `p${i}`)));
    const results = await Promise.all(many.map((message) => pin(owner, 'PUT', message)));
    expect(results.filter((reply) => reply.status === 204)).toHaveLength(50);
    const refused = results.filter((reply) => reply.status === 400);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body.error.code).toBe('TOO_MANY_PINS');
  });

  describe('authorisation matrix', () => {
    interface Route {
      name: string;
      method: string;
      path: (channel: string, message: string) => string;
      body?: unknown;
      /** What a plain member in the restricted channel gets: the permission named, or another 403 code. */
      missing: string | null;
      ok: number;
    }
    const routes: Route[] = [
      {
        name: 'send',
        method: 'POST',
        path: (c) => messagesPath(c),
        body: { content: 'x' },
        missing: 'SEND_MESSAGES',
        ok: 201,
      },
      {
        name: 'history',
        method: 'GET',
        path: (c) => messagesPath(c),
        missing: 'READ_MESSAGE_HISTORY',
        ok: 200,
      },
      {
        name: 'get',
        method: 'GET',
        path: (c, m) => `${messagesPath(c)}/${m}`,
        missing: 'READ_MESSAGE_HISTORY',
        ok: 200,
      },
      {
        name: 'edit',
        method: 'PATCH',
        path: (c, m) => `${messagesPath(c)}/${m}`,
        body: { content: 'y' },
        missing: 'NOT_MESSAGE_AUTHOR',
        ok: 200,
      },
      {
        name: 'delete',
        method: 'DELETE',
        path: (c, m) => `${messagesPath(c)}/${m}`,
        missing: 'MANAGE_MESSAGES',
        ok: 204,
      },
      {
        name: 'pins',
        method: 'GET',
        path: (c) => `/api/v1/channels/${c}/pins`,
        missing: 'READ_MESSAGE_HISTORY',
        ok: 200,
      },
      {
        name: 'pin',
        method: 'PUT',
        path: (c, m) => `/api/v1/channels/${c}/pins/${m}`,
        missing: 'MANAGE_MESSAGES',
        ok: 204,
      },
      {
        name: 'unpin',
        method: 'DELETE',
        path: (c, m) => `/api/v1/channels/${c}/pins/${m}`,
        missing: 'MANAGE_MESSAGES',
        ok: 204,
      },
      {
        name: 'react',
        method: 'PUT',
        path: (c, m) => `${messagesPath(c)}/${m}/reactions/${encodeURIComponent('👍')}/@me`,
        missing: 'READ_MESSAGE_HISTORY',
        ok: 204,
      },
      {
        name: 'unreact',
        method: 'DELETE',
        path: (c, m) => `${messagesPath(c)}/${m}/reactions/${encodeURIComponent('👍')}/@me`,
        missing: null,
        ok: 204,
      },
      {
        name: 'reactors',
        method: 'GET',
        path: (c, m) => `${messagesPath(c)}/${m}/reactions/${encodeURIComponent('👍')}`,
        missing: 'READ_MESSAGE_HISTORY',
        ok: 200,
      },
      { name: 'ack', method: 'POST', path: (c, m) => `${messagesPath(c)}/${m}/ack`, missing: null, ok: 204 },
    ];

    it.each(routes)(
      '$name: anonymous 401, cannot-view 404, missing permission 403, allowed 2xx',
      async (route) => {
        const hiddenMessage = await fx.send(hiddenId, owner);
        const restrictedMessage = await fx.send(restrictedId, owner);
        const call = (as: string | undefined, channel: string, message: string) =>
          app.call<ErrorReply>(route.method, route.path(channel, message), { as, body: route.body });

        expect((await call(undefined, restrictedId, restrictedMessage)).status).toBe(401);
        const outsiderReply = await call(outsider, restrictedId, restrictedMessage);
        expect(outsiderReply.status).toBe(404);
        expect(outsiderReply.body.error.code).toBe('UNKNOWN_CHANNEL');
        const hidden = await call(member, hiddenId, hiddenMessage);
        expect(hidden.status).toBe(404);
        expect(hidden.body.error.code).toBe('UNKNOWN_CHANNEL');
        const unknownChannel = await call(member, '123456789', restrictedMessage);
        expect(unknownChannel.status).toBe(404);

        const asMember = await call(member, restrictedId, restrictedMessage);
        if (route.missing === null) {
          expect(asMember.status).toBe(route.ok);
        } else {
          expect(asMember.status).toBe(403);
          if (route.missing === 'NOT_MESSAGE_AUTHOR')
            expect(asMember.body.error.code).toBe('NOT_MESSAGE_AUTHOR');
          else {
            expect(asMember.body.error.code).toBe('MISSING_PERMISSION');
            expect(asMember.body.error.message).toContain(route.missing);
          }
        }
        expect((await call(owner, restrictedId, restrictedMessage)).status).toBe(route.ok);
      },
    );

    it('send in a DM needs to be a recipient', async () => {
      const dm = await app.call<{ id: string }>('POST', '/api/v1/users/@me/channels', {
        as: owner,
        body: { recipientId: member },
      });
      expect(
        (await app.call('POST', messagesPath(dm.body.id), { as: outsider, body: { content: 'x' } })).status,
      ).toBe(404);
      expect(
        (await app.call('POST', messagesPath(dm.body.id), { as: member, body: { content: 'x' } })).status,
      ).toBe(201);
    });
  });
});
