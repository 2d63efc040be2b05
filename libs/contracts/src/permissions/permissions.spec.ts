import { describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  canManageRole,
  canModerateMember,
  computeBasePermissions,
  computeChannelPermissions,
  type GuildPermissionContext,
  has,
  parsePermissions,
  PERMISSIONS as P,
  permissionNames,
  type PermissionOverwrite,
  type RoleGrant,
} from './permissions';

const GUILD = 'g1';
const OWNER = 'owner';
const everyone: RoleGrant = {
  id: GUILD,
  permissions: P.VIEW_CHANNEL | P.SEND_MESSAGES | P.READ_MESSAGE_HISTORY,
  position: 0,
};
const moderator: RoleGrant = {
  id: 'mod',
  permissions: P.MANAGE_MESSAGES | P.KICK_MEMBERS | P.MANAGE_ROLES,
  position: 5,
};
const helper: RoleGrant = { id: 'helper', permissions: P.ATTACH_FILES, position: 2 };
const muted: RoleGrant = { id: 'muted', permissions: 0n, position: 1 };
const admin: RoleGrant = { id: 'admin', permissions: P.ADMINISTRATOR, position: 3 };

function member(userId: string, roles: RoleGrant[] = [], everyoneRole = everyone): GuildPermissionContext {
  return { guildId: GUILD, ownerId: OWNER, userId, everyone: everyoneRole, roles };
}

const allow = (id: string, type: 'role' | 'member', bits: bigint): PermissionOverwrite => ({
  id,
  type,
  allow: bits,
  deny: 0n,
});
const deny = (id: string, type: 'role' | 'member', bits: bigint): PermissionOverwrite => ({
  id,
  type,
  allow: 0n,
  deny: bits,
});

describe('computeBasePermissions', () => {
  it.each([
    ['@everyone only', member('u'), everyone.permissions],
    [
      'roles add to @everyone',
      member('u', [helper, moderator]),
      everyone.permissions | helper.permissions | moderator.permissions,
    ],
    ['the owner has everything, whatever the roles', member(OWNER, []), ALL_PERMISSIONS],
    ['ADMINISTRATOR grants everything', member('u', [admin]), ALL_PERMISSIONS],
    [
      'ADMINISTRATOR on @everyone grants everyone everything',
      member('u', [], { ...everyone, permissions: P.ADMINISTRATOR }),
      ALL_PERMISSIONS,
    ],
  ])('%s', (_name, context, expected) => {
    expect(computeBasePermissions(context)).toBe(expected);
  });
});

describe('computeChannelPermissions: precedence', () => {
  const cases: [string, GuildPermissionContext, PermissionOverwrite[], (p: bigint) => boolean][] = [
    ['no overwrites: base applies', member('u'), [], (p) => has(p, P.SEND_MESSAGES)],
    [
      '@everyone deny removes a base permission',
      member('u'),
      [deny(GUILD, 'role', P.SEND_MESSAGES)],
      (p) => !has(p, P.SEND_MESSAGES),
    ],
    [
      '@everyone allow adds a permission',
      member('u'),
      [allow(GUILD, 'role', P.ADD_REACTIONS)],
      (p) => has(p, P.ADD_REACTIONS),
    ],
    [
      'a role allow beats the @everyone deny',
      member('u', [helper]),
      [deny(GUILD, 'role', P.SEND_MESSAGES), allow('helper', 'role', P.SEND_MESSAGES)],
      (p) => has(p, P.SEND_MESSAGES),
    ],
    [
      'role overwrites combine: allow on one role beats deny on another',
      member('u', [helper, muted]),
      [deny('muted', 'role', P.SEND_MESSAGES), allow('helper', 'role', P.SEND_MESSAGES)],
      (p) => has(p, P.SEND_MESSAGES),
    ],
    [
      'a role deny removes what base gave',
      member('u', [muted]),
      [deny('muted', 'role', P.SEND_MESSAGES)],
      (p) => !has(p, P.SEND_MESSAGES) && has(p, P.VIEW_CHANNEL),
    ],
    [
      'overwrites of roles the member lacks are ignored',
      member('u'),
      [deny('muted', 'role', P.SEND_MESSAGES)],
      (p) => has(p, P.SEND_MESSAGES),
    ],
    [
      'the member overwrite beats role overwrites (deny)',
      member('u', [helper]),
      [allow('helper', 'role', P.SEND_MESSAGES), deny('u', 'member', P.SEND_MESSAGES)],
      (p) => !has(p, P.SEND_MESSAGES),
    ],
    [
      'the member overwrite beats role overwrites (allow)',
      member('u', [muted]),
      [deny('muted', 'role', P.SEND_MESSAGES), allow('u', 'member', P.SEND_MESSAGES)],
      (p) => has(p, P.SEND_MESSAGES),
    ],
    [
      'another member’s overwrite is ignored',
      member('u'),
      [deny('someone-else', 'member', P.SEND_MESSAGES)],
      (p) => has(p, P.SEND_MESSAGES),
    ],
    [
      'without VIEW_CHANNEL nothing else applies',
      member('u', [moderator]),
      [deny(GUILD, 'role', P.VIEW_CHANNEL)],
      (p) => p === 0n,
    ],
    [
      'a role can grant VIEW_CHANNEL back (private channel)',
      member('u', [helper]),
      [deny(GUILD, 'role', P.VIEW_CHANNEL), allow('helper', 'role', P.VIEW_CHANNEL)],
      (p) => has(p, P.VIEW_CHANNEL) && has(p, P.SEND_MESSAGES),
    ],
    [
      'without SEND_MESSAGES, MENTION_EVERYONE and ATTACH_FILES go too',
      member('u', [helper]),
      [deny(GUILD, 'role', P.SEND_MESSAGES), allow(GUILD, 'role', P.MENTION_EVERYONE)],
      (p) => !has(p, P.MENTION_EVERYONE) && !has(p, P.ATTACH_FILES) && has(p, P.READ_MESSAGE_HISTORY),
    ],
    [
      'ADMINISTRATOR ignores every deny',
      member('u', [admin]),
      [deny(GUILD, 'role', P.VIEW_CHANNEL), deny('u', 'member', ALL_PERMISSIONS)],
      (p) => p === ALL_PERMISSIONS,
    ],
    [
      'the owner ignores every deny',
      member(OWNER),
      [deny(OWNER, 'member', ALL_PERMISSIONS)],
      (p) => p === ALL_PERMISSIONS,
    ],
  ];

  it.each(cases)('%s', (_name, context, overwrites, holds) => {
    expect(holds(computeChannelPermissions(context, overwrites))).toBe(true);
  });

  it('applies the stages in order: @everyone, then roles, then member', () => {
    const permissions = computeChannelPermissions(member('u', [helper]), [
      allow(GUILD, 'role', P.ADD_REACTIONS),
      deny('helper', 'role', P.ADD_REACTIONS),
      allow('u', 'member', P.MANAGE_MESSAGES),
    ]);
    expect(has(permissions, P.ADD_REACTIONS)).toBe(false);
    expect(has(permissions, P.MANAGE_MESSAGES)).toBe(true);
  });
});

describe('role hierarchy', () => {
  it('lets a member with MANAGE_ROLES manage only roles below their highest role', () => {
    const mod = member('m', [moderator]);
    expect(canManageRole(mod, helper.position)).toBe(true);
    expect(canManageRole(mod, moderator.position)).toBe(false);
    expect(canManageRole(mod, 9)).toBe(false);
  });

  it('requires MANAGE_ROLES (or ADMINISTRATOR), and lets the owner manage any role', () => {
    expect(canManageRole(member('h', [helper]), 1)).toBe(false);
    expect(canManageRole(member('a', [admin]), 2)).toBe(true);
    expect(canManageRole(member(OWNER), 99)).toBe(true);
  });

  it('moderates only members strictly below, never the owner', () => {
    const mod = member('m', [moderator]);
    expect(canModerateMember(mod, member('h', [helper]))).toBe(true);
    expect(canModerateMember(mod, member('m2', [moderator]))).toBe(false);
    expect(canModerateMember(mod, member(OWNER))).toBe(false);
    expect(canModerateMember(member(OWNER), member('m', [moderator]))).toBe(true);
  });
});

describe('serialisation', () => {
  it('parses decimal strings, drops unknown bits and names permissions', () => {
    expect(parsePermissions((P.SEND_MESSAGES | (1n << 62n)).toString())).toBe(P.SEND_MESSAGES);
    expect(() => parsePermissions('-1')).toThrow(RangeError);
    expect(permissionNames(P.SEND_MESSAGES | P.VIEW_CHANNEL)).toEqual(['VIEW_CHANNEL', 'SEND_MESSAGES']);
  });
});
