import { randomUUID } from 'node:crypto';
import { type AnyEvent, type Channel, type Message, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembers,
  channels,
  createGuild,
  createRole,
  ok,
  outboxEvents,
  setRoles,
} from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';
import { UsersProjectionHandlers } from '../users/users-projection.handlers';

function userDeleted(userId: string): AnyEvent {
  return {
    id: randomUUID(),
    type: 'user.deleted',
    version: 1,
    key: userId,
    producer: 'auth',
    occurredAt: new Date().toISOString(),
    data: { userId, deletedAt: new Date().toISOString() },
  } as AnyEvent;
}

interface World {
  doomed: string;
  friend: string;
  keptGuildId: string;
  textChannelId: string;
  dmChannelId: string;
  soloGuildId: string;
  otherGuildId: string;
  friendMessageId: string;
  doomedMessageIds: string[];
}

/** The user to delete owns a guild with others, owns one alone, is a member of a third, and did things. */
async function buildWorld(app: ChatTestApp): Promise<World> {
  const doomed = await app.createUser();
  const kept = await createGuild(app, doomed, 'Kept');
  const [older, friend] = await addMembers(app, kept.id, doomed, 2);
  const admin = await createRole(app, kept.id, doomed, PERMISSIONS.ADMINISTRATOR, 'admins');
  await setRoles(app, kept.id, doomed, friend!, [admin.id]);
  const solo = await createGuild(app, doomed, 'Solo');
  const other = await createGuild(app, older!, 'Other');
  const invite = await ok<{ code: string }>(app, 'POST', `/api/v1/guilds/${other.id}/invites`, older!, {});
  await ok(app, 'POST', `/api/v1/invites/${invite.code}`, doomed);

  const text = (await channels(app, kept.id, doomed)).find((channel) => channel.type === 'text')!;
  const send = (as: string, channelId: string, content: string) =>
    ok<Message>(app, 'POST', `/api/v1/channels/${channelId}/messages`, as, { content });
  const mine = await send(doomed, text.id, 'hello from the doomed');
  const theirs = await send(friend!, text.id, 'hello back');
  const react = (as: string, messageId: string) =>
    ok(app, 'PUT', `/api/v1/channels/${text.id}/messages/${messageId}/reactions/%F0%9F%94%A5/@me`, as);
  await react(doomed, theirs.id);
  await react(friend!, mine.id);
  await ok(app, 'PUT', `/api/v1/users/@me/relationships/${friend}`, doomed, {});
  await ok(app, 'PUT', `/api/v1/users/@me/relationships/${doomed}`, friend!, {});
  await ok(app, 'PUT', `/api/v1/users/@me/relationships/${doomed}`, older!, { type: 'blocked' });
  const dm = await ok<Channel>(app, 'POST', '/api/v1/users/@me/channels', doomed, { recipientId: friend });
  const inDm = await send(doomed, dm.id, 'a private word');
  await app.db
    .insertInto('read_states')
    .values({ userId: doomed, channelId: text.id, lastReadMessageId: theirs.id })
    .execute();
  await app.db
    .insertInto('push_subscriptions')
    .values({ id: mine.id, userId: doomed, endpoint: 'https://push.example/x', p256dh: 'k', auth: 'a' })
    .execute();
  return {
    doomed,
    friend: friend!,
    keptGuildId: kept.id,
    textChannelId: text.id,
    dmChannelId: dm.id,
    soloGuildId: solo.id,
    otherGuildId: other.id,
    friendMessageId: theirs.id,
    doomedMessageIds: [mine.id, inDm.id],
  };
}

async function rowsOf(app: ChatTestApp, userId: string): Promise<Record<string, number>> {
  const count = async (table: 'members' | 'reactions' | 'read_states' | 'push_subscriptions') =>
    (await app.db.selectFrom(table).select('userId').where('userId', '=', userId).execute()).length;
  const relationships = await app.db
    .selectFrom('relationships')
    .select('userId')
    .where((eb) => eb.or([eb('userId', '=', userId), eb('targetId', '=', userId)]))
    .execute();
  return {
    members: await count('members'),
    reactions: await count('reactions'),
    read_states: await count('read_states'),
    push_subscriptions: await count('push_subscriptions'),
    relationships: relationships.length,
  };
}

const NOTHING = { members: 0, reactions: 0, read_states: 0, push_subscriptions: 0, relationships: 0 };

describe('user.deleted in chat, messages anonymised (medium: real Postgres)', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('anonymises the user, hands over or deletes their guilds, and removes what is theirs', async () => {
    const world = await buildWorld(app);
    const consumer = app.service.app.get(UsersProjectionHandlers);
    const event = userDeleted(world.doomed);
    await consumer.apply(event);
    await consumer.apply(event); // redelivered: nothing more happens

    const user = await app.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', world.doomed)
      .executeTakeFirst();
    expect(user).toMatchObject({
      username: `deleted_user_${world.doomed}`,
      displayName: 'Deleted user',
      avatarFileId: null,
    });
    expect(await rowsOf(app, world.doomed)).toEqual(NOTHING);

    // The admin inherits the guild (before the older member without the role); the solo guild is gone.
    const kept = await ok<{ ownerId: string }>(
      app,
      'GET',
      `/api/v1/guilds/${world.keptGuildId}`,
      world.friend,
    );
    expect(kept.ownerId).toBe(world.friend);
    const solo = await app.db.selectFrom('guilds').select('id').where('id', '=', world.soloGuildId).execute();
    expect(solo).toEqual([]);

    // Messages stay, with their author id now a "Deleted user"; the DM stays for the other person.
    const history = await ok<Message[]>(
      app,
      'GET',
      `/api/v1/channels/${world.textChannelId}/messages`,
      world.friend,
    );
    expect(history.find((message) => message.id === world.doomedMessageIds[0])?.authorId).toBe(world.doomed);
    const dm = await ok<Message[]>(
      app,
      'GET',
      `/api/v1/channels/${world.dmChannelId}/messages`,
      world.friend,
    );
    expect(dm.map((message) => message.id)).toEqual([world.doomedMessageIds[1]]);
    const dms = await ok<Channel[]>(app, 'GET', '/api/v1/users/@me/channels', world.friend);
    expect(dms.find((channel) => channel.id === world.dmChannelId)?.recipientIds).toContain(world.doomed);

    const profile = await outboxEvents(app, world.doomed);
    expect(profile.filter((e) => e.type === 'user.profile.updated')).toHaveLength(1);
    expect(profile.find((e) => e.type === 'user.profile.updated')?.data).toMatchObject({
      user: { id: world.doomed, displayName: 'Deleted user', avatarFileId: null },
      guildIds: [world.keptGuildId, world.soloGuildId, world.otherGuildId].sort(),
      dmChannelIds: [world.dmChannelId],
    });
    const keptEvents = (await outboxEvents(app, world.keptGuildId)).map((e) => e.type);
    expect(keptEvents.slice(-2)).toEqual(['guild.updated', 'member.left']);
    expect((await outboxEvents(app, world.soloGuildId)).map((e) => e.type)).toContain('guild.deleted');
    expect((await outboxEvents(app, world.otherGuildId)).at(-1)).toMatchObject({
      type: 'member.left',
      data: { userId: world.doomed },
    });
    const channelEvents = (await outboxEvents(app, world.textChannelId)).map((e) => e.type);
    expect(channelEvents.filter((type) => type === 'reaction.removed')).toHaveLength(1);
    expect(channelEvents).not.toContain('message.deleted');
  });
});

describe('user.deleted in chat, messages removed (medium: real Postgres)', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start({
      CHAT_SEND_LIMIT_PER_10S: '100000',
      CHAT_DELETED_USER_MESSAGES: 'remove',
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('removes every message of the user, each announced as message.deleted', async () => {
    const world = await buildWorld(app);
    await app.service.app.get(UsersProjectionHandlers).apply(userDeleted(world.doomed));

    const left = await app.db
      .selectFrom('messages')
      .select('id')
      .where('authorId', '=', world.doomed)
      .execute();
    expect(left).toEqual([]);
    expect(await rowsOf(app, world.doomed)).toEqual(NOTHING);
    const history = await ok<Message[]>(
      app,
      'GET',
      `/api/v1/channels/${world.textChannelId}/messages`,
      world.friend,
    );
    expect(history.map((message) => message.id)).toEqual([world.friendMessageId]);
    for (const [channelId, messageId] of [
      [world.textChannelId, world.doomedMessageIds[0]],
      [world.dmChannelId, world.doomedMessageIds[1]],
    ]) {
      const deleted = (await outboxEvents(app, channelId!)).filter((e) => e.type === 'message.deleted');
      expect(deleted.map((e) => e.data['messageId'])).toEqual([messageId]);
    }
  });
});
