import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from '../events/define-event';
import { patchSchema, snowflakeSchema } from './input';

/**
 * Notification settings, the per-user notify event and Web Push subscriptions (issue 20 part 1).
 * Ids are snowflakes as decimal strings; times are ISO 8601.
 */
const id = snowflakeSchema;
const timestamp = z.iso.datetime({ offset: true });

/** What notifies in a guild: every message, only mentions of me (user, role, @everyone/@here), nothing. */
export const NOTIFICATION_LEVELS = ['all', 'mentions', 'nothing'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];
/** A channel override: `inherit` follows the guild's level. */
export const CHANNEL_NOTIFICATION_LEVELS = ['inherit', ...NOTIFICATION_LEVELS] as const;
export type ChannelNotificationLevel = (typeof CHANNEL_NOTIFICATION_LEVELS)[number];

/** Default level of a guild with no settings (bounded fan-out: only mentions and opt-ins notify). */
export const DEFAULT_GUILD_NOTIFICATION_LEVEL: NotificationLevel = 'mentions';
/** Longest timed mute (a longer one is "forever": `muted: true` without a duration). */
export const MAX_MUTE_SECONDS = 30 * 24 * 3600;

/** A channel's override (a guild channel, a thread, a DM or a group DM). */
export const channelNotificationOverrideSchema = z.object({
  channelId: id,
  level: z.enum(CHANNEL_NOTIFICATION_LEVELS),
  /** Muted now (a timed mute that ran out reads as false). */
  muted: z.boolean(),
  /** When a timed mute ends; null while not muted or muted forever. */
  mutedUntil: timestamp.nullable(),
});
export type ChannelNotificationOverride = z.infer<typeof channelNotificationOverrideSchema>;

export const guildNotificationSettingsSchema = z.object({
  guildId: id,
  level: z.enum(NOTIFICATION_LEVELS),
  /** @everyone and @here neither notify nor count as mentions. */
  suppressEveryone: z.boolean(),
  muted: z.boolean(),
  mutedUntil: timestamp.nullable(),
  /** Overrides of this guild's channels (and threads) that differ from the default. */
  channelOverrides: z.array(channelNotificationOverrideSchema),
});
export type GuildNotificationSettings = z.infer<typeof guildNotificationSettingsSchema>;

/**
 * `muteSeconds` mutes for that long (`muted: true` may be given with it); `muted: true` alone mutes until
 * unmuted; `muted: false` unmutes (a duration with it contradicts it: 400).
 */
const muteInput = {
  muted: z.boolean().optional(),
  muteSeconds: z.number().int().min(60).max(MAX_MUTE_SECONDS).optional(),
};

function muteRule(body: { muted?: boolean; muteSeconds?: number }, context: z.RefinementCtx): void {
  if (body.muteSeconds !== undefined && body.muted === false) {
    context.addIssue({ code: 'custom', path: ['muteSeconds'], message: 'not with muted: false' });
  }
}

export const updateGuildNotificationSettingsSchema = patchSchema({
  level: z.enum(NOTIFICATION_LEVELS).optional(),
  suppressEveryone: z.boolean().optional(),
  ...muteInput,
}).superRefine(muteRule);
export type UpdateGuildNotificationSettings = z.infer<typeof updateGuildNotificationSettingsSchema>;

/** PUT replaces the channel's override: the level is given, the mute is off unless asked for. */
export const putChannelNotificationOverrideSchema = z
  .object({ level: z.enum(CHANNEL_NOTIFICATION_LEVELS), ...muteInput })
  .strict()
  .superRefine(muteRule);
export type PutChannelNotificationOverride = z.infer<typeof putChannelNotificationOverrideSchema>;

/** A browser's PushSubscription as `toJSON()` gives it (keys base64url). */
export const createPushSubscriptionSchema = z
  .object({
    endpoint: z.url().max(2_048),
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        p256dh: z
          .string()
          .regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url')
          .min(80)
          .max(100),
        auth: z
          .string()
          .regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url')
          .min(16)
          .max(30),
      })
      .strict(),
  })
  .strict();
export type CreatePushSubscription = z.infer<typeof createPushSubscriptionSchema>;

export const pushSubscriptionSchema = z.object({ id, endpoint: z.string(), createdAt: timestamp });
export type PushSubscription = z.infer<typeof pushSubscriptionSchema>;

export const deletePushSubscriptionSchema = z.object({ endpoint: z.url().max(2_048) }).strict();
export type DeletePushSubscription = z.infer<typeof deletePushSubscriptionSchema>;

/** `GET /api/v1/push/vapid-public-key`: the application server key to subscribe with; null: push is off. */
export const vapidPublicKeySchema = z.object({ publicKey: z.string().nullable() });
export type VapidPublicKey = z.infer<typeof vapidPublicKeySchema>;

/**
 * One user is to be notified of one message (the settings said so). Keyed by the user id on the read
 * states topic; the gateway delivers it to that user's own sessions only, and chat's push sender turns it
 * into a Web Push for the user's subscribed browsers.
 */
export const notificationCreatedSchema = z.object({
  userId: id,
  guildId: id.nullable(),
  channelId: id,
  messageId: id,
  author: z.object({ id, name: z.string() }),
  guildName: z.string().nullable(),
  channelName: z.string().nullable(),
  /** The start of the message text (at most NOTIFICATION_PREVIEW_LENGTH characters). */
  preview: z.string(),
  /** Why: the user was mentioned (directly, by role, or by @everyone/@here), or their level is `all`. */
  reason: z.enum(['mention', 'all', 'dm']),
});
export type NotificationCreated = z.infer<typeof notificationCreatedSchema>;
export const NOTIFICATION_PREVIEW_LENGTH = 140;

export const notificationEvents = {
  'notification.created': defineEvent({
    topic: TOPICS.chatReadStates,
    version: 1,
    schema: notificationCreatedSchema,
  }),
};
