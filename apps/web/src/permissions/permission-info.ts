import { PERMISSIONS, type PermissionName } from '@bonfire/contracts';

export type PermissionGroup = 'general' | 'members' | 'text' | 'voice';

interface PermissionInfo {
  name: PermissionName;
  bit: bigint;
  label: string;
  /** One line a person can read before flipping the switch. */
  explanation: string;
  group: PermissionGroup;
  /** Whether a channel overwrite can set it (guild-wide powers such as kicking cannot). */
  channel: boolean;
}

type Entry = Omit<PermissionInfo, 'name' | 'bit'>;

/**
 * Every permission of `@bonfire/contracts`, in words. The `Record<PermissionName, …>` type makes a new
 * permission in contracts a compile error here until it is explained (and a unit test checks the same).
 */
const ENTRIES: Record<PermissionName, Entry> = {
  ADMINISTRATOR: {
    label: 'Administrator',
    explanation: 'Every permission, in every channel, whatever the overwrites say. Grant with care.',
    group: 'general',
    channel: false,
  },
  VIEW_CHANNEL: {
    label: 'View channels',
    explanation: 'See the channel in the list and read what is posted while they are there.',
    group: 'general',
    channel: true,
  },
  MANAGE_CHANNELS: {
    label: 'Manage channels',
    explanation: 'Create, edit, reorder and delete channels.',
    group: 'general',
    channel: true,
  },
  MANAGE_ROLES: {
    label: 'Manage roles',
    explanation: 'Create and edit roles below their highest one, assign them, and edit channel permissions.',
    group: 'general',
    channel: true,
  },
  MANAGE_WEBHOOKS: {
    label: 'Manage webhooks',
    explanation: 'Create and delete webhooks, which let other programs post in a channel without an account.',
    group: 'general',
    channel: true,
  },
  MANAGE_GUILD: {
    label: 'Manage server',
    explanation: 'Change the server name, icon and description, and see and revoke all invites.',
    group: 'general',
    channel: false,
  },
  MANAGE_EMOJIS: {
    label: 'Manage emoji',
    explanation: 'Upload, rename and delete the server’s custom emoji.',
    group: 'general',
    channel: false,
  },
  VIEW_AUDIT_LOG: {
    label: 'View audit log',
    explanation: 'Read the record of who changed what in the server, and why.',
    group: 'general',
    channel: false,
  },
  CREATE_INVITE: {
    label: 'Create invites',
    explanation: 'Make invite links that bring new people into the server.',
    group: 'members',
    channel: true,
  },
  CHANGE_NICKNAME: {
    label: 'Change own nickname',
    explanation: 'Pick their own nickname in this server.',
    group: 'members',
    channel: false,
  },
  MANAGE_NICKNAMES: {
    label: 'Manage nicknames',
    explanation: 'Change the nicknames of members below them.',
    group: 'members',
    channel: false,
  },
  KICK_MEMBERS: {
    label: 'Kick members',
    explanation: 'Remove members below them from the server; they can come back with an invite.',
    group: 'members',
    channel: false,
  },
  BAN_MEMBERS: {
    label: 'Ban members',
    explanation: 'Remove members below them and keep them out; see and lift bans.',
    group: 'members',
    channel: false,
  },
  SEND_MESSAGES_IN_THREADS: {
    label: 'Send messages in threads',
    explanation: 'Write messages in the threads of a channel (instead of Send messages there).',
    group: 'text',
    channel: true,
  },
  CREATE_PUBLIC_THREADS: {
    label: 'Create public threads',
    explanation: 'Start threads everyone who sees the channel can read.',
    group: 'text',
    channel: true,
  },
  CREATE_PRIVATE_THREADS: {
    label: 'Create private threads',
    explanation: 'Start threads only invited members can see.',
    group: 'text',
    channel: true,
  },
  MANAGE_THREADS: {
    label: 'Manage threads',
    explanation: 'Rename, archive, lock and delete any thread, and see every private thread.',
    group: 'text',
    channel: true,
  },
  SEND_MESSAGES: {
    label: 'Send messages',
    explanation: 'Write messages in text channels.',
    group: 'text',
    channel: true,
  },
  EMBED_LINKS: {
    label: 'Embed links',
    explanation: 'Links they post show a preview.',
    group: 'text',
    channel: true,
  },
  ATTACH_FILES: {
    label: 'Attach files',
    explanation: 'Upload images and files with their messages.',
    group: 'text',
    channel: true,
  },
  ADD_REACTIONS: {
    label: 'Add reactions',
    explanation: 'React to messages with new emoji (anyone can join an existing reaction).',
    group: 'text',
    channel: true,
  },
  MENTION_EVERYONE: {
    label: 'Mention @everyone',
    explanation: 'Use @everyone to notify every member who can see the channel.',
    group: 'text',
    channel: true,
  },
  MANAGE_MESSAGES: {
    label: 'Manage messages',
    explanation: "Delete and pin other people's messages.",
    group: 'text',
    channel: true,
  },
  READ_MESSAGE_HISTORY: {
    label: 'Read message history',
    explanation: 'Read messages sent before they opened the channel.',
    group: 'text',
    channel: true,
  },
  CONNECT: {
    label: 'Connect',
    explanation: 'Join voice channels.',
    group: 'voice',
    channel: true,
  },
  SPEAK: {
    label: 'Speak',
    explanation: 'Talk in voice channels (without it they only listen).',
    group: 'voice',
    channel: true,
  },
  STREAM: {
    label: 'Video and screen share',
    explanation: 'Turn on their camera or share their screen in voice channels.',
    group: 'voice',
    channel: true,
  },
  PRIORITY_SPEAKER: {
    label: 'Priority speaker',
    explanation: 'Others are turned down while they speak.',
    group: 'voice',
    channel: true,
  },
  MUTE_MEMBERS: {
    label: 'Mute members',
    explanation: 'Mute other people in voice channels for everyone.',
    group: 'voice',
    channel: true,
  },
  DEAFEN_MEMBERS: {
    label: 'Deafen members',
    explanation: 'Stop other people hearing a voice channel.',
    group: 'voice',
    channel: true,
  },
  MOVE_MEMBERS: {
    label: 'Move members',
    explanation: 'Move people between voice channels or disconnect them.',
    group: 'voice',
    channel: true,
  },
};

export const GROUP_LABEL: Record<PermissionGroup, string> = {
  general: 'General',
  members: 'Membership',
  text: 'Text channels',
  voice: 'Voice channels',
};

const GROUP_ORDER: PermissionGroup[] = ['general', 'members', 'text', 'voice'];

/** Every permission with its words, grouped and in a stable order. */
export const PERMISSION_INFO: readonly PermissionInfo[] = GROUP_ORDER.flatMap((group) =>
  (Object.entries(ENTRIES) as [PermissionName, Entry][])
    .filter(([, entry]) => entry.group === group)
    .map(([name, entry]) => ({ name, bit: PERMISSIONS[name], ...entry })),
);

export function permissionInfo(name: PermissionName): PermissionInfo {
  return PERMISSION_INFO.find((info) => info.name === name)!;
}

/** The permissions a channel overwrite of this channel type can set. */
export function channelPermissions(type: 'text' | 'voice' | 'category' | string): PermissionInfo[] {
  return PERMISSION_INFO.filter(
    (info) =>
      info.channel &&
      (type === 'category' ||
        info.group === 'general' ||
        info.group === 'members' ||
        (type === 'voice' ? info.group === 'voice' : info.group === 'text')),
  );
}
