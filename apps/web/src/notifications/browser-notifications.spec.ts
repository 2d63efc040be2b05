import type { NotificationCreated } from '@bonfire/sdk';
import { describe, expect, it } from 'vitest';
import { describeNotification, notificationPath, shouldShow } from './browser-notifications';
import { channelMuted, muteActive } from './notification-settings';

const note: NotificationCreated = {
  userId: '1',
  guildId: '10',
  channelId: '20',
  messageId: '30',
  author: { id: '2', name: 'Alice' },
  guildName: 'Campfire',
  channelName: 'general',
  preview: 'hello @you',
  reason: 'mention',
};

describe('browser notifications', () => {
  it('shows unless the tab is focused on that channel', () => {
    expect(shouldShow(note, false, '/channels/10/20')).toBe(true);
    expect(shouldShow(note, true, '/channels/10/20')).toBe(false);
    expect(shouldShow(note, true, '/channels/10/21')).toBe(true);
    expect(shouldShow({ ...note, guildId: null }, true, '/channels/@me/20')).toBe(false);
  });

  it('names the author, channel and server, and leads to the channel', () => {
    expect(describeNotification(note)).toEqual({ title: 'Alice in #general (Campfire)', body: 'hello @you' });
    expect(describeNotification({ ...note, guildId: null, preview: '' })).toEqual({
      title: 'Alice',
      body: 'New message',
    });
    expect(notificationPath(note)).toBe('/channels/10/20');
    expect(notificationPath({ ...note, guildId: null })).toBe('/channels/@me/20');
  });

  it('reads mutes: timed ones end, a muted guild mutes its channels', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(muteActive({ muted: true, mutedUntil: null }, now)).toBe(true);
    expect(muteActive({ muted: true, mutedUntil: '2026-12-04T11:00:00Z' }, now)).toBe(false);
    const settings = {
      guildId: '10',
      level: 'mentions' as const,
      suppressEveryone: false,
      muted: false,
      mutedUntil: null,
      channelOverrides: [{ channelId: '20', level: 'inherit' as const, muted: true, mutedUntil: null }],
    };
    expect(channelMuted(settings, '20')).toBe(true);
    expect(channelMuted(settings, '21')).toBe(false);
    expect(channelMuted({ ...settings, muted: true }, '21')).toBe(true);
    expect(channelMuted(undefined, '20')).toBe(false);
  });
});
