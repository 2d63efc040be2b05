import { type Member, PERMISSIONS, type Role, roleSchema } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembers,
  createGuild,
  createRole,
  MINIMAL_EVERYONE,
  ok,
  setEveryone,
  setRoles,
} from '../guilds/guild-test-kit';
import { ChatTestApp } from '../testing/chat-test-app';

type ErrorReply = { error: { code: string; details?: { field?: string; code: string }[] } };

describe('roles and hierarchy', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** owner; mod (MANAGE_ROLES + KICK + MANAGE_NICKNAMES at position 2); junior (position 1); peer (same as mod). */
  async function hierarchy() {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    await setEveryone(app, guild.id, ownerId, MINIMAL_EVERYONE);
    const [modId, juniorId, peerId] = await addMembers(app, guild.id, ownerId, 3);
    const modRole = await createRole(
      app,
      guild.id,
      ownerId,
      PERMISSIONS.MANAGE_ROLES | PERMISSIONS.KICK_MEMBERS | PERMISSIONS.MANAGE_NICKNAMES,
      'mod',
    );
    const juniorRole = await createRole(app, guild.id, ownerId, 0n, 'junior');
    await setRoles(app, guild.id, ownerId, modId!, [modRole.id]);
    await setRoles(app, guild.id, ownerId, peerId!, [modRole.id]);
    await setRoles(app, guild.id, ownerId, juniorId!, [juniorRole.id]);
    return { guild, ownerId, modId: modId!, juniorId: juniorId!, peerId: peerId!, modRole, juniorRole };
  }

  it('creates roles at position 1, shifting the others up, and lists them lowest first', async () => {
    const { guild, ownerId, modRole, juniorRole } = await hierarchy();
    const roles = await ok<Role[]>(app, 'GET', `/api/v1/guilds/${guild.id}/roles`, ownerId);
    expect(roles.map((role) => [role.name, role.position])).toEqual([
      ['@everyone', 0],
      ['junior', 1],
      ['mod', 2],
    ]);
    expect(roles.map((role) => role.id)).toEqual([guild.id, juniorRole.id, modRole.id]);
    roles.forEach((role) => roleSchema.parse(role));
    const reply = await app.call<Role>('POST', `/api/v1/guilds/${guild.id}/roles`, {
      as: ownerId,
      body: { name: 'Blue', color: 0x0000ff, hoist: true, mentionable: true, permissions: '1024' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: 'Blue',
      color: 255,
      hoist: true,
      position: 1,
      permissions: '1024',
    });
  });

  it('a member manages only roles strictly below their highest', async () => {
    const { guild, modId, modRole, juniorRole } = await hierarchy();
    const base = `/api/v1/guilds/${guild.id}/roles`;
    expect(
      (await app.call('PATCH', `${base}/${juniorRole.id}`, { as: modId, body: { name: 'j' } })).status,
    ).toBe(200);
    const own = await app.call<ErrorReply>('PATCH', `${base}/${modRole.id}`, {
      as: modId,
      body: { name: 'x' },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('ROLE_HIERARCHY');
    expect((await app.call('DELETE', `${base}/${modRole.id}`, { as: modId })).status).toBe(403);
    // Moving a role to or above one's own highest is refused; below it is fine.
    const up = await app.call<ErrorReply>('PATCH', base, {
      as: modId,
      body: [{ id: juniorRole.id, position: 2 }],
    });
    expect(up.body.error.code).toBe('ROLE_HIERARCHY');
    const created = await ok<Role>(app, 'POST', base, modId, { name: 'new' });
    expect(created.position).toBe(1);
    const moved = await ok<Role[]>(app, 'PATCH', base, modId, [{ id: created.id, position: 2 }]);
    expect(moved.map((role) => role.name)).toEqual(['@everyone', 'j', 'new', 'mod']);
    expect(moved.map((role) => role.position)).toEqual([0, 1, 2, 3]);
    expect((await app.call('DELETE', `${base}/${created.id}`, { as: modId })).status).toBe(204);
  });

  it('refuses to grant permissions the actor lacks, names them; the owner may', async () => {
    const { guild, ownerId, modId, juniorRole } = await hierarchy();
    const base = `/api/v1/guilds/${guild.id}/roles`;
    const body = { name: 'bans', permissions: String(PERMISSIONS.BAN_MEMBERS | PERMISSIONS.KICK_MEMBERS) };
    const refused = await app.call<ErrorReply>('POST', base, { as: modId, body });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CANNOT_GRANT_PERMISSIONS');
    expect(refused.body.error.details?.map((detail) => detail.code)).toEqual(['BAN_MEMBERS']);
    const edit = await app.call<ErrorReply>('PATCH', `${base}/${juniorRole.id}`, {
      as: modId,
      body: { permissions: String(PERMISSIONS.ADMINISTRATOR) },
    });
    expect(edit.body.error.code).toBe('CANNOT_GRANT_PERMISSIONS');
    expect((await app.call('POST', base, { as: ownerId, body })).status).toBe(201);
  });

  it('assigns only manageable roles to members below the actor', async () => {
    const { guild, ownerId, modId, juniorId, peerId, modRole, juniorRole } = await hierarchy();
    const members = `/api/v1/guilds/${guild.id}/members`;
    const [plainId] = await addMembers(app, guild.id, ownerId, 1);
    const assigned = await ok<Member>(app, 'PATCH', `${members}/${plainId}`, modId, {
      roleIds: [juniorRole.id],
    });
    expect(assigned.roleIds).toEqual([juniorRole.id]);
    const tooHigh = await app.call<ErrorReply>('PATCH', `${members}/${plainId}`, {
      as: modId,
      body: { roleIds: [modRole.id] },
    });
    expect(tooHigh.body.error.code).toBe('ROLE_HIERARCHY');
    const peer = await app.call<ErrorReply>('PATCH', `${members}/${peerId}`, {
      as: modId,
      body: { roleIds: [] },
    });
    expect(peer.body.error.code).toBe('MEMBER_HIERARCHY');
    const owner = await app.call<ErrorReply>('PATCH', `${members}/${ownerId}`, {
      as: modId,
      body: { nickname: 'x' },
    });
    expect(owner.body.error.code).toBe('MEMBER_HIERARCHY');
    expect((await app.call('DELETE', `${members}/${peerId}`, { as: modId })).status).toBe(403);
    expect((await app.call('DELETE', `${members}/${juniorId}`, { as: modId })).status).toBe(204);
    const unknown = await app.call<ErrorReply>('PATCH', `${members}/${plainId}`, {
      as: ownerId,
      body: { roleIds: ['123', guild.id] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.[0]?.field).toBe('body.roleIds.0');
  });

  it('never deletes @everyone and answers 404 for unknown roles', async () => {
    const { guild, ownerId } = await hierarchy();
    const everyone = await app.call<ErrorReply>('DELETE', `/api/v1/guilds/${guild.id}/roles/${guild.id}`, {
      as: ownerId,
    });
    expect(everyone.status).toBe(400);
    expect(everyone.body.error.code).toBe('EVERYONE_ROLE');
    const unknown = await app.call<ErrorReply>('PATCH', `/api/v1/guilds/${guild.id}/roles/1`, {
      as: ownerId,
      body: { name: 'x' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_ROLE');
  });

  it("decides role changes on the actor's roles as they are under the guild lock", async () => {
    // The owner's transaction holds the guild lock and takes the mod's role away; the mod's role edit and
    // role assignment wait for that lock and must then be refused (decided on the roles after the demotion).
    const { guild, ownerId, modId, juniorId, modRole, juniorRole } = await hierarchy();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const demotion = app.db.transaction().execute(async (trx) => {
      await trx.selectFrom('guilds').select('id').where('id', '=', guild.id).forUpdate().execute();
      locked();
      await released;
      await trx
        .deleteFrom('member_roles')
        .where('guildId', '=', guild.id)
        .where('userId', '=', modId)
        .where('roleId', '=', modRole.id)
        .execute();
    });
    await lockHeld;
    const edit = app.call('PATCH', `/api/v1/guilds/${guild.id}/roles/${juniorRole.id}`, {
      as: modId,
      body: { name: 'renamed by a former mod' },
    });
    const assign = app.call('PATCH', `/api/v1/guilds/${guild.id}/members/${juniorId}`, {
      as: modId,
      body: { roleIds: [] },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await demotion;
    const [edited, assigned] = await Promise.all([edit, assign]);
    expect(edited.status).toBe(403);
    expect(assigned.status).toBe(403);
    const roles = await ok<Role[]>(app, 'GET', `/api/v1/guilds/${guild.id}/roles`, ownerId);
    expect(roles.find((role) => role.id === juniorRole.id)?.name).toBe('junior');
    const junior = await ok<Member>(app, 'GET', `/api/v1/guilds/${guild.id}/members/${juniorId}`, ownerId);
    expect(junior.roleIds).toEqual([juniorRole.id]);
  });
});
