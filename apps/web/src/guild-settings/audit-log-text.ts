import {
  AUDIT_LOG_ACTIONS,
  type AuditLogAction,
  type AuditLogChange,
  type AuditLogEntry,
  PERMISSIONS,
  type PermissionName,
} from '@bonfire/contracts';
import { bits } from '../permissions/permission-math';
import { permissionInfo } from '../permissions/permission-info';

/** How the audit log names what an entry points at; null when it is not known (deleted since). */
export interface AuditNames {
  user: (userId: string) => string;
  /** `#general` for a text channel, the plain name for voice channels and categories. */
  channel: (channelId: string) => string | null;
  role: (roleId: string) => string | null;
}

/** The filter's words for each action, in the catalogue's order. */
const AUDIT_ACTION_LABEL: Record<AuditLogAction, string> = {
  GUILD_UPDATE: 'Update server',
  CHANNEL_CREATE: 'Create channel',
  CHANNEL_UPDATE: 'Update channel',
  CHANNEL_DELETE: 'Delete channel',
  CHANNEL_OVERWRITE_UPDATE: 'Update channel permissions',
  CHANNEL_OVERWRITE_DELETE: 'Remove channel permissions',
  ROLE_CREATE: 'Create role',
  ROLE_UPDATE: 'Update role',
  ROLE_DELETE: 'Delete role',
  MEMBER_ROLE_UPDATE: 'Update member roles',
  MEMBER_UPDATE: 'Update member',
  MEMBER_KICK: 'Kick member',
  MEMBER_BAN_ADD: 'Ban member',
  MEMBER_BAN_REMOVE: 'Lift ban',
  MESSAGE_DELETE: 'Delete message',
  MESSAGE_PIN: 'Pin message',
  MESSAGE_UNPIN: 'Unpin message',
  INVITE_CREATE: 'Create invite',
  INVITE_DELETE: 'Revoke invite',
  WEBHOOK_CREATE: 'Create webhook',
  WEBHOOK_UPDATE: 'Update webhook',
  WEBHOOK_DELETE: 'Delete webhook',
  BOT_ADD: 'Add bot',
  VOICE_MEMBER_MOVE: 'Move member in voice',
  VOICE_MEMBER_DISCONNECT: 'Disconnect member from voice',
  EMOJI_CREATE: 'Create emoji',
  EMOJI_UPDATE: 'Update emoji',
  EMOJI_DELETE: 'Delete emoji',
};

export const AUDIT_ACTION_OPTIONS = AUDIT_LOG_ACTIONS.map((action) => ({
  action,
  label: AUDIT_ACTION_LABEL[action],
}));

const KEY_LABEL: Record<string, string> = {
  name: 'name',
  topic: 'topic',
  description: 'description',
  iconFileId: 'icon',
  ownerId: 'owner',
  parentId: 'category',
  slowmodeSeconds: 'slowmode',
  userLimit: 'user limit',
  position: 'position',
  color: 'colour',
  hoist: 'shown separately',
  mentionable: 'mentionable',
  permissions: 'permissions',
  nickname: 'nickname',
  allow: 'allowed',
  deny: 'denied',
  channelId: 'channel',
  avatar: 'avatar',
  type: 'type',
};

/** Changes not worth a line (the overwrite entries say what changed in them). */
const HIDDEN_KEYS = new Set(['permissionOverwrites', 'recipientIds', 'lastMessageId', 'guildId']);
const PERMISSION_KEYS = new Set(['permissions', 'allow', 'deny']);
const MAX_VALUE = 80;

function short(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function permissionLabels(names: readonly PermissionName[]): string {
  return names.map((name) => permissionInfo(name).label).join(', ');
}

/** Which permissions a bitfield change added and took away, by their labels. */
export function permissionDelta(oldValue: unknown, newValue: unknown): string {
  const before = bits(asText(oldValue));
  const after = bits(asText(newValue));
  const names = Object.keys(PERMISSIONS) as PermissionName[];
  const added = names.filter(
    (name) => (after & PERMISSIONS[name]) !== 0n && (before & PERMISSIONS[name]) === 0n,
  );
  const removed = names.filter(
    (name) => (before & PERMISSIONS[name]) !== 0n && (after & PERMISSIONS[name]) === 0n,
  );
  const parts: string[] = [];
  if (added.length > 0) parts.push(`+ ${permissionLabels(added)}`);
  if (removed.length > 0) parts.push(`− ${permissionLabels(removed)}`);
  return parts.length > 0 ? parts.join('; ') : 'none';
}

function formatValue(key: string, value: unknown, names: AuditNames): string {
  if (value === undefined || value === null || value === '') return 'none';
  if (key === 'ownerId' && typeof value === 'string') return names.user(value);
  if ((key === 'parentId' || key === 'channelId') && typeof value === 'string') {
    return names.channel(value) ?? 'a deleted channel';
  }
  if (key === 'slowmodeSeconds' && typeof value === 'number') return value === 0 ? 'off' : `${value} s`;
  if (key === 'color' && typeof value === 'number') {
    return value === 0 ? 'none' : `#${value.toString(16).padStart(6, '0')}`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return short(String(value));
  if (Array.isArray(value)) return short(value.map((item) => String(item)).join(', '));
  return short(JSON.stringify(value));
}

/** One changed field in words: `name general → lobby`, `topic set to …`, `permissions: + Manage messages`. */
export function describeChange(change: AuditLogChange, names: AuditNames): string | null {
  if (HIDDEN_KEYS.has(change.key)) return null;
  const label = KEY_LABEL[change.key] ?? change.key;
  if (PERMISSION_KEYS.has(change.key)) return `${label}: ${permissionDelta(change.old, change.new)}`;
  if (change.key === 'iconFileId' || change.key === 'avatar') {
    if (change.new === undefined || change.new === null) return `${label} removed`;
    return change.old === undefined || change.old === null ? `${label} set` : `${label} changed`;
  }
  const hasOld = 'old' in change && change.old !== undefined;
  const hasNew = 'new' in change && change.new !== undefined;
  if (!hasOld) return `${label} ${formatValue(change.key, change.new, names)}`;
  if (!hasNew) return `${label} was ${formatValue(change.key, change.old, names)}`;
  return `${label} ${formatValue(change.key, change.old, names)} → ${formatValue(change.key, change.new, names)}`;
}

function changed(entry: AuditLogEntry, key: string): AuditLogChange | undefined {
  return entry.changes.find((change) => change.key === key);
}

/** The value a field had or has now (the new one first), as text. */
function field(entry: AuditLogEntry, key: string): string | null {
  const change = changed(entry, key);
  return asText(change?.new) ?? asText(change?.old);
}

function channelLabel(entry: AuditLogEntry, names: AuditNames, channelId: string | null): string {
  if (channelId) {
    const known = names.channel(channelId);
    if (known) return known;
  }
  // A deleted channel: its name and type are in the entry's changes.
  const name = field(entry, 'name');
  if (!name) return 'a deleted channel';
  return field(entry, 'type') === 'text' ? `#${name}` : name;
}

function channelNoun(entry: AuditLogEntry): string {
  const type = field(entry, 'type');
  return type === 'category' ? 'category' : type === 'voice' ? 'voice channel' : 'channel';
}

function roleLabel(entry: AuditLogEntry, names: AuditNames, roleId: string | null): string {
  if (roleId && roleId === entry.guildId) return '@everyone';
  return (roleId ? names.role(roleId) : null) ?? field(entry, 'name') ?? 'a deleted role';
}

function roleList(value: unknown, names: AuditNames, guildId: string): string {
  const ids = Array.isArray(value) ? value.map(String) : [];
  return ids.map((id) => (id === guildId ? '@everyone' : (names.role(id) ?? 'a deleted role'))).join(', ');
}

/** An entry as one sentence ("Ada kicked Bob") and the changed fields in words. */
export function describeAuditEntry(
  entry: AuditLogEntry,
  names: AuditNames,
): { sentence: string; changes: string[] } {
  const actor = names.user(entry.actorId);
  const target = entry.targetId;
  const user = target ? names.user(target) : 'someone';
  const options = entry.options ?? {};
  const inChannel = options.channelId ? ` in ${names.channel(options.channelId) ?? 'a deleted channel'}` : '';
  const details = () =>
    entry.changes
      .map((change) => describeChange(change, names))
      .filter((text): text is string => text !== null);
  const plain = (sentence: string) => ({ sentence, changes: [] as string[] });

  switch (entry.action) {
    case 'GUILD_UPDATE':
      return { sentence: `${actor} updated the server`, changes: details() };
    case 'CHANNEL_CREATE':
      return plain(`${actor} created ${channelNoun(entry)} ${channelLabel(entry, names, target)}`);
    case 'CHANNEL_UPDATE':
      return {
        sentence: `${actor} updated ${channelNoun(entry)} ${channelLabel(entry, names, target)}`,
        changes: details(),
      };
    case 'CHANNEL_DELETE':
      return plain(`${actor} deleted ${channelNoun(entry)} ${channelLabel(entry, names, target)}`);
    case 'CHANNEL_OVERWRITE_UPDATE':
    case 'CHANNEL_OVERWRITE_DELETE': {
      const overwriteId = options.id ?? null;
      const who =
        options.type === 'member' && overwriteId
          ? names.user(overwriteId)
          : roleLabel({ ...entry, changes: [] }, names, overwriteId);
      const where = channelLabel(entry, names, target);
      return entry.action === 'CHANNEL_OVERWRITE_UPDATE'
        ? { sentence: `${actor} updated the permissions of ${who} in ${where}`, changes: details() }
        : plain(`${actor} removed the permission overrides of ${who} in ${where}`);
    }
    case 'ROLE_CREATE':
      return plain(`${actor} created role ${roleLabel(entry, names, target)}`);
    case 'ROLE_UPDATE':
      return { sentence: `${actor} updated role ${roleLabel(entry, names, target)}`, changes: details() };
    case 'ROLE_DELETE':
      return plain(`${actor} deleted role ${roleLabel(entry, names, target)}`);
    case 'MEMBER_ROLE_UPDATE': {
      const added = roleList(changed(entry, '$add')?.new, names, entry.guildId);
      const removed = roleList(changed(entry, '$remove')?.new, names, entry.guildId);
      if (added && removed) return plain(`${actor} gave ${user} ${added} and took away ${removed}`);
      if (added) return plain(`${actor} gave ${user} ${added}`);
      return plain(`${actor} took ${removed || 'roles'} from ${user}`);
    }
    case 'MEMBER_UPDATE':
      return { sentence: `${actor} updated member ${user}`, changes: details() };
    case 'MEMBER_KICK':
      return plain(`${actor} kicked ${user}`);
    case 'MEMBER_BAN_ADD':
      return plain(`${actor} banned ${user}`);
    case 'MEMBER_BAN_REMOVE':
      return plain(`${actor} lifted the ban on ${user}`);
    case 'MESSAGE_DELETE':
      return plain(`${actor} deleted a message by ${user}${inChannel}`);
    case 'MESSAGE_PIN':
      return plain(`${actor} pinned a message by ${user}${inChannel}`);
    case 'MESSAGE_UNPIN':
      return plain(`${actor} unpinned a message by ${user}${inChannel}`);
    case 'INVITE_CREATE':
      return plain(`${actor} created invite ${target ?? ''}`.trim());
    case 'INVITE_DELETE':
      return plain(`${actor} revoked invite ${target ?? ''}`.trim());
    case 'WEBHOOK_CREATE':
    case 'WEBHOOK_DELETE': {
      const name = field(entry, 'name') ?? 'a webhook';
      const channelId = field(entry, 'channelId');
      const where = channelId ? ` in ${names.channel(channelId) ?? 'a deleted channel'}` : '';
      const verb = entry.action === 'WEBHOOK_CREATE' ? 'created' : 'deleted';
      return plain(`${actor} ${verb} webhook ${name}${where}`);
    }
    case 'WEBHOOK_UPDATE':
      return {
        sentence: `${actor} updated webhook ${field(entry, 'name') ?? 'a webhook'}`,
        changes: details(),
      };
    case 'BOT_ADD':
      return plain(`${actor} added the bot ${user}`);
    case 'VOICE_MEMBER_MOVE': {
      const from = formatValue('channelId', changed(entry, 'channelId')?.old, names);
      const to = formatValue('channelId', changed(entry, 'channelId')?.new, names);
      return plain(`${actor} moved ${user} from ${from} to ${to}`);
    }
    case 'VOICE_MEMBER_DISCONNECT': {
      const from = changed(entry, 'channelId')?.old;
      return plain(
        `${actor} disconnected ${user}${from ? ` from ${formatValue('channelId', from, names)}` : ''}`,
      );
    }
    case 'EMOJI_CREATE':
      return plain(`${actor} added emoji :${field(entry, 'name') ?? 'emoji'}:`);
    case 'EMOJI_UPDATE':
      return { sentence: `${actor} updated emoji :${field(entry, 'name') ?? 'emoji'}:`, changes: details() };
    case 'EMOJI_DELETE':
      return plain(`${actor} deleted emoji :${field(entry, 'name') ?? 'emoji'}:`);
    default:
      return { sentence: `${actor}: ${String(entry.action)}`, changes: details() };
  }
}
