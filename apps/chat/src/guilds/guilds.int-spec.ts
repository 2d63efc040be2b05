import { DEFAULT_EVERYONE_PERMISSIONS, type Guild, guildSchema, type Role } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';
import { addMembers, channels, createGuild, ok, outboxEvents } from './guild-test-kit';

describe('guilds', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('creates a guild with its owner, @everyone and the default channels', async () => {
    const ownerId = await app.createUser();
    const reply = await app.call<Guild>('POST', '/api/v1/guilds', {
      as: ownerId,
      body: { name: '  Campfire  ', description: 'warm' },
    });
    expect(reply.status).toBe(201);
    const guild = guildSchema.parse(reply.body);
    expect(guild).toMatchObject({ name: 'Campfire', description: 'warm', ownerId, iconFileId: null });

    const roles = await ok<Role[]>(app, 'GET', `/api/v1/guilds/${guild.id}/roles`, ownerId);
    expect(roles).toEqual([
      expect.objectContaining({
        id: guild.id,
        name: '@everyone',
        position: 0,
        permissions: String(DEFAULT_EVERYONE_PERMISSIONS),
      }),
    ]);
    const list = await channels(app, guild.id, ownerId);
    expect(list.map((channel) => [channel.type, channel.name])).toEqual([
      ['text', 'general'],
      ['voice', 'General'],
    ]);
    expect(await ok(app, 'GET', `/api/v1/guilds/${guild.id}`, ownerId)).toEqual(guild);
    expect(await ok(app, 'GET', `/api/v1/guilds/${guild.id}/members/${ownerId}`, ownerId)).toMatchObject({
      userId: ownerId,
      roleIds: [],
    });
  });

  it('validates input, naming each bad field', async () => {
    const userId = await app.createUser();
    const reply = await app.call<{ error: { code: string; details: { field: string }[] } }>(
      'POST',
      '/api/v1/guilds',
      { as: userId, body: { name: 'x', iconFileId: 'abc', extra: 1 } },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.details.map((detail) => detail.field).sort()).toEqual([
      'body',
      'body.iconFileId',
      'body.name',
    ]);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    const userId = await app.createUser();
    for (const id of ['123', 'abc', '99999999999999999999']) {
      const reply = await app.call<{ error: { code: string } }>('GET', `/api/v1/guilds/${id}`, {
        as: userId,
      });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('UNKNOWN_GUILD');
    }
  });

  it('lists my guilds, updates, transfers ownership, leaves and deletes', async () => {
    const ownerId = await app.createUser();
    const first = await createGuild(app, ownerId, 'First');
    const second = await createGuild(app, ownerId, 'Second');
    const mine = await ok<Guild[]>(app, 'GET', '/api/v1/users/@me/guilds', ownerId);
    expect(mine.map((guild) => guild.id)).toEqual([first.id, second.id]);

    const updated = await ok<Guild>(app, 'PATCH', `/api/v1/guilds/${first.id}`, ownerId, {
      name: 'Renamed',
      description: null,
      iconFileId: '42',
    });
    expect(updated).toMatchObject({ name: 'Renamed', description: null, iconFileId: '42' });

    const [memberId, otherId] = await addMembers(app, first.id, ownerId, 2);
    const outsider = await app.createUser();
    const notMember = await app.call<{ error: { details: { field: string }[] } }>(
      'POST',
      `/api/v1/guilds/${first.id}/owner`,
      { as: ownerId, body: { userId: outsider } },
    );
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.details[0]!.field).toBe('body.userId');

    const transferred = await ok<Guild>(app, 'POST', `/api/v1/guilds/${first.id}/owner`, ownerId, {
      userId: memberId,
    });
    expect(transferred.ownerId).toBe(memberId);
    // The former owner is an ordinary member now: can leave; the new owner transfers via PATCH.
    await ok(app, 'PATCH', `/api/v1/guilds/${first.id}`, memberId!, { ownerId: otherId });
    expect((await app.call('DELETE', `/api/v1/users/@me/guilds/${first.id}`, { as: ownerId })).status).toBe(
      204,
    );
    expect((await app.call('GET', `/api/v1/guilds/${first.id}`, { as: ownerId })).status).toBe(404);

    expect((await app.call('DELETE', `/api/v1/guilds/${first.id}`, { as: memberId })).status).toBe(403);
    expect((await app.call('DELETE', `/api/v1/guilds/${first.id}`, { as: otherId })).status).toBe(204);
    expect((await app.call('GET', `/api/v1/guilds/${first.id}`, { as: otherId })).status).toBe(404);
    const after = await ok<Guild[]>(app, 'GET', '/api/v1/users/@me/guilds', ownerId);
    expect(after.map((guild) => guild.id)).toEqual([second.id]);
  });

  it('writes every change to the outbox, in order, keyed by the guild', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [memberId] = await addMembers(app, guild.id, ownerId, 1);
    await ok(app, 'PATCH', `/api/v1/guilds/${guild.id}`, ownerId, { name: 'Events' });
    const role = await ok<Role>(app, 'POST', `/api/v1/guilds/${guild.id}/roles`, ownerId, { name: 'mods' });
    await ok(app, 'PATCH', `/api/v1/guilds/${guild.id}/members/${memberId}`, ownerId, { roleIds: [role.id] });
    await ok(app, 'DELETE', `/api/v1/guilds/${guild.id}/members/${memberId}`, ownerId);
    await ok(app, 'PUT', `/api/v1/guilds/${guild.id}/bans/${memberId}`, ownerId, {});
    await ok(app, 'DELETE', `/api/v1/guilds/${guild.id}/bans/${memberId}`, ownerId);
    await ok(app, 'DELETE', `/api/v1/guilds/${guild.id}/roles/${role.id}`, ownerId);
    await ok(app, 'DELETE', `/api/v1/guilds/${guild.id}`, ownerId);

    const events = await outboxEvents(app, guild.id);
    expect(events.map((event) => event.type)).toEqual([
      'guild.created',
      'role.created',
      'member.joined',
      'channel.created',
      'channel.created',
      'invite.created',
      'member.joined',
      'guild.updated',
      'role.created',
      'member.updated',
      'member.left',
      'ban.removed',
      'role.deleted',
      'guild.deleted',
    ]);
    expect(events.find((event) => event.type === 'member.left')?.data).toEqual({
      guildId: guild.id,
      userId: memberId,
      reason: 'kicked',
    });
    expect(new Set(events.map((event) => event.topic))).toEqual(
      new Set(['chat.guilds', 'chat.roles', 'chat.members', 'chat.channels', 'chat.invites']),
    );
  });
});
