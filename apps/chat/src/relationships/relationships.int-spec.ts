import type { Channel, PrivacySettings, Relationship } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, createGuild, outboxEvents } from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';
import { pairKey } from './relationships.repository';

type ErrorReply = { error: { code: string; details?: { field: string; code: string }[] } };

describe('relationships and privacy (medium: chat on real Postgres)', () => {
  let app: ChatTestApp;

  const list = async (as: string) =>
    (await app.call<Relationship[]>('GET', '/api/v1/users/@me/relationships', { as })).body;
  const typesOf = async (as: string) => Object.fromEntries((await list(as)).map((r) => [r.id, r.type]));
  const put = (as: string, userId: string, body?: Record<string, unknown>) =>
    app.call<Relationship & ErrorReply>('PUT', `/api/v1/users/@me/relationships/${userId}`, {
      as,
      body: body ?? {},
    });
  const remove = (as: string, userId: string) =>
    app.call<ErrorReply>('DELETE', `/api/v1/users/@me/relationships/${userId}`, { as });
  const openDm = (as: string, recipientId: string) =>
    app.call<Channel & ErrorReply>('POST', '/api/v1/users/@me/channels', { as, body: { recipientId } });
  const send = (as: string, channelId: string) =>
    app.call<ErrorReply>('POST', `/api/v1/channels/${channelId}/messages`, { as, body: { content: 'hi' } });
  const privacy = (as: string, body: Partial<PrivacySettings>) =>
    app.call<PrivacySettings & ErrorReply>('PATCH', '/api/v1/users/@me/privacy', { as, body });

  beforeAll(async () => {
    app = await ChatTestApp.start({ CHAT_SEND_LIMIT_PER_10S: '100000' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('sends a request by username, accepts it, and removes the friend; each side gets its events', async () => {
    const [a, b] = [await app.createUser(), await app.createUser(`Bob${Date.now()}`)];
    const bobName = (await app.db
      .selectFrom('users')
      .select('username')
      .where('id', '=', b)
      .executeTakeFirst())!.username;
    const sent = await app.call<Relationship>('POST', '/api/v1/users/@me/relationships', {
      as: a,
      body: { username: bobName.toUpperCase() },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      id: b,
      type: 'outgoing',
      user: { id: b, username: bobName, bot: false },
    });
    expect(await typesOf(a)).toEqual({ [b]: 'outgoing' });
    expect(await typesOf(b)).toEqual({ [a]: 'incoming' });
    // Repeating a pending request changes nothing.
    expect((await put(a, b)).body.type).toBe('outgoing');

    const accepted = await put(b, a);
    expect(accepted.status).toBe(200);
    expect(accepted.body.type).toBe('friend');
    expect(await typesOf(a)).toEqual({ [b]: 'friend' });
    expect(await typesOf(b)).toEqual({ [a]: 'friend' });
    expect((await put(a, b)).body.error.code).toBe('ALREADY_FRIENDS');

    expect((await remove(a, b)).status).toBe(204);
    expect(await list(a)).toEqual([]);
    expect(await list(b)).toEqual([]);
    expect((await remove(a, b)).body.error.code).toBe('UNKNOWN_RELATIONSHIP');

    const events = await outboxEvents(app, pairKey(a, b));
    expect(events.every((event) => event.topic === 'chat.members')).toBe(true);
    expect(
      events.map((event) => {
        const data = event.data as { userId: string; relationship?: { type: string }; type?: string };
        return `${event.type}:${data.userId === a ? 'a' : 'b'}:${data.relationship?.type ?? data.type}`;
      }),
    ).toEqual([
      'relationship.added:a:outgoing',
      'relationship.added:b:incoming',
      'relationship.added:b:friend',
      'relationship.added:a:friend',
      'relationship.removed:a:friend',
      'relationship.removed:b:friend',
    ]);
  });

  it('cancels an outgoing request and declines an incoming one', async () => {
    const [a, b, c] = [await app.createUser(), await app.createUser(), await app.createUser()];
    await put(a, b);
    expect((await remove(a, b)).status).toBe(204);
    expect(await list(b)).toEqual([]);
    await put(c, a);
    expect(await typesOf(a)).toEqual({ [c]: 'incoming' });
    expect((await remove(a, c)).status).toBe(204);
    expect(await list(c)).toEqual([]);
  });

  it('answers clear errors naming the field', async () => {
    const a = await app.createUser();
    const self = await put(a, a);
    expect(self.status).toBe(400);
    expect(self.body.error).toMatchObject({
      code: 'CANNOT_FRIEND_SELF',
      details: [{ field: 'param.userId' }],
    });
    expect((await put(a, a, { type: 'blocked' })).body.error.code).toBe('CANNOT_BLOCK_SELF');
    const unknown = await app.call<ErrorReply>('POST', '/api/v1/users/@me/relationships', {
      as: a,
      body: { username: 'nobody-has-this-name' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_USER', details: [{ field: 'body.username' }] });
    expect((await put(a, '123')).status).toBe(404);
    expect((await put(a, 'not-an-id')).status).toBe(404);
    const bad = await put(a, '123', { type: 'incoming' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.[0]?.field).toBe('body.type');
  });

  it('blocks: ends the friendship, refuses requests and DMs both ways, and unblocks', async () => {
    const [a, b] = [await app.createUser(), await app.createUser()];
    await put(a, b);
    await put(b, a);
    const dm = await openDm(a, b);
    expect(dm.status).toBe(201);
    expect((await send(b, dm.body.id)).status).toBe(201);

    const blocked = await put(a, b, { type: 'blocked' });
    expect(blocked.status).toBe(200);
    expect(blocked.body.type).toBe('blocked');
    expect(await typesOf(a)).toEqual({ [b]: 'blocked' });
    expect(await list(b)).toEqual([]);
    expect((await put(a, b, { type: 'blocked' })).status).toBe(200);

    // b cannot befriend a (told as a privacy refusal would be), nor DM them.
    const request = await put(b, a);
    expect(request.status).toBe(403);
    expect(request.body.error).toMatchObject({
      code: 'FRIEND_REQUEST_BLOCKED',
      details: [{ field: 'param.userId' }],
    });
    const reopen = await openDm(b, a);
    expect(reopen.status).toBe(403);
    expect(reopen.body.error).toMatchObject({
      code: 'CANNOT_MESSAGE_USER',
      details: [{ field: 'body.recipientId' }],
    });
    expect((await send(b, dm.body.id)).body.error.code).toBe('CANNOT_MESSAGE_USER');
    // a cannot message the one they blocked either, nor befriend them without unblocking.
    expect((await send(a, dm.body.id)).body.error.code).toBe('CANNOT_MESSAGE_USER');
    expect((await put(a, b)).body.error.code).toBe('USER_BLOCKED');
    // Group DMs: neither can put the other in one.
    const c = await app.createUser();
    const group = await app.call<ErrorReply>('POST', '/api/v1/users/@me/channels', {
      as: b,
      body: { recipientIds: [c, a] },
    });
    expect(group.status).toBe(403);
    expect(group.body.error).toMatchObject({
      code: 'CANNOT_MESSAGE_USER',
      details: [{ field: 'body.recipientIds.1' }],
    });

    expect((await remove(a, b)).status).toBe(204);
    expect(await list(a)).toEqual([]);
    expect((await send(b, dm.body.id)).status).toBe(201);
    expect((await put(b, a)).body.type).toBe('outgoing');
  });

  it('keeps a mutual block when one side unblocks', async () => {
    const [a, b] = [await app.createUser(), await app.createUser()];
    await put(a, b, { type: 'blocked' });
    await put(b, a, { type: 'blocked' });
    expect(await typesOf(a)).toEqual({ [b]: 'blocked' });
    expect(await typesOf(b)).toEqual({ [a]: 'blocked' });
    await remove(a, b);
    expect(await typesOf(b)).toEqual({ [a]: 'blocked' });
    expect((await openDm(a, b)).status).toBe(403);
  });

  it('enforces privacy: dmsFrom and friendRequestsFrom', async () => {
    const [owner] = [await app.createUser()];
    const guild = await createGuild(app, owner);
    const [member] = await addMembers(app, guild.id, owner, 1);
    const [stranger, friendOfOwner] = [await app.createUser(), await app.createUser()];

    expect((await app.call<PrivacySettings>('GET', '/api/v1/users/@me/privacy', { as: owner })).body).toEqual(
      {
        dmsFrom: 'everyone',
        friendRequestsFrom: 'everyone',
      },
    );
    const changed = await privacy(owner, { dmsFrom: 'guild_members', friendRequestsFrom: 'guild_members' });
    expect(changed.body).toEqual({ dmsFrom: 'guild_members', friendRequestsFrom: 'guild_members' });
    const invalid = await privacy(owner, { dmsFrom: 'nobody' as never });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details?.[0]?.field).toBe('body.dmsFrom');

    expect((await openDm(stranger, owner)).body.error.code).toBe('CANNOT_MESSAGE_USER');
    expect((await put(stranger, owner)).body.error.code).toBe('FRIEND_REQUEST_BLOCKED');
    const memberDm = await openDm(member!, owner);
    expect(memberDm.status).toBe(201);
    expect((await put(member!, owner)).body.type).toBe('outgoing');

    // friends only: the guild member's existing DM stops taking messages; a friend's works.
    await privacy(owner, { dmsFrom: 'friends' });
    expect((await send(member!, memberDm.body.id)).body.error.code).toBe('CANNOT_MESSAGE_USER');
    // The owner may still write (the policy is the recipient's).
    expect((await send(owner, memberDm.body.id)).status).toBe(201);
    await put(owner, member!);
    expect((await send(member!, memberDm.body.id)).status).toBe(201);

    // friends of friends: only someone sharing a friend may ask.
    await privacy(owner, { friendRequestsFrom: 'friends_of_friends' });
    expect((await put(friendOfOwner, owner)).body.error.code).toBe('FRIEND_REQUEST_BLOCKED');
    await put(friendOfOwner, member!);
    await put(member!, friendOfOwner);
    expect((await put(friendOfOwner, owner)).body.type).toBe('outgoing');
    await privacy(owner, { friendRequestsFrom: 'nobody' });
    expect((await put(stranger, owner)).body.error.code).toBe('FRIEND_REQUEST_BLOCKED');
  });

  it('lists relationships in the realtime ready state', async () => {
    const [a, b, c] = [await app.createUser(), await app.createUser(), await app.createUser()];
    await put(a, b);
    await put(a, c, { type: 'blocked' });
    const state = await app.call<{ relationships: Relationship[] }>('GET', '/internal/v1/realtime/state', {
      as: a,
    });
    expect(state.status).toBe(200);
    expect(Object.fromEntries(state.body.relationships.map((r) => [r.id, r.type]))).toEqual({
      [b]: 'outgoing',
      [c]: 'blocked',
    });
  });
});
