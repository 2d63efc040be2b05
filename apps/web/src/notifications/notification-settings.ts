import { useEffect, useSyncExternalStore } from 'react';
import type {
  BonfireClient,
  ChannelNotificationOverride,
  GuildNotificationSettings,
  PutChannelNotificationOverride,
  UpdateGuildNotificationSettings,
} from '@bonfire/sdk';
import { useClient } from '../app/hooks';

/** A mute in force now: muted, and either forever (no end) or not ended yet. */
export function muteActive(state: { muted: boolean; mutedUntil: string | null }, now = Date.now()): boolean {
  return state.muted && (state.mutedUntil === null || Date.parse(state.mutedUntil) > now);
}

/** Whether the channel's unread state is hidden: the channel or its guild is muted (mentions still show). */
export function channelMuted(settings: GuildNotificationSettings | undefined, channelId: string): boolean {
  if (!settings) return false;
  if (muteActive(settings)) return true;
  const override = settings.channelOverrides.find((one) => one.channelId === channelId);
  return override ? muteActive(override) : false;
}

/**
 * My notification settings per guild, loaded when a guild's channel list shows and kept here (one small
 * cache for the page, apart from the app store): the sidebar greys muted channels, the dialog edits them.
 */
class NotificationSettingsCache {
  private readonly guilds = new Map<string, GuildNotificationSettings>();
  private readonly loading = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly client: BonfireClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get(guildId: string): GuildNotificationSettings | undefined {
    return this.guilds.get(guildId);
  }

  load(guildId: string): void {
    if (this.guilds.has(guildId) || this.loading.has(guildId)) return;
    this.loading.add(guildId);
    this.client.notifications.guildSettings(guildId).then(
      (settings) => this.put(settings),
      () => this.loading.delete(guildId),
    );
  }

  /** Shows the level and @everyone choice at once (controls follow the click), then what the server saved. */
  async updateGuild(guildId: string, patch: UpdateGuildNotificationSettings): Promise<void> {
    const before = this.guilds.get(guildId);
    if (before) {
      this.put({
        ...before,
        level: patch.level ?? before.level,
        suppressEveryone: patch.suppressEveryone ?? before.suppressEveryone,
      });
    }
    try {
      this.put(await this.client.notifications.updateGuildSettings(guildId, patch));
    } catch (error) {
      if (before) this.put(before);
      throw error;
    }
  }

  async setChannel(
    guildId: string | null,
    channelId: string,
    override: PutChannelNotificationOverride,
  ): Promise<ChannelNotificationOverride> {
    const saved = await this.client.notifications.setChannelOverride(channelId, override);
    const settings = guildId ? this.guilds.get(guildId) : undefined;
    if (settings) {
      this.put({
        ...settings,
        channelOverrides: [...settings.channelOverrides.filter((one) => one.channelId !== channelId), saved],
      });
    }
    return saved;
  }

  private put(settings: GuildNotificationSettings): void {
    this.loading.delete(settings.guildId);
    this.guilds.set(settings.guildId, settings);
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

const caches = new WeakMap<BonfireClient, NotificationSettingsCache>();

export function notificationSettingsOf(client: BonfireClient): NotificationSettingsCache {
  let cache = caches.get(client);
  if (!cache) {
    cache = new NotificationSettingsCache(client);
    caches.set(client, cache);
  }
  return cache;
}

/** The signed-in client's settings cache (components reach it here, never through the client). */
export function useNotificationSettingsCache(): NotificationSettingsCache {
  return notificationSettingsOf(useClient());
}

/** My settings in this guild (undefined while loading); re-renders when they change. */
export function useGuildNotificationSettings(guildId: string | null): GuildNotificationSettings | undefined {
  const cache = useNotificationSettingsCache();
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  useEffect(() => {
    if (guildId) cache.load(guildId);
  }, [cache, guildId]);
  return guildId ? cache.get(guildId) : undefined;
}
