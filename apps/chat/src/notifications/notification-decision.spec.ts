import { describe, expect, it } from 'vitest';
import {
  type ChannelOverrideState,
  decideNotification,
  type GuildSettingsState,
  isMuted,
  type MessageFacts,
  type NotifyReason,
} from './notification-decision';

const now = new Date('2026-12-04T12:00:00Z');
const later = new Date('2026-12-04T13:00:00Z');
const earlier = new Date('2026-12-04T11:00:00Z');

const plain: MessageFacts = { dm: false, mentionedDirectly: false, mentionedByRole: false, everyone: false };
const direct: MessageFacts = { ...plain, mentionedDirectly: true };
const byRole: MessageFacts = { ...plain, mentionedByRole: true };
const everyone: MessageFacts = { ...plain, everyone: true };
const dm: MessageFacts = { ...plain, dm: true };
const dmMention: MessageFacts = { ...dm, mentionedDirectly: true };

const guild = (over: Partial<GuildSettingsState> = {}): GuildSettingsState => ({
  level: 'mentions',
  suppressEveryone: false,
  muted: false,
  mutedUntil: null,
  ...over,
});
const channel = (over: Partial<ChannelOverrideState> = {}): ChannelOverrideState => ({
  level: 'inherit',
  muted: false,
  mutedUntil: null,
  ...over,
});

describe('decideNotification', () => {
  const cases: [
    string,
    MessageFacts,
    GuildSettingsState | null,
    ChannelOverrideState | null,
    NotifyReason | null,
  ][] = [
    // Defaults: a guild notifies mentions only; DMs notify everything.
    ['default, plain message', plain, null, null, null],
    ['default, direct mention', direct, null, null, 'mention'],
    ['default, role mention', byRole, null, null, 'mention'],
    ['default, @everyone', everyone, null, null, 'mention'],
    ['default DM', dm, null, null, 'dm'],
    ['DM mention', dmMention, null, null, 'mention'],
    // Guild level.
    ['guild all, plain', plain, guild({ level: 'all' }), null, 'all'],
    ['guild all, mention', direct, guild({ level: 'all' }), null, 'mention'],
    ['guild nothing, plain', plain, guild({ level: 'nothing' }), null, null],
    ['guild nothing, direct mention', direct, guild({ level: 'nothing' }), null, null],
    ['guild nothing, @everyone', everyone, guild({ level: 'nothing' }), null, null],
    // Suppressing @everyone/@here.
    ['suppressed @everyone', everyone, guild({ suppressEveryone: true }), null, null],
    [
      'suppressed @everyone, level all',
      everyone,
      guild({ level: 'all', suppressEveryone: true }),
      null,
      'all',
    ],
    ['suppressed, direct still notifies', direct, guild({ suppressEveryone: true }), null, 'mention'],
    ['suppressed, role still notifies', byRole, guild({ suppressEveryone: true }), null, 'mention'],
    // Guild mute: only mentions get through.
    ['guild muted forever, all, plain', plain, guild({ level: 'all', muted: true }), null, null],
    ['guild muted, mention', direct, guild({ level: 'all', muted: true }), null, 'mention'],
    ['guild muted, @everyone', everyone, guild({ muted: true }), null, 'mention'],
    [
      'guild muted, suppressed @everyone',
      everyone,
      guild({ muted: true, suppressEveryone: true }),
      null,
      null,
    ],
    ['guild mute running', plain, guild({ level: 'all', muted: true, mutedUntil: later }), null, null],
    ['guild mute ran out', plain, guild({ level: 'all', muted: true, mutedUntil: earlier }), null, 'all'],
    // Channel overrides.
    ['channel all over guild mentions', plain, guild(), channel({ level: 'all' }), 'all'],
    ['channel all, default guild', plain, null, channel({ level: 'all' }), 'all'],
    ['channel mentions over guild all', plain, guild({ level: 'all' }), channel({ level: 'mentions' }), null],
    ['channel nothing over guild all', direct, guild({ level: 'all' }), channel({ level: 'nothing' }), null],
    [
      'channel mentions over guild nothing',
      direct,
      guild({ level: 'nothing' }),
      channel({ level: 'mentions' }),
      'mention',
    ],
    ['channel inherit keeps guild all', plain, guild({ level: 'all' }), channel(), 'all'],
    ['channel muted, plain', plain, guild({ level: 'all' }), channel({ muted: true }), null],
    ['channel muted, mention', direct, guild({ level: 'all' }), channel({ muted: true }), 'mention'],
    ['channel muted, role mention', byRole, null, channel({ muted: true }), 'mention'],
    ['channel muted, @everyone', everyone, null, channel({ muted: true }), 'mention'],
    [
      'channel muted, suppressed @everyone',
      everyone,
      guild({ suppressEveryone: true }),
      channel({ muted: true }),
      null,
    ],
    ['channel all but guild muted', plain, guild({ muted: true }), channel({ level: 'all' }), null],
    ['channel mute ran out', plain, null, channel({ level: 'all', muted: true, mutedUntil: earlier }), 'all'],
    // DMs: channel override only (no guild).
    ['DM muted', dm, null, channel({ muted: true }), null],
    ['DM muted, mention', dmMention, null, channel({ muted: true }), 'mention'],
    ['DM nothing', dmMention, null, channel({ level: 'nothing' }), null],
    ['DM mentions only', dm, null, channel({ level: 'mentions' }), null],
  ];

  it.each(cases)('%s', (_name, facts, guildSettings, channelOverride, expected) => {
    expect(decideNotification(facts, { guild: guildSettings, channel: channelOverride }, now)).toBe(expected);
  });
});

describe('isMuted', () => {
  it.each([
    [null, false],
    [{ muted: false, mutedUntil: null }, false],
    [{ muted: true, mutedUntil: null }, true],
    [{ muted: true, mutedUntil: later }, true],
    [{ muted: true, mutedUntil: earlier }, false],
    [{ muted: true, mutedUntil: now }, false],
  ] as const)('%j → %s', (state, expected) => {
    expect(isMuted(state, now)).toBe(expected);
  });
});
