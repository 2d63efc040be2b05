import type {
  ChannelNotificationOverride,
  CreatePushSubscription,
  GuildNotificationSettings,
  PushSubscription,
  PutChannelNotificationOverride,
  UpdateGuildNotificationSettings,
} from '@bonfire/contracts';
import type { RestClient } from '../rest-client';

const GUILD = '/api/v1/users/@me/guilds/{guildId}/notification-settings';
const CHANNEL = '/api/v1/users/@me/channels/{channelId}/notification-settings';
const PUSH = '/api/v1/users/@me/push-subscriptions';

/**
 * My notification settings (per guild; per channel, thread or DM) and Web Push subscriptions. What the
 * settings let through arrives on the realtime connection as `notification.created` (my own sessions
 * only) and, for subscribed browsers, as a Web Push.
 */
export class NotificationsApi {
  constructor(private readonly rest: RestClient) {}

  /** My settings in a guild, with my overrides of its channels (defaults: `mentions`, not muted). */
  guildSettings(guildId: string): Promise<GuildNotificationSettings> {
    return this.rest.get(GUILD, { params: { guildId } });
  }

  /** Change level, suppressEveryone or the mute (`muteSeconds`: for that long; `muted: true` alone: until unmuted). */
  updateGuildSettings(
    guildId: string,
    patch: UpdateGuildNotificationSettings,
  ): Promise<GuildNotificationSettings> {
    return this.rest.patch(GUILD, { params: { guildId }, body: patch });
  }

  channelOverride(channelId: string): Promise<ChannelNotificationOverride> {
    return this.rest.get(CHANNEL, { params: { channelId } });
  }

  /** Replace my override of a channel: its level, and a mute if asked for (not muted otherwise). */
  setChannelOverride(
    channelId: string,
    override: PutChannelNotificationOverride,
  ): Promise<ChannelNotificationOverride> {
    return this.rest.put(CHANNEL, { params: { channelId }, body: override });
  }

  /** Back to inherit, not muted. */
  clearChannelOverride(channelId: string): Promise<void> {
    return this.rest.delete(CHANNEL, { params: { channelId } });
  }

  /** The VAPID public key to subscribe with (`applicationServerKey`); null when the server has push off. */
  async vapidPublicKey(): Promise<string | null> {
    const reply = await this.rest.get('/api/v1/push/vapid-public-key');
    return reply.publicKey;
  }

  pushSubscriptions(): Promise<PushSubscription[]> {
    return this.rest.get(PUSH);
  }

  /** Store a browser's subscription: pass `pushSubscription.toJSON()`. */
  subscribePush(subscription: CreatePushSubscription): Promise<PushSubscription> {
    return this.rest.post(PUSH, { body: subscription });
  }

  unsubscribePush(endpoint: string): Promise<void> {
    return this.rest.delete(PUSH, { body: { endpoint } });
  }
}
