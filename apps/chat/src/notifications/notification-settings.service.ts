import {
  type ChannelNotificationOverride,
  DEFAULT_GUILD_NOTIFICATION_LEVEL,
  type GuildNotificationSettings,
  type PutChannelNotificationOverride,
  type UpdateGuildNotificationSettings,
} from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { ChatTransactions } from '../database/chat-transactions';
import { type GuildSettingsState, isMuted, type MuteState } from './notification-decision';
import { NotificationsRepository, type StoredChannelOverride } from './notifications.repository';

const DEFAULT_GUILD_SETTINGS: GuildSettingsState = {
  level: DEFAULT_GUILD_NOTIFICATION_LEVEL,
  suppressEveryone: false,
  muted: false,
  mutedUntil: null,
};

/** A mute as the API shows it: an ended timed mute reads as not muted. */
function muteView(state: MuteState, now: Date): { muted: boolean; mutedUntil: string | null } {
  const muted = isMuted(state, now);
  return { muted, mutedUntil: muted && state.mutedUntil ? state.mutedUntil.toISOString() : null };
}

/** The stored mute for `{muted, muteSeconds}` (undefined: keep `current`). */
function muteInput(
  input: { muted?: boolean; muteSeconds?: number },
  current: MuteState,
  now: Date,
): MuteState {
  if (input.muted === undefined && input.muteSeconds === undefined) {
    return { muted: current.muted, mutedUntil: current.mutedUntil };
  }
  if (input.muted === false) return { muted: false, mutedUntil: null };
  return {
    muted: true,
    mutedUntil: input.muteSeconds === undefined ? null : new Date(now.getTime() + input.muteSeconds * 1000),
  };
}

function overrideView(override: StoredChannelOverride, now: Date): ChannelNotificationOverride {
  return { channelId: override.channelId, level: override.level, ...muteView(override, now) };
}

/** A user's notification settings: per guild, and per channel (guild channels, threads and DMs). */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly access: AccessService,
    private readonly repository: NotificationsRepository,
    private readonly transactions: ChatTransactions,
  ) {}

  /** My settings in a guild I am a member of (404 UNKNOWN_GUILD otherwise), with my channel overrides. */
  async get(userId: string, guildId: string): Promise<GuildNotificationSettings> {
    await this.access.requireGuild(guildId, userId);
    return this.view(userId, guildId);
  }

  async update(
    userId: string,
    guildId: string,
    input: UpdateGuildNotificationSettings,
  ): Promise<GuildNotificationSettings> {
    await this.access.requireGuild(guildId, userId);
    const now = new Date();
    await this.transactions.run(async (trx) => {
      const current = (await this.repository.guildSettings(trx, userId, guildId)) ?? DEFAULT_GUILD_SETTINGS;
      await this.repository.saveGuildSettings(trx, userId, guildId, {
        level: input.level ?? current.level,
        suppressEveryone: input.suppressEveryone ?? current.suppressEveryone,
        ...muteInput(input, current, now),
      });
    });
    return this.view(userId, guildId);
  }

  /** Replaces my override of a channel I can see (404 UNKNOWN_CHANNEL otherwise). */
  async putChannel(
    userId: string,
    channelId: string,
    input: PutChannelNotificationOverride,
  ): Promise<ChannelNotificationOverride> {
    const access = await this.access.requireChannel(channelId, userId);
    const now = new Date();
    const override: StoredChannelOverride = {
      channelId,
      guildId: access.guildId,
      level: input.level,
      ...muteInput(input, { muted: false, mutedUntil: null }, now),
    };
    await this.repository.saveChannelOverride(this.transactions.executor, userId, override);
    return overrideView(override, now);
  }

  /** My override of a channel, or the default (inherit, not muted). */
  async getChannel(userId: string, channelId: string): Promise<ChannelNotificationOverride> {
    await this.access.requireChannel(channelId, userId);
    const override = await this.repository.channelOverride(this.transactions.executor, userId, channelId);
    return override
      ? overrideView(override, new Date())
      : { channelId, level: 'inherit', muted: false, mutedUntil: null };
  }

  /** Back to the default (inherit, not muted). Idempotent. */
  async deleteChannel(userId: string, channelId: string): Promise<void> {
    await this.access.requireChannel(channelId, userId);
    await this.repository.deleteChannelOverride(this.transactions.executor, userId, channelId);
  }

  private async view(userId: string, guildId: string): Promise<GuildNotificationSettings> {
    const db = this.transactions.executor;
    const now = new Date();
    const [settings, overrides] = await Promise.all([
      this.repository.guildSettings(db, userId, guildId),
      this.repository.guildOverrides(db, userId, guildId),
    ]);
    const current = settings ?? DEFAULT_GUILD_SETTINGS;
    return {
      guildId,
      level: current.level,
      suppressEveryone: current.suppressEveryone,
      ...muteView(current, now),
      channelOverrides: overrides.map((override) => overrideView(override, now)),
    };
  }
}
