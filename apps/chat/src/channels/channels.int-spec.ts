import { type Channel, channelSchema, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembers,
  channels,
  createGuild,
  createRole,
  MINIMAL_EVERYONE,
  ok,
  outboxEvents,
  setEveryone,
  setRoles,
} from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';

type ErrorReply = { error: { code: string; details?: { field?: string; code: string }[] } };

describe('channels', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('creates, reads, updates, reorders and deletes channels', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const base = `/api/v1/guilds/${guild.id}/channels`;
    const category = await ok<Channel>(app, 'POST', base, ownerId, {
      name: 'Text Channels',
      type: 'category',
    });
    expect(category.name).toBe('Text Channels');
    const created = await app.call<Channel>('POST', base, {
      as: ownerId,
      body: { name: 'Off  Topic Chat', topic: 'anything', parentId: category.id, slowmodeSeconds: 30 },
    });
    expect(created.status).toBe(201);
    const text = channelSchema.parse(created.body);
    expect(text).toMatchObject({
      name: 'off-topic-chat',
      type: 'text',
      guildId: guild.id,
      parentId: category.id,
      slowmodeSeconds: 30,
      topic: 'anything',
      permissionOverwrites: [],
      recipientIds: [],
    });
    const voice = await ok<Channel>(app, 'POST', base, ownerId, {
      name: 'Voice Room',
      type: 'voice',
      userLimit: 5,
    });
    expect(voice).toMatchObject({ name: 'Voice Room', userLimit: 5 });

    expect(await ok(app, 'GET', `/api/v1/channels/${text.id}`, ownerId)).toEqual(text);
    const updated = await ok<Channel>(app, 'PATCH', `/api/v1/channels/${text.id}`, ownerId, {
      name: 'Renamed Channel',
      topic: null,
      parentId: null,
      slowmodeSeconds: 0,
    });
    expect(updated).toMatchObject({
      name: 'renamed-channel',
      topic: null,
      parentId: null,
      slowmodeSeconds: 0,
    });

    const reordered = await ok<Channel[]>(app, 'PATCH', base, ownerId, [
      { id: voice.id, position: 0 },
      { id: text.id, position: 1, parentId: category.id },
    ]);
    const order = reordered.map((channel) => channel.id);
    expect(order.indexOf(voice.id)).toBeLessThan(order.indexOf(text.id));
    expect(order.indexOf(voice.id)).toBeLessThan(order.indexOf(category.id));
    expect(reordered.find((channel) => channel.id === text.id)?.parentId).toBe(category.id);
    const positions = reordered.map((channel) => channel.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // Deleting the category leaves its channels uncategorised.
    expect((await app.call('DELETE', `/api/v1/channels/${category.id}`, { as: ownerId })).status).toBe(204);
    expect((await ok<Channel>(app, 'GET', `/api/v1/channels/${text.id}`, ownerId)).parentId).toBeNull();
    expect((await app.call('GET', `/api/v1/channels/${category.id}`, { as: ownerId })).status).toBe(404);

    const types = (await outboxEvents(app, guild.id)).map((event) => event.type);
    expect(types.slice(-5)).toEqual([
      'channel.updated',
      'channel.updated',
      'channel.updated',
      'channel.deleted',
      'channel.updated',
    ]);
  });

  it('rejects bad channel input naming the field', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const base = `/api/v1/guilds/${guild.id}/channels`;
    const cases: [unknown, string][] = [
      [{ name: '   ' }, 'body.name'],
      [{ name: 'x'.repeat(101), type: 'voice' }, 'body.name'],
      [{ name: 'a', slowmodeSeconds: 21_601 }, 'body.slowmodeSeconds'],
      [{ name: 'a', type: 'voice', userLimit: 100 }, 'body.userLimit'],
      [{ name: 'a', type: 'voice', topic: 'no' }, 'body.topic'],
      [{ name: 'a', parentId: '1' }, 'body.parentId'],
      [{ name: 'a', type: 'stage' }, 'body.type'],
      [
        { name: 'a', permissionOverwrites: [{ id: '1', type: 'role', allow: '0', deny: '0' }] },
        'body.permissionOverwrites.0.id',
      ],
    ];
    for (const [body, field] of cases) {
      const reply = await app.call<ErrorReply>('POST', base, { as: ownerId, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
      expect(reply.body.error.details?.map((detail) => detail.field)).toContain(field);
    }
    const textId = (await channels(app, guild.id, ownerId))[0]!.id;
    const parentText = await app.call<ErrorReply>('POST', base, {
      as: ownerId,
      body: { name: 'a', parentId: textId },
    });
    expect(parentText.status).toBe(400);
  });

  it('hides a private channel from members without the role: not listed, 404 on GET', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const [insiderId, outsiderId] = await addMembers(app, guild.id, ownerId, 2);
    const staff = await createRole(app, guild.id, ownerId, 0n, 'staff');
    await setRoles(app, guild.id, ownerId, insiderId!, [staff.id]);
    const secret = await ok<Channel>(app, 'POST', `/api/v1/guilds/${guild.id}/channels`, ownerId, {
      name: 'staff-only',
      permissionOverwrites: [
        { id: guild.id, type: 'role', deny: String(PERMISSIONS.VIEW_CHANNEL) },
        { id: staff.id, type: 'role', allow: String(PERMISSIONS.VIEW_CHANNEL) },
      ],
    });
    expect(secret.permissionOverwrites).toHaveLength(2);

    expect((await channels(app, guild.id, insiderId!)).map((channel) => channel.id)).toContain(secret.id);
    expect((await channels(app, guild.id, outsiderId!)).map((channel) => channel.id)).not.toContain(
      secret.id,
    );
    expect((await app.call('GET', `/api/v1/channels/${secret.id}`, { as: insiderId })).status).toBe(200);
    const hidden = await app.call<ErrorReply>('GET', `/api/v1/channels/${secret.id}`, { as: outsiderId });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('UNKNOWN_CHANNEL');
    // A member overwrite lets the outsider in; removing it hides the channel again.
    await ok(app, 'PUT', `/api/v1/channels/${secret.id}/permissions/${outsiderId}`, ownerId, {
      type: 'member',
      allow: String(PERMISSIONS.VIEW_CHANNEL),
    });
    expect((await app.call('GET', `/api/v1/channels/${secret.id}`, { as: outsiderId })).status).toBe(200);
    await ok(app, 'DELETE', `/api/v1/channels/${secret.id}/permissions/${outsiderId}`, ownerId);
    expect((await app.call('GET', `/api/v1/channels/${secret.id}`, { as: outsiderId })).status).toBe(404);
    expect(
      (await app.call('DELETE', `/api/v1/channels/${secret.id}/permissions/${outsiderId}`, { as: ownerId }))
        .status,
    ).toBe(404);
  });

  it('refuses overwrites that grant permissions the actor lacks, unless administrator', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    await setEveryone(app, guild.id, ownerId, MINIMAL_EVERYONE);
    const [managerId, adminId, otherId] = await addMembers(app, guild.id, ownerId, 3);
    const managers = await createRole(app, guild.id, ownerId, PERMISSIONS.MANAGE_ROLES, 'managers');
    const admins = await createRole(app, guild.id, ownerId, PERMISSIONS.ADMINISTRATOR, 'admins');
    await setRoles(app, guild.id, ownerId, managerId!, [managers.id]);
    await setRoles(app, guild.id, ownerId, adminId!, [admins.id]);
    const channelId = (await channels(app, guild.id, ownerId))[0]!.id;
    const path = `/api/v1/channels/${channelId}/permissions/${otherId}`;
    const grantBan = { type: 'member', allow: String(PERMISSIONS.BAN_MEMBERS) };

    const refused = await app.call<ErrorReply>('PUT', path, { as: managerId, body: grantBan });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CANNOT_GRANT_PERMISSIONS');
    expect(refused.body.error.details?.map((detail) => detail.code)).toEqual(['BAN_MEMBERS']);
    expect(
      (
        await app.call('PUT', path, {
          as: managerId,
          body: { type: 'member', deny: String(PERMISSIONS.SEND_MESSAGES) },
        })
      ).status,
    ).toBe(204);
    expect((await app.call('PUT', path, { as: adminId, body: grantBan })).status).toBe(204);
    expect((await app.call('PUT', path, { as: ownerId, body: grantBan })).status).toBe(204);
    const unknownRole = await app.call<ErrorReply>('PUT', `/api/v1/channels/${channelId}/permissions/12345`, {
      as: ownerId,
      body: { type: 'role' },
    });
    expect(unknownRole.body.error.code).toBe('UNKNOWN_ROLE');
  });

  it('enforces the channels-per-guild limit', async () => {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    // Fill the guild up to the limit directly, then the next create is refused.
    const rows = Array.from({ length: 498 }, (_, i) => ({
      id: String(BigInt(guild.id) + BigInt(i + 1000)),
      type: 'text' as const,
      guildId: guild.id,
      name: `c${i}`,
      topic: null,
      parentId: null,
      userLimit: null,
      ownerId: null,
      dmKey: null,
      lastMessageId: null,
    }));
    await app.db.insertInto('channels').values(rows).execute();
    const reply = await app.call<ErrorReply>('POST', `/api/v1/guilds/${guild.id}/channels`, {
      as: ownerId,
      body: { name: 'one-too-many' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('TOO_MANY_CHANNELS');
  });
});
