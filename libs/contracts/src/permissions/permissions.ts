import { BITFIELD_PATTERN } from '../api/input';

/**
 * Discord-style permissions: a 64-bit bitfield (bigint here, a decimal string in JSON), resolved the way
 * Discord documents it. This is the one implementation; chat, the gateway, search and voice all call it.
 *
 *   base    = @everyone role | every role of the member        (owner or ADMINISTRATOR → everything)
 *   channel = base, then the @everyone overwrite (deny, allow), then all role overwrites combined
 *             (deny, allow), then the member's own overwrite (deny, allow)
 *   implicit: without VIEW_CHANNEL nothing else in the channel applies; without SEND_MESSAGES,
 *             MENTION_EVERYONE, ATTACH_FILES and EMBED_LINKS don't either.
 */
export const PERMISSIONS = {
  CREATE_INVITE: 1n << 0n,
  KICK_MEMBERS: 1n << 1n,
  BAN_MEMBERS: 1n << 2n,
  ADMINISTRATOR: 1n << 3n,
  MANAGE_CHANNELS: 1n << 4n,
  MANAGE_GUILD: 1n << 5n,
  ADD_REACTIONS: 1n << 6n,
  VIEW_AUDIT_LOG: 1n << 7n,
  PRIORITY_SPEAKER: 1n << 8n,
  STREAM: 1n << 9n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  MANAGE_MESSAGES: 1n << 13n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MENTION_EVERYONE: 1n << 17n,
  CONNECT: 1n << 20n,
  SPEAK: 1n << 21n,
  MUTE_MEMBERS: 1n << 22n,
  DEAFEN_MEMBERS: 1n << 23n,
  MOVE_MEMBERS: 1n << 24n,
  CHANGE_NICKNAME: 1n << 26n,
  MANAGE_NICKNAMES: 1n << 27n,
  MANAGE_ROLES: 1n << 28n,
  MANAGE_WEBHOOKS: 1n << 29n,
  /** Custom emoji: upload, rename, delete (Discord's MANAGE_GUILD_EXPRESSIONS bit). */
  MANAGE_EMOJIS: 1n << 30n,
  /** Threads (as Discord's bits): archive, lock, rename, delete any thread; see private threads. */
  MANAGE_THREADS: 1n << 34n,
  CREATE_PUBLIC_THREADS: 1n << 35n,
  CREATE_PRIVATE_THREADS: 1n << 36n,
  /** Sending in a thread needs this on the parent channel (not SEND_MESSAGES). */
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
} as const;

export type PermissionName = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS: bigint = Object.values(PERMISSIONS).reduce((all, bit) => all | bit, 0n);

/** What @everyone may do in a new guild (as Discord: talk, read, react, join voice, invite). */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
  PERMISSIONS.VIEW_CHANNEL |
  PERMISSIONS.SEND_MESSAGES |
  PERMISSIONS.READ_MESSAGE_HISTORY |
  PERMISSIONS.ADD_REACTIONS |
  PERMISSIONS.EMBED_LINKS |
  PERMISSIONS.ATTACH_FILES |
  PERMISSIONS.CREATE_INVITE |
  PERMISSIONS.CHANGE_NICKNAME |
  PERMISSIONS.CONNECT |
  PERMISSIONS.SPEAK |
  PERMISSIONS.STREAM |
  PERMISSIONS.CREATE_PUBLIC_THREADS |
  PERMISSIONS.CREATE_PRIVATE_THREADS |
  PERMISSIONS.SEND_MESSAGES_IN_THREADS;

export interface RoleGrant {
  id: string;
  permissions: bigint;
  position: number;
}

export interface PermissionOverwrite {
  /** A role id (the guild id for @everyone) or a user id. */
  id: string;
  type: 'role' | 'member';
  allow: bigint;
  deny: bigint;
}

export interface GuildPermissionContext {
  guildId: string;
  ownerId: string;
  userId: string;
  /** The @everyone role; its id equals the guild id. */
  everyone: RoleGrant;
  /** The member's other roles. */
  roles: readonly RoleGrant[];
}

export function has(permissions: bigint, permission: bigint): boolean {
  return (permissions & permission) === permission;
}

/** The member's guild-wide permissions. */
export function computeBasePermissions(context: GuildPermissionContext): bigint {
  if (context.userId === context.ownerId) return ALL_PERMISSIONS;
  let permissions = context.everyone.permissions;
  for (const role of context.roles) permissions |= role.permissions;
  if (has(permissions, PERMISSIONS.ADMINISTRATOR)) return ALL_PERMISSIONS;
  return permissions & ALL_PERMISSIONS;
}

/** The member's permissions in one channel, given the channel's overwrites. */
export function computeChannelPermissions(
  context: GuildPermissionContext,
  overwrites: readonly PermissionOverwrite[],
): bigint {
  const base = computeBasePermissions(context);
  if (has(base, PERMISSIONS.ADMINISTRATOR)) return ALL_PERMISSIONS;
  let permissions = base;

  const everyoneOverwrite = overwrites.find((o) => o.type === 'role' && o.id === context.guildId);
  if (everyoneOverwrite) {
    permissions &= ~everyoneOverwrite.deny;
    permissions |= everyoneOverwrite.allow;
  }

  const memberRoleIds = new Set(context.roles.map((role) => role.id));
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 'role' && overwrite.id !== context.guildId && memberRoleIds.has(overwrite.id)) {
      roleAllow |= overwrite.allow;
      roleDeny |= overwrite.deny;
    }
  }
  permissions &= ~roleDeny;
  permissions |= roleAllow;

  const memberOverwrite = overwrites.find((o) => o.type === 'member' && o.id === context.userId);
  if (memberOverwrite) {
    permissions &= ~memberOverwrite.deny;
    permissions |= memberOverwrite.allow;
  }

  if (!has(permissions, PERMISSIONS.VIEW_CHANNEL)) return 0n;
  if (!has(permissions, PERMISSIONS.SEND_MESSAGES)) {
    permissions &= ~(PERMISSIONS.MENTION_EVERYONE | PERMISSIONS.ATTACH_FILES | PERMISSIONS.EMBED_LINKS);
  }
  return permissions & ALL_PERMISSIONS;
}

/** The highest position among the member's roles (@everyone is position 0). */
export function highestRolePosition(context: GuildPermissionContext): number {
  return context.roles.reduce((highest, role) => Math.max(highest, role.position), context.everyone.position);
}

/**
 * Whether the actor may create, edit, delete or assign a role at `rolePosition`: the owner always; others
 * need MANAGE_ROLES (or ADMINISTRATOR) and may only touch roles strictly below their highest role.
 */
export function canManageRole(actor: GuildPermissionContext, rolePosition: number): boolean {
  if (actor.userId === actor.ownerId) return true;
  if (!has(computeBasePermissions(actor), PERMISSIONS.MANAGE_ROLES)) return false;
  return rolePosition < highestRolePosition(actor);
}

/**
 * Whether the actor may kick, ban, or change the nickname of the target: never the owner, never oneself
 * through this path, and only members whose highest role is strictly below the actor's.
 */
export function canModerateMember(actor: GuildPermissionContext, target: GuildPermissionContext): boolean {
  if (target.userId === target.ownerId) return false;
  if (actor.userId === actor.ownerId) return true;
  return highestRolePosition(target) < highestRolePosition(actor);
}

/** Names of the permissions in a bitfield, for error messages ("missing SEND_MESSAGES"). */
export function permissionNames(permissions: bigint): PermissionName[] {
  return (Object.entries(PERMISSIONS) as [PermissionName, bigint][])
    .filter(([, bit]) => has(permissions, bit))
    .map(([name]) => name);
}

/** Bitfields travel as decimal strings; this parses one and drops unknown bits. */
export function parsePermissions(value: string): bigint {
  if (!BITFIELD_PATTERN.test(value))
    throw new RangeError('permissions must be a decimal bitfield of 64 bits');
  return BigInt(value) & ALL_PERMISSIONS;
}
