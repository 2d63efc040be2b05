import { describe, expect, it } from 'vitest';
import type { GuildSettingsState } from './notification-decision';
import type { StoredChannelOverride } from './notifications.repository';
import { applyUnreadRule } from './unread-rule';

const now = new Date('2026-12-04T12:00:00Z');
const counts = { channelId: '10', unreadCount: 5, mentionCount: 3, namedMentionCount: 1 };
const guild = (over: Partial<GuildSettingsState>): GuildSettingsState => ({
  level: 'mentions',
  suppressEveryone: false,
  muted: false,
  mutedUntil: null,
  ...over,
});
const channel = (over: Partial<StoredChannelOverride>): StoredChannelOverride => ({
  channelId: '10',
  guildId: '1',
  level: 'inherit',
  muted: false,
  mutedUntil: null,
  ...over,
});

describe('applyUnreadRule', () => {
  it.each([
    ['no settings', null, null, 5, 3],
    ['guild level nothing still counts', guild({ level: 'nothing' }), null, 5, 3],
    ['muted channel: no unread, mentions stay', null, channel({ muted: true }), 0, 3],
    ['muted guild: no unread, mentions stay', guild({ muted: true }), null, 0, 3],
    ['mute ran out', guild({ muted: true, mutedUntil: new Date('2026-12-04T11:00:00Z') }), null, 5, 3],
    ['suppressed @everyone: named mentions only', guild({ suppressEveryone: true }), null, 5, 1],
    ['muted and suppressed', guild({ suppressEveryone: true }), channel({ muted: true }), 0, 1],
  ] as const)('%s', (_name, guildSettings, override, unread, mentions) => {
    const settings = {
      guilds: new Map(guildSettings ? [['1', guildSettings]] : []),
      channels: new Map(override ? [['10', override]] : []),
    };
    expect(applyUnreadRule(counts, '1', settings, now)).toEqual({
      ...counts,
      unreadCount: unread,
      mentionCount: mentions,
    });
  });

  it('DMs follow their channel override only', () => {
    const settings = {
      guilds: new Map(),
      channels: new Map([['10', channel({ guildId: null, muted: true })]]),
    };
    expect(applyUnreadRule(counts, null, settings, now).unreadCount).toBe(0);
  });
});
