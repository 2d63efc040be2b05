import { type GuildSettingsState, isMuted } from './notification-decision';
import type { StoredChannelOverride } from './notifications.repository';

interface CountsIn {
  channelId: string;
  unreadCount: number;
  mentionCount: number;
  namedMentionCount: number;
}

interface UserNotificationSettings {
  guilds: ReadonlyMap<string, GuildSettingsState>;
  channels: ReadonlyMap<string, StoredChannelOverride>;
}

/**
 * The unread badge rule: a muted channel (or a channel of a muted guild) does not count towards unread —
 * its unread count reads 0 — but its mentions still do; with @everyone/@here suppressed in the guild,
 * only mentions of me or my roles count.
 */
export function applyUnreadRule<T extends CountsIn>(
  counts: T,
  guildId: string | null,
  settings: UserNotificationSettings,
  now: Date,
): T {
  const guild = guildId === null ? null : (settings.guilds.get(guildId) ?? null);
  const channel = settings.channels.get(counts.channelId) ?? null;
  const muted = isMuted(channel, now) || isMuted(guild, now);
  return {
    ...counts,
    unreadCount: muted ? 0 : counts.unreadCount,
    mentionCount: guild?.suppressEveryone ? counts.namedMentionCount : counts.mentionCount,
  };
}
