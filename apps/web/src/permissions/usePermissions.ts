import { has, PERMISSIONS, type PermissionName } from '@bonfire/contracts';
import type { Channel } from '@bonfire/sdk';
import { useMemo } from 'react';
import { useAppState } from '../app/hooks';
import type { GuildState } from '../app/store';
import { channelPermissionsOf, guildPermissions } from './permission-math';

export interface MyPermissions {
  userId: string;
  isOwner: boolean;
  /** Guild-wide (channel: in that channel). */
  bits: bigint;
  can: (name: PermissionName) => boolean;
}

function wrap(userId: string, isOwner: boolean, bits: bigint): MyPermissions {
  return { userId, isOwner, bits, can: (name) => has(bits, PERMISSIONS[name]) };
}

/** The signed-in user's permissions in a guild, recomputed when roles or their member change. */
export function useGuildPermissions(guildState: GuildState | undefined): MyPermissions {
  const me = useAppState((state) => state.me?.id ?? '');
  return useMemo(() => {
    if (!guildState || !me) return wrap(me, false, 0n);
    return wrap(me, guildState.guild.ownerId === me, guildPermissions(guildState, me));
  }, [guildState, me]);
}

export function useChannelPermissions(
  guildState: GuildState | undefined,
  channel: Channel | undefined,
): MyPermissions {
  const me = useAppState((state) => state.me?.id ?? '');
  return useMemo(() => {
    if (!guildState || !channel || !me) return wrap(me, false, 0n);
    return wrap(me, guildState.guild.ownerId === me, channelPermissionsOf(guildState, channel, me));
  }, [guildState, channel, me]);
}

/** Which server settings tabs the user may open (a tab they could not use is not shown). */
export function guildSettingsTabs(perms: MyPermissions) {
  const tabs: { id: GuildSettingsTab; label: string }[] = [];
  if (perms.can('MANAGE_GUILD')) tabs.push({ id: 'overview', label: 'Overview' });
  if (perms.can('MANAGE_ROLES')) tabs.push({ id: 'roles', label: 'Roles' });
  if (
    perms.can('MANAGE_ROLES') ||
    perms.can('KICK_MEMBERS') ||
    perms.can('BAN_MEMBERS') ||
    perms.can('MANAGE_NICKNAMES')
  )
    tabs.push({ id: 'members', label: 'Members' });
  if (perms.can('BAN_MEMBERS')) tabs.push({ id: 'bans', label: 'Bans' });
  if (perms.can('MANAGE_GUILD')) tabs.push({ id: 'invites', label: 'Invites' });
  if (perms.can('MANAGE_EMOJIS')) tabs.push({ id: 'emoji', label: 'Emoji' });
  if (perms.can('MANAGE_WEBHOOKS')) tabs.push({ id: 'webhooks', label: 'Webhooks' });
  if (perms.can('VIEW_AUDIT_LOG')) tabs.push({ id: 'audit-log', label: 'Audit log' });
  return tabs;
}

export type GuildSettingsTab =
  'overview' | 'roles' | 'members' | 'bans' | 'invites' | 'emoji' | 'webhooks' | 'audit-log';
