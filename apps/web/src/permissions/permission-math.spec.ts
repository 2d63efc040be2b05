import { PERMISSIONS } from '@bonfire/contracts';
import type { Channel, Guild, Member, Role } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import {
  bits,
  canEditRole,
  canModerate,
  canMoveRoleTo,
  guildPermissions,
  type GuildLike,
  hasBit,
  isPrivateChannel,
  positionForIndex,
  rolesTopDown,
  setTriState,
  triState,
  withPermission,
} from './permission-math';
import { PERMISSION_INFO } from './permission-info';

const GUILD = '100';
const OWNER = '1';
const { VIEW_CHANNEL, SEND_MESSAGES, MANAGE_ROLES, KICK_MEMBERS, ADMINISTRATOR } = PERMISSIONS;

function role(id: string, position: number, permissions = 0n, name = `role ${id}`): Role {
  return {
    id,
    guildId: GUILD,
    name,
    color: 0,
    hoist: false,
    mentionable: false,
    position,
    permissions: permissions.toString(),
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

function member(userId: string, roleIds: string[] = []): Member {
  return { guildId: GUILD, userId, nickname: null, roleIds, joinedAt: '2026-01-01T00:00:00.000Z' };
}

/** Owner 1; 2 = moderator (MANAGE_ROLES + KICK at position 3); 3 = helper (position 2); 4 = plain. */
function guild(): GuildLike {
  const guildRecord: Guild = {
    id: GUILD,
    name: 'Campfire',
    iconFileId: null,
    description: null,
    ownerId: OWNER,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  return {
    guild: guildRecord,
    roles: [
      role(GUILD, 0, VIEW_CHANNEL | SEND_MESSAGES, '@everyone'),
      role('11', 3, MANAGE_ROLES | KICK_MEMBERS, 'Moderator'),
      role('12', 2, 0n, 'Helper'),
      role('13', 1, 0n, 'Crew'),
      role('14', 4, ADMINISTRATOR, 'Admin'),
    ],
    members: {
      [OWNER]: member(OWNER),
      '2': member('2', ['11']),
      '3': member('3', ['12']),
      '4': member('4'),
      '5': member('5', ['14']),
    },
  };
}

function channel(overwrites: Channel['permissionOverwrites']): Channel {
  return {
    id: '500',
    type: 'text',
    guildId: GUILD,
    name: 'secret',
    topic: null,
    position: 0,
    parentId: null,
    slowmodeSeconds: 0,
    userLimit: null,
    permissionOverwrites: overwrites,
    recipientIds: [],
    ownerId: null,
    lastMessageId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('permission toggles ↔ bits', () => {
  it('switches exactly one bit of a role on and off, for every permission', () => {
    for (const info of PERMISSION_INFO) {
      const on = withPermission('0', info.bit, true);
      expect(bits(on), info.name).toBe(info.bit);
      expect(hasBit(on, info.bit)).toBe(true);
      const all = withPermission(withPermission(on, SEND_MESSAGES, true), VIEW_CHANNEL, true);
      const off = withPermission(all, info.bit, false);
      expect(hasBit(off, info.bit), info.name).toBe(false);
      expect(bits(off) | info.bit).toBe(bits(all) | info.bit);
    }
  });

  it('reads an overwrite as allow / neutral / deny per permission', () => {
    const overwrite = { allow: String(SEND_MESSAGES), deny: String(VIEW_CHANNEL) };
    expect(triState(overwrite, SEND_MESSAGES)).toBe('allow');
    expect(triState(overwrite, VIEW_CHANNEL)).toBe('deny');
    expect(triState(overwrite, MANAGE_ROLES)).toBe('neutral');
    expect(triState(undefined, VIEW_CHANNEL)).toBe('neutral');
    // A bit in both (never written by this UI): deny wins, as in the resolver.
    expect(triState({ allow: String(VIEW_CHANNEL), deny: String(VIEW_CHANNEL) }, VIEW_CHANNEL)).toBe('deny');
  });

  it('writes each tri-state into allow/deny without touching the other bits, round-trip for every permission', () => {
    const base = { allow: String(SEND_MESSAGES), deny: String(MANAGE_ROLES) };
    for (const info of PERMISSION_INFO) {
      for (const state of ['allow', 'neutral', 'deny'] as const) {
        const next = setTriState(base, info.bit, state);
        expect(triState(next, info.bit), `${info.name} ${state}`).toBe(state);
        expect(bits(next.allow) & bits(next.deny)).toBe(0n);
        for (const other of PERMISSION_INFO) {
          if (other.bit === info.bit) continue;
          expect(triState(next, other.bit)).toBe(triState(base, other.bit));
        }
      }
    }
    expect(setTriState(undefined, VIEW_CHANNEL, 'deny')).toEqual({ allow: '0', deny: String(VIEW_CHANNEL) });
    expect(setTriState({ allow: '0', deny: String(VIEW_CHANNEL) }, VIEW_CHANNEL, 'neutral')).toEqual({
      allow: '0',
      deny: '0',
    });
  });

  it('calls a channel private when @everyone is denied VIEW_CHANNEL', () => {
    expect(isPrivateChannel(channel([]), GUILD)).toBe(false);
    const secret = channel([
      { id: GUILD, type: 'role', allow: '0', deny: String(VIEW_CHANNEL) },
      { id: '13', type: 'role', allow: String(VIEW_CHANNEL), deny: '0' },
      { id: '4', type: 'member', allow: String(VIEW_CHANNEL | SEND_MESSAGES), deny: '0' },
      { id: '12', type: 'role', allow: '0', deny: String(SEND_MESSAGES) },
    ]);
    expect(isPrivateChannel(secret, GUILD)).toBe(true);
  });

  it('treats garbage bitfields as none', () => {
    expect(bits('not a number')).toBe(0n);
    expect(bits('')).toBe(0n);
    expect(bits(null)).toBe(0n);
  });
});

describe('the role hierarchy', () => {
  it('lets the owner edit and move every role', () => {
    const state = guild();
    for (const candidate of state.roles) expect(canEditRole(state, OWNER, candidate)).toBe(true);
    expect(canMoveRoleTo(state, OWNER, state.roles[2]!, 4)).toBe(true);
  });

  it('lets a MANAGE_ROLES member edit only roles strictly below their highest', () => {
    const state = guild();
    const [everyone, moderator, helper, crew, admin] = state.roles as [Role, Role, Role, Role, Role];
    expect(canEditRole(state, '2', helper)).toBe(true);
    expect(canEditRole(state, '2', crew)).toBe(true);
    expect(canEditRole(state, '2', everyone)).toBe(true);
    expect(canEditRole(state, '2', moderator)).toBe(false); // their own top role: read-only
    expect(canEditRole(state, '2', admin)).toBe(false);
    // Moving: never to or above their own position.
    expect(canMoveRoleTo(state, '2', crew, 2)).toBe(true);
    expect(canMoveRoleTo(state, '2', crew, 3)).toBe(false);
  });

  it('gives nothing to someone without MANAGE_ROLES, and everything to an administrator', () => {
    const state = guild();
    expect(state.roles.some((candidate) => canEditRole(state, '3', candidate))).toBe(false);
    expect(canEditRole(state, '4', state.roles[3]!)).toBe(false);
    // An administrator holds MANAGE_ROLES but still only below their highest role (position 4).
    expect(canEditRole(state, '5', state.roles[1]!)).toBe(true);
    expect(canEditRole(state, '5', state.roles[4]!)).toBe(false);
    expect(guildPermissions(state, '5')).toBe(guildPermissions(state, OWNER));
  });

  it('moderates only members below, never the owner or oneself', () => {
    const state = guild();
    expect(canModerate(state, OWNER, '2')).toBe(true);
    expect(canModerate(state, '2', '3')).toBe(true);
    expect(canModerate(state, '2', '4')).toBe(true);
    expect(canModerate(state, '3', '2')).toBe(false);
    expect(canModerate(state, '2', '5')).toBe(false);
    expect(canModerate(state, '2', OWNER)).toBe(false);
    expect(canModerate(state, OWNER, OWNER)).toBe(false);
  });

  it('orders roles highest first with @everyone last, and maps a drop index to the position to ask for', () => {
    const state = guild();
    expect(rolesTopDown(state.roles, GUILD).map((r) => r.name)).toEqual([
      'Admin',
      'Moderator',
      'Helper',
      'Crew',
      '@everyone',
    ]);
    // Four roles besides @everyone: the top of the list is position 4, the bottom position 1.
    expect(positionForIndex(4, 0)).toBe(4);
    expect(positionForIndex(4, 3)).toBe(1);
    expect(positionForIndex(4, 1)).toBe(3);
    expect(positionForIndex(4, -1)).toBe(4);
    expect(positionForIndex(4, 9)).toBe(1);
  });
});
