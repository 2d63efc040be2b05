import {
  canManageRole,
  canModerateMember,
  computeBasePermissions,
  computeChannelPermissions,
  type GuildPermissionContext,
  has,
  parsePermissions,
  PERMISSIONS,
  type PermissionOverwriteDto,
  type RoleGrant,
} from '@bonfire/contracts';
import type { Channel, Guild, Member, Role } from '@bonfire/sdk';

/** One permission in a channel overwrite: granted, left to the roles, or taken away. */
export type TriState = 'allow' | 'neutral' | 'deny';

/** Bitfields travel as decimal strings; anything unparsable counts as none. */
export function bits(value: string | undefined | null): bigint {
  if (!value) return 0n;
  try {
    return parsePermissions(value);
  } catch {
    return 0n;
  }
}

export function hasBit(bitfield: string, bit: bigint): boolean {
  return has(bits(bitfield), bit);
}

/** A role's bitfield with one permission switched on or off. */
export function withPermission(bitfield: string, bit: bigint, on: boolean): string {
  const current = bits(bitfield);
  return (on ? current | bit : current & ~bit).toString();
}

/** Where a permission stands in an overwrite (deny wins if both bits were ever set). */
export function triState(overwrite: { allow: string; deny: string } | undefined, bit: bigint): TriState {
  if (!overwrite) return 'neutral';
  if (has(bits(overwrite.deny), bit)) return 'deny';
  if (has(bits(overwrite.allow), bit)) return 'allow';
  return 'neutral';
}

/** The overwrite with one permission set to `state`; the other bits are kept. */
export function setTriState(
  overwrite: { allow: string; deny: string } | undefined,
  bit: bigint,
  state: TriState,
): { allow: string; deny: string } {
  let allow = bits(overwrite?.allow) & ~bit;
  let deny = bits(overwrite?.deny) & ~bit;
  if (state === 'allow') allow |= bit;
  if (state === 'deny') deny |= bit;
  return { allow: allow.toString(), deny: deny.toString() };
}

export function isEmptyOverwrite(overwrite: { allow: string; deny: string }): boolean {
  return bits(overwrite.allow) === 0n && bits(overwrite.deny) === 0n;
}

function grant(role: Role): RoleGrant {
  return { id: role.id, permissions: bits(role.permissions), position: role.position };
}

/** What the permission helpers of contracts need about one member of a guild. */
function memberContext(
  guild: Guild,
  roles: readonly Role[],
  userId: string,
  member: Pick<Member, 'roleIds'> | undefined,
): GuildPermissionContext {
  const everyone = roles.find((role) => role.id === guild.id);
  const roleIds = new Set(member?.roleIds ?? []);
  return {
    guildId: guild.id,
    ownerId: guild.ownerId,
    userId,
    everyone: everyone ? grant(everyone) : { id: guild.id, permissions: 0n, position: 0 },
    roles: roles.filter((role) => role.id !== guild.id && roleIds.has(role.id)).map(grant),
  };
}

export interface GuildLike {
  guild: Guild;
  roles: readonly Role[];
  members: Record<string, Member>;
}

function contextFor(state: GuildLike, userId: string): GuildPermissionContext {
  return memberContext(state.guild, state.roles, userId, state.members[userId]);
}

/** The user's guild-wide permissions (everything for the owner and administrators). */
export function guildPermissions(state: GuildLike, userId: string): bigint {
  return computeBasePermissions(contextFor(state, userId));
}

export function channelPermissionsOf(state: GuildLike, channel: Channel, userId: string): bigint {
  const overwrites = channel.permissionOverwrites.map((overwrite) => ({
    id: overwrite.id,
    type: overwrite.type,
    allow: bits(overwrite.allow),
    deny: bits(overwrite.deny),
  }));
  return computeChannelPermissions(contextFor(state, userId), overwrites);
}

/**
 * The hierarchy rule, as the API enforces it: the owner edits every role; others need MANAGE_ROLES and
 * may only touch roles strictly below their own highest role (so their own top role is read-only).
 */
export function canEditRole(state: GuildLike, userId: string, role: Pick<Role, 'position'>): boolean {
  return canManageRole(contextFor(state, userId), role.position);
}

/** Whether a role may be moved to `position` by this user (it must stay below their highest role). */
export function canMoveRoleTo(state: GuildLike, userId: string, role: Role, position: number): boolean {
  const context = contextFor(state, userId);
  return canManageRole(context, role.position) && canManageRole(context, position);
}

/** Kick, ban, nickname: never the owner, never oneself here, only members whose highest role is below. */
export function canModerate(state: GuildLike, actorId: string, targetId: string): boolean {
  if (actorId === targetId) return false;
  return canModerateMember(contextFor(state, actorId), contextFor(state, targetId));
}

/** Roles highest first, @everyone last (the order the settings show them in). */
export function rolesTopDown(roles: readonly Role[], guildId: string): Role[] {
  return [...roles].sort((a, b) => {
    if (a.id === guildId) return 1;
    if (b.id === guildId) return -1;
    return b.position - a.position || a.id.localeCompare(b.id);
  });
}

/**
 * The position to ask for when a role is dropped at `targetIndex` of the top-down list (without
 * @everyone): the API renumbers the other roles 1..n and inserts the moved one at exactly that position.
 */
export function positionForIndex(rolesWithoutEveryone: number, targetIndex: number): number {
  const clamped = Math.max(0, Math.min(rolesWithoutEveryone - 1, targetIndex));
  return rolesWithoutEveryone - clamped;
}

/** The @everyone overwrite of a channel, if it has one. */
function everyoneOverwrite(channel: Channel, guildId: string): PermissionOverwriteDto | undefined {
  return channel.permissionOverwrites.find(
    (overwrite) => overwrite.type === 'role' && overwrite.id === guildId,
  );
}

/** A channel is private when @everyone is denied VIEW_CHANNEL in it. */
export function isPrivateChannel(channel: Channel, guildId: string): boolean {
  return triState(everyoneOverwrite(channel, guildId), PERMISSIONS.VIEW_CHANNEL) === 'deny';
}
