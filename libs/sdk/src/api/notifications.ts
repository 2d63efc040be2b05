import type {
  ChannelNotificationOverride,
  CreatePushSubscription,
  GuildNotificationSettings,
  PushSubscription,
  PutChannelNotificationOverride,
  UpdateGuildNotificationSettings,
} from '@bonfire/contracts';
import { segment as s, type HttpClient } from '../http';

const ME = '/api/v1/users/@me';

/**
 * My notification settings (per guild; per channel, thread or DM) and Web Push subscriptions. What the
 * settings let through arrives on the realtime connection as `notification.created` (my own sessions
 * only) and, for subscribed browsers, as a Web Push.
 */
export class NotificationsApi {
  constructor(private readonly http: HttpClient) {}

  /** My settings in a guild, with my overrides of its channels (defaults: `mentions`, not muted). */
  guildSettings(guildId: string): Promise<GuildNotificationSettings> {
    return this.http.request('GET', `${ME}/guilds/${s(guildId)}/notification-settings`);
  }

  /** Change level, suppressEveryone or the mute (`muteSeconds`: for that long; `muted: true` alone: until unmuted). */
  updateGuildSettings(
    guildId: string,
    patch: UpdateGuildNotificationSettings,
  ): Promise<GuildNotificationSettings> {
    return this.http.request('PATCH', `${ME}/guilds/${s(guildId)}/notification-settings`, { body: patch });
  }

  channelOverride(channelId: string): Promise<ChannelNotificationOverride> {
    return this.http.request('GET', `${ME}/channels/${s(channelId)}/notification-settings`);
  }

  /** Replace my override of a channel: its level, and a mute if asked for (not muted otherwise). */
  setChannelOverride(
    channelId: string,
    override: PutChannelNotificationOverride,
  ): Promise<ChannelNotificationOverride> {
    return this.http.request('PUT', `${ME}/channels/${s(channelId)}/notification-settings`, {
      body: override,
    });
  }

  /** Back to inherit, not muted. */
  clearChannelOverride(channelId: string): Promise<void> {
    return this.http.request('DELETE', `${ME}/channels/${s(channelId)}/notification-settings`);
  }

  /** The VAPID public key to subscribe with (`applicationServerKey`); null when the server has push off. */
  async vapidPublicKey(): Promise<string | null> {
    const reply = await this.http.request<{ publicKey: string | null }>(
      'GET',
      '/api/v1/push/vapid-public-key',
    );
    return reply.publicKey;
  }

  pushSubscriptions(): Promise<PushSubscription[]> {
    return this.http.request('GET', `${ME}/push-subscriptions`);
  }

  /** Store a browser's subscription: pass `pushSubscription.toJSON()`. */
  subscribePush(subscription: CreatePushSubscription): Promise<PushSubscription> {
    return this.http.request('POST', `${ME}/push-subscriptions`, { body: subscription });
  }

  unsubscribePush(endpoint: string): Promise<void> {
    return this.http.request('DELETE', `${ME}/push-subscriptions`, { body: { endpoint } });
  }
}
