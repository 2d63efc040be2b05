import type { Channel, Message } from '@bonfire/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuild, createInvite } from '../guilds/guild-test-kit';
import { ChatFixtures } from '../messages/testing/chat-fixtures';
import { ChatTestApp } from '../testing/chat-test-app';
import { UsersProjectionHandlers } from '../users/users-projection.handlers';

type ErrorReply = { error: { code: string; details?: { field: string; code: string }[] } };

describe('DMs and group DMs', () => {
  let app: ChatTestApp;
  let fx: ChatFixtures;

  const open = (as: string, body: Record<string, unknown>) =>
    app.call<Channel>('POST', '/api/v1/users/@me/channels', { as, body });

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
    fx = new ChatFixtures(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('opens a DM once (201), then finds it (200) from either side; messages work as in channels', async () => {
    const [a, b] = [await app.createUser(), await app.createUser()];
    const first = await open(a, { recipientId: b });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      type: 'dm',
      guildId: null,
      recipientIds: [a, b].sort(),
      permissionOverwrites: [],
    });
    const again = await open(b, { recipientId: a });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const sent = await app.call<Message>('POST', `/api/v1/channels/${first.body.id}/messages`, {
      as: b,
      body: { content: `hi <@${a}> @everyone` },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.mentions).toEqual({ userIds: [a], roleIds: [], everyone: false });
    const history = await app.call<Message[]>('GET', `/api/v1/channels/${first.body.id}/messages`, { as: a });
    expect(history.body.map((m) => m.id)).toEqual([sent.body.id]);

    const events = await fx.events<{ channel: Channel }>(first.body.id);
    expect(events.map((event) => event.type)).toEqual(['channel.created', 'message.created']);
  });

  it('makes one DM when both sides open it at the same time', async () => {
    const [a, b] = [await app.createUser(), await app.createUser()];
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 ? open(a, { recipientId: b }) : open(b, { recipientId: a }),
      ),
    );
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    const rows = await app.db
      .selectFrom('channels')
      .select('id')
      .where('type', '=', 'dm')
      .where('dmKey', 'like', `%${a}%`)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a DM with yourself (400) and with unknown users (404)', async () => {
    const a = await app.createUser();
    expect((await open(a, { recipientId: a })).status).toBe(400);
    const unknown = await open(a, { recipientId: '123456789' });
    expect(unknown.status).toBe(404);
    expect((unknown.body as unknown as ErrorReply).error.code).toBe('UNKNOWN_USER');
    expect((await open(a, { recipientIds: ['123456789'] })).status).toBe(404);
    expect((await open(a, {})).status).toBe(400);
    expect((await app.call('GET', '/api/v1/users/@me/channels')).status).toBe(401);
  });

  it('creates group DMs of up to 10, owned by the creator; the owner adds and removes, anyone leaves', async () => {
    const owner = await app.createUser();
    const people = await Promise.all(Array.from({ length: 10 }, () => app.createUser()));
    const tooMany = await open(owner, { recipientIds: people });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as unknown as ErrorReply).error.code).toBe('GROUP_DM_FULL');

    const group = await open(owner, { recipientIds: people.slice(0, 8), name: 'friends' });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ type: 'group_dm', ownerId: owner, name: 'friends' });
    expect(group.body.recipientIds).toHaveLength(9);
    const recipients = (user: string) => `/api/v1/channels/${group.body.id}/recipients/${user}`;

    expect((await app.call('PUT', recipients(people[8]!), { as: people[0]! })).status).toBe(403);
    expect((await app.call('PUT', recipients(people[8]!), { as: owner })).status).toBe(204);
    const full = await app.call<ErrorReply>('PUT', recipients(people[9]!), { as: owner });
    expect(full.status).toBe(400);
    expect(full.body.error.code).toBe('GROUP_DM_FULL');
    expect((await app.call('DELETE', recipients(people[1]!), { as: people[0]! })).status).toBe(403);
    expect((await app.call('DELETE', recipients(people[0]!), { as: people[0]! })).status).toBe(204);
    expect(
      (await app.call('GET', `/api/v1/channels/${group.body.id}/messages`, { as: people[0]! })).status,
    ).toBe(404);
    expect((await app.call('DELETE', recipients(owner), { as: owner })).status).toBe(204);
    const list = await app.call<Channel[]>('GET', '/api/v1/users/@me/channels', { as: people[1]! });
    const after = list.body.find((channel) => channel.id === group.body.id)!;
    expect(after.recipientIds).toHaveLength(8);
    expect(after.ownerId).not.toBe(owner);
    expect(after.recipientIds).toContain(after.ownerId);
  });

  it('lists my DMs, newest activity first', async () => {
    const [me, b, c] = [await app.createUser(), await app.createUser(), await app.createUser()];
    const withB = await open(me, { recipientId: b });
    const withC = await open(me, { recipientId: c });
    let list = await app.call<Channel[]>('GET', '/api/v1/users/@me/channels', { as: me });
    expect(list.body.map((channel) => channel.id)).toEqual([withC.body.id, withB.body.id]);
    await fx.send(withB.body.id, b);
    list = await app.call<Channel[]>('GET', '/api/v1/users/@me/channels', { as: me });
    expect(list.body.map((channel) => channel.id)).toEqual([withB.body.id, withC.body.id]);
    expect(list.body[0]!.lastMessageId).not.toBeNull();
  });

  it('any recipient renames a group DM (trimmed; null or blank clears it); recipients get channel.updated', async () => {
    const [owner, b, c, stranger] = [
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
      await app.createUser(),
    ];
    const group = await open(owner, { recipientIds: [b, c], name: 'friends' });
    const rename = (as: string, body: unknown) =>
      app.call<Channel & ErrorReply>('PATCH', `/api/v1/channels/${group.body.id}`, { as, body });

    const renamed = await rename(b, { name: '  Weekend plans  ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: group.body.id, type: 'group_dm', name: 'Weekend plans' });
    const events = await fx.events<{ channel: Channel }>(group.body.id);
    expect(events.at(-1)).toMatchObject({
      type: 'channel.updated',
      data: { channel: { name: 'Weekend plans' } },
    });
    expect(events.at(-1)!.data.channel.recipientIds).toEqual([owner, b, c].sort());

    expect((await rename(c, { name: null })).body.name).toBeNull();
    expect((await rename(owner, { name: 'again' })).body.name).toBe('again');
    expect((await rename(owner, { name: '   ' })).body.name).toBeNull();

    const refused = async (body: unknown, field: string) => {
      const reply = await rename(b, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.details?.map((detail) => detail.field)).toContain(field);
    };
    await refused({ name: 'bad\u0000name' }, 'body.name');
    await refused({ name: 'bell\u0007' }, 'body.name');
    await refused({ name: 'x'.repeat(101) }, 'body.name');
    await refused({ name: 42 }, 'body.name');
    await refused({ topic: 'no topics here' }, 'body.topic');
    await refused({}, 'body');
    expect((await rename(b, { name: 'y'.repeat(100) })).status).toBe(200);

    expect((await rename(stranger, { name: 'mine now' })).status).toBe(404);
    const dm = await open(b, { recipientId: c });
    const oneToOne = await app.call<ErrorReply>('PATCH', `/api/v1/channels/${dm.body.id}`, {
      as: b,
      body: { name: 'pals' },
    });
    expect(oneToOne.status).toBe(400);
    expect(oneToOne.body.error.code).toBe('NOT_GROUP_DM');
  });

  it('passes a user.updated on as user.profile.updated with the guilds and DMs that see the user', async () => {
    const [user, partner, lonely] = [await app.createUser(), await app.createUser(), await app.createUser()];
    const guild = await createGuild(app, partner);
    const invite = await createInvite(app, guild.id, partner);
    expect((await app.call('POST', `/api/v1/invites/${invite.code}`, { as: user })).status).toBe(200);
    const other = await createGuild(app, user);
    const dm = await open(user, { recipientId: partner });
    const group = await open(partner, { recipientIds: [user, lonely] });
    const consumer = app.service.app.get(UsersProjectionHandlers);
    const profile = {
      id: user,
      username: 'renamed',
      displayName: 'Renamed',
      avatarFileId: null,
      about: null,
      createdAt: new Date().toISOString(),
    };
    const envelope = {
      id: randomUUID(),
      type: 'user.updated' as const,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'auth',
      key: user,
      data: profile,
    };
    await consumer.apply(envelope);
    await consumer.apply(envelope); // a redelivery changes nothing
    const events = (await fx.events<Record<string, unknown>>(user)).filter(
      (event) => event.type === 'user.profile.updated',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      user: profile,
      guildIds: [guild.id, other.id].sort(),
      dmChannelIds: [dm.body.id, group.body.id].sort(),
    });
    const row = await app.db.selectFrom('users').selectAll().where('id', '=', user).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ username: 'renamed', displayName: 'Renamed' });

    // user.created (a new user: nobody sees them yet) only fills the projection.
    const fresh = { ...profile, id: String(BigInt(user) + 1n), username: 'fresh' };
    await consumer.apply({ ...envelope, id: randomUUID(), type: 'user.created', key: fresh.id, data: fresh });
    expect(await fx.events(fresh.id)).toEqual([]);
  });
});
