import {
  type ChannelNotificationLevel,
  DEFAULT_GUILD_NOTIFICATION_LEVEL,
  type NotificationCreated,
  type NotificationLevel,
} from '@bonfire/contracts';

/** A stored mute: until `mutedUntil`, or forever when it is null. */
export interface MuteState {
  muted: boolean;
  mutedUntil: Date | null;
}

export interface GuildSettingsState extends MuteState {
  level: NotificationLevel;
  suppressEveryone: boolean;
}

export interface ChannelOverrideState extends MuteState {
  level: ChannelNotificationLevel;
}

/** What one message means for one recipient (who can see the channel and is not its author). */
export interface MessageFacts {
  /** A DM or group DM (no guild settings; notifies by default). */
  dm: boolean;
  /** `<@me>` (honoured). */
  mentionedDirectly: boolean;
  /** One of my roles was mentioned (honoured). */
  mentionedByRole: boolean;
  /** `@everyone` / `@here` (honoured: the author had MENTION_EVERYONE). */
  everyone: boolean;
}

export interface RecipientSettings {
  /** Null: the defaults (level DEFAULT_GUILD_NOTIFICATION_LEVEL, nothing suppressed, not muted). */
  guild: GuildSettingsState | null;
  /** Null: inherit, not muted. */
  channel: ChannelOverrideState | null;
}

export type NotifyReason = NotificationCreated['reason'];

export function isMuted(state: MuteState | null, now: Date): boolean {
  return state !== null && state.muted && (state.mutedUntil === null || state.mutedUntil > now);
}

/** The level that applies in the channel: its override unless `inherit`, else the guild's (DMs: all). */
function effectiveLevel(facts: Pick<MessageFacts, 'dm'>, settings: RecipientSettings): NotificationLevel {
  const override = settings.channel?.level ?? 'inherit';
  if (override !== 'inherit') return override;
  if (facts.dm) return 'all';
  return settings.guild?.level ?? DEFAULT_GUILD_NOTIFICATION_LEVEL;
}

/** The mention rule shared with unread badges: user and role mentions, @everyone/@here unless suppressed. */
function countsAsMention(facts: MessageFacts, settings: RecipientSettings): boolean {
  const suppressEveryone = settings.guild?.suppressEveryone ?? false;
  return facts.mentionedDirectly || facts.mentionedByRole || (facts.everyone && !suppressEveryone);
}

/**
 * Whether (and why) a message notifies one recipient. Level `nothing` never notifies; a mention notifies
 * at any other level, even in a muted channel or guild (that is what a mute leaves); level `all` notifies
 * every message unless the channel or the guild is muted. In DMs the default level is `all`.
 */
export function decideNotification(
  facts: MessageFacts,
  settings: RecipientSettings,
  now: Date,
): NotifyReason | null {
  const level = effectiveLevel(facts, settings);
  if (level === 'nothing') return null;
  if (countsAsMention(facts, settings)) return 'mention';
  if (level !== 'all') return null;
  const muted = isMuted(settings.channel, now) || (!facts.dm && isMuted(settings.guild, now));
  if (muted) return null;
  return facts.dm ? 'dm' : 'all';
}
