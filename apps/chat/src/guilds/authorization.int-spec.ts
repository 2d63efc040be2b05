import { type Channel, type PermissionName, PERMISSIONS } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestApp } from '../testing/chat-test-app';
import {
  addMembers,
  channels,
  createGuild,
  createInvite,
  createRole,
  MINIMAL_EVERYONE,
  ok,
  setEveryone,
  setRoles,
} from './guild-test-kit';

/**
 * Every write route (and the permission-gated reads) against five callers: anonymous → 401, a non-member →
 * 404, a member without the permission → 403 MISSING_PERMISSION naming it, a member whose role grants it
 * → 2xx, the owner → 2xx. Owner-only routes: a member with ADMINISTRATOR still gets 403 OWNER_ONLY.
 */
interface World {
  guildId: string;
  ownerId: string;
  memberId: string;
  grantedId: string;
  targetId: string;
  outsiderId: string;
  bannedId: string;
  lowRoleId: string;
  textChannel: Channel;
  inviteCode: string;
}

interface Row {
  route: string;
  permission: PermissionName | 'OWNER';
  status: number;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** The code a non-member gets (default UNKNOWN_GUILD). */
  hidden?: string;
}

const g = (w: World) => `/api/v1/guilds/${w.guildId}`;

const ROWS: Row[] = [
  {
    route: 'PATCH /guilds/{id}',
    permission: 'MANAGE_GUILD',
    status: 200,
    path: g,
    body: () => ({ name: 'Renamed' }),
  },
  { route: 'DELETE /guilds/{id}', permission: 'OWNER', status: 204, path: g },
  {
    route: 'POST /guilds/{id}/owner',
    permission: 'OWNER',
    status: 200,
    path: (w) => `${g(w)}/owner`,
    body: (w) => ({ userId: w.targetId }),
  },
  {
    route: 'POST /guilds/{id}/channels',
    permission: 'MANAGE_CHANNELS',
    status: 201,
    path: (w) => `${g(w)}/channels`,
    body: () => ({ name: 'new channel' }),
  },
  {
    route: 'PATCH /guilds/{id}/channels',
    permission: 'MANAGE_CHANNELS',
    status: 200,
    path: (w) => `${g(w)}/channels`,
    body: (w) => [{ id: w.textChannel.id, position: 7 }],
  },
  {
    route: 'PATCH /channels/{id}',
    permission: 'MANAGE_CHANNELS',
    status: 200,
    path: (w) => `/api/v1/channels/${w.textChannel.id}`,
    body: () => ({ topic: 'new topic' }),
    hidden: 'UNKNOWN_CHANNEL',
  },
  {
    route: 'DELETE /channels/{id}',
    permission: 'MANAGE_CHANNELS',
    status: 204,
    path: (w) => `/api/v1/channels/${w.textChannel.id}`,
    hidden: 'UNKNOWN_CHANNEL',
  },
  {
    route: 'PUT /channels/{id}/permissions/{overwriteId}',
    permission: 'MANAGE_ROLES',
    status: 204,
    path: (w) => `/api/v1/channels/${w.textChannel.id}/permissions/${w.memberId}`,
    body: () => ({ type: 'member', allow: '0', deny: String(PERMISSIONS.SEND_MESSAGES) }),
    hidden: 'UNKNOWN_CHANNEL',
  },
  {
    route: 'DELETE /channels/{id}/permissions/{overwriteId}',
    permission: 'MANAGE_ROLES',
    status: 204,
    path: (w) => `/api/v1/channels/${w.textChannel.id}/permissions/${w.lowRoleId}`,
    hidden: 'UNKNOWN_CHANNEL',
  },
  {
    route: 'POST /guilds/{id}/roles',
    permission: 'MANAGE_ROLES',
    status: 201,
    path: (w) => `${g(w)}/roles`,
    body: () => ({ name: 'fresh' }),
  },
  {
    route: 'PATCH /guilds/{id}/roles',
    permission: 'MANAGE_ROLES',
    status: 200,
    path: (w) => `${g(w)}/roles`,
    body: (w) => [{ id: w.lowRoleId, position: 1 }],
  },
  {
    route: 'PATCH /guilds/{id}/roles/{roleId}',
    permission: 'MANAGE_ROLES',
    status: 200,
    path: (w) => `${g(w)}/roles/${w.lowRoleId}`,
    body: () => ({ name: 'renamed', color: 0xff0000 }),
  },
  {
    route: 'DELETE /guilds/{id}/roles/{roleId}',
    permission: 'MANAGE_ROLES',
    status: 204,
    path: (w) => `${g(w)}/roles/${w.lowRoleId}`,
  },
  {
    route: 'PATCH /guilds/{id}/members/{userId} (nickname)',
    permission: 'MANAGE_NICKNAMES',
    status: 200,
    path: (w) => `${g(w)}/members/${w.targetId}`,
    body: () => ({ nickname: 'Nick' }),
  },
  {
    route: 'PATCH /guilds/{id}/members/{userId} (roles)',
    permission: 'MANAGE_ROLES',
    status: 200,
    path: (w) => `${g(w)}/members/${w.targetId}`,
    body: () => ({ roleIds: [] }),
  },
  {
    route: 'PATCH /guilds/{id}/members/@me',
    permission: 'CHANGE_NICKNAME',
    status: 200,
    path: (w) => `${g(w)}/members/@me`,
    body: () => ({ nickname: 'Me' }),
  },
  {
    route: 'DELETE /guilds/{id}/members/{userId}',
    permission: 'KICK_MEMBERS',
    status: 204,
    path: (w) => `${g(w)}/members/${w.targetId}`,
  },
  {
    route: 'PUT /guilds/{id}/bans/{userId}',
    permission: 'BAN_MEMBERS',
    status: 204,
    path: (w) => `${g(w)}/bans/${w.targetId}`,
    body: () => ({ reason: 'spam' }),
  },
  {
    route: 'DELETE /guilds/{id}/bans/{userId}',
    permission: 'BAN_MEMBERS',
    status: 204,
    path: (w) => `${g(w)}/bans/${w.bannedId}`,
  },
  { route: 'GET /guilds/{id}/bans', permission: 'BAN_MEMBERS', status: 200, path: (w) => `${g(w)}/bans` },
  {
    route: 'POST /guilds/{id}/invites',
    permission: 'CREATE_INVITE',
    status: 201,
    path: (w) => `${g(w)}/invites`,
    body: () => ({ maxUses: 5 }),
  },
  {
    route: 'GET /guilds/{id}/invites',
    permission: 'MANAGE_GUILD',
    status: 200,
    path: (w) => `${g(w)}/invites`,
  },
  {
    route: 'DELETE /invites/{code}',
    permission: 'MANAGE_GUILD',
    status: 204,
    path: (w) => `/api/v1/invites/${w.inviteCode}`,
    hidden: 'UNKNOWN_INVITE',
  },
];

function method(row: Row): string {
  return row.route.split(' ')[0]!;
}

describe('authorisation matrix', () => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await ChatTestApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** A guild where `granted` holds the permission through a role above `target`'s role, and `member` lacks it. */
  async function world(permission: Row['permission']): Promise<World> {
    const ownerId = await app.createUser();
    const guild = await createGuild(app, ownerId);
    const guildId = guild.id;
    const [memberId, grantedId, targetId] = await addMembers(app, guildId, ownerId, 3);
    const bits = permission === 'OWNER' ? PERMISSIONS.ADMINISTRATOR : PERMISSIONS[permission];
    const high = await createRole(app, guildId, ownerId, bits, 'high');
    const low = await createRole(app, guildId, ownerId, 0n, 'low');
    await setRoles(app, guildId, ownerId, grantedId!, [high.id]);
    await setRoles(app, guildId, ownerId, targetId!, [low.id]);
    await setEveryone(app, guildId, ownerId, MINIMAL_EVERYONE);
    const textChannel = (await channels(app, guildId, ownerId)).find((channel) => channel.type === 'text')!;
    await ok(app, 'PUT', `/api/v1/channels/${textChannel.id}/permissions/${low.id}`, ownerId, {
      type: 'role',
      allow: '0',
      deny: String(PERMISSIONS.SEND_MESSAGES),
    });
    const bannedId = await app.createUser();
    await ok(app, 'PUT', `/api/v1/guilds/${guildId}/bans/${bannedId}`, ownerId, {});
    const invite = await createInvite(app, guildId, ownerId);
    return {
      guildId,
      ownerId,
      memberId: memberId!,
      grantedId: grantedId!,
      targetId: targetId!,
      outsiderId: await app.createUser(),
      bannedId,
      lowRoleId: low.id,
      textChannel,
      inviteCode: invite.code,
    };
  }

  it.each(ROWS.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const w = await world(row.permission);
    const call = (as: string | undefined) =>
      app.call<{ error?: { code: string; details?: { code: string }[] } }>(method(row), row.path(w), {
        as,
        body: row.body?.(w),
      });

    const anonymous = await call(undefined);
    expect(anonymous.status).toBe(401);

    const outsider = await call(w.outsiderId);
    expect(outsider.status).toBe(404);
    expect(outsider.body.error?.code).toBe(row.hidden ?? 'UNKNOWN_GUILD');

    const member = await call(w.memberId);
    expect(member.status).toBe(403);
    if (row.permission === 'OWNER') {
      expect(member.body.error?.code).toBe('OWNER_ONLY');
    } else {
      expect(member.body.error?.code).toBe('MISSING_PERMISSION');
      expect(member.body.error?.details?.map((detail) => detail.code)).toEqual([row.permission]);
    }

    const granted = await call(w.grantedId);
    if (row.permission === 'OWNER') {
      expect(granted.status, JSON.stringify(granted.body)).toBe(403);
      expect(granted.body.error?.code).toBe('OWNER_ONLY');
    } else {
      expect(granted.status, JSON.stringify(granted.body)).toBe(row.status);
    }

    // A fresh world for the owner, so destructive calls do not collide with the one above.
    const w2 = await world(row.permission);
    const owner = await app.call(method(row), row.path(w2), { as: w2.ownerId, body: row.body?.(w2) });
    expect(owner.status, JSON.stringify(owner.body)).toBe(row.status);
  });

  it('reads: non-members get 404 for every guild read; members get 200', async () => {
    const w = await world('MANAGE_GUILD');
    const reads = [
      g(w),
      `${g(w)}/channels`,
      `${g(w)}/roles`,
      `${g(w)}/members`,
      `${g(w)}/members/${w.memberId}`,
      `/api/v1/channels/${w.textChannel.id}`,
    ];
    for (const path of reads) {
      expect((await app.call('GET', path)).status, path).toBe(401);
      expect((await app.call('GET', path, { as: w.outsiderId })).status, path).toBe(404);
      expect((await app.call('GET', path, { as: w.memberId })).status, path).toBe(200);
    }
  });

  it('leaving: anonymous 401, non-member 404, member 204, owner 400 OWNER_CANNOT_LEAVE', async () => {
    const w = await world('MANAGE_GUILD');
    const path = `/api/v1/users/@me/guilds/${w.guildId}`;
    expect((await app.call('DELETE', path)).status).toBe(401);
    expect((await app.call('DELETE', path, { as: w.outsiderId })).status).toBe(404);
    expect((await app.call('DELETE', path, { as: w.memberId })).status).toBe(204);
    const owner = await app.call<{ error: { code: string } }>('DELETE', path, { as: w.ownerId });
    expect(owner.status).toBe(400);
    expect(owner.body.error.code).toBe('OWNER_CANNOT_LEAVE');
  });
});
