import { z } from 'zod';
import { snowflakeSchema } from '../api/input';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

const id = snowflakeSchema;

/** What a user chooses: `online` means "automatic" (online while active, idle when every device is idle). */
export const PRESENCE_CHOSEN_STATUSES = ['online', 'idle', 'dnd', 'invisible'] as const;
export type ChosenPresenceStatus = (typeof PRESENCE_CHOSEN_STATUSES)[number];

/** What a user's own sessions see (`invisible` included). */
export const PRESENCE_STATUSES = ['online', 'idle', 'dnd', 'invisible', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** What everyone else sees: an invisible user is `offline`. */
export const PUBLIC_PRESENCE_STATUSES = ['online', 'idle', 'dnd', 'offline'] as const;
export type PublicPresenceStatus = (typeof PUBLIC_PRESENCE_STATUSES)[number];

export const CUSTOM_STATUS_TEXT_MAX = 128;

export const customStatusSchema = z.object({
  text: z.string().max(CUSTOM_STATUS_TEXT_MAX),
  emoji: z.string().min(1).max(64).nullable().optional(),
  /** ISO 8601; the custom status disappears then. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type CustomStatus = z.infer<typeof customStatusSchema>;

/** One user's presence as another user sees it (GET /api/v1/presences, `ready`, `presence.updated`). */
export const presenceSchema = z.object({
  userId: id,
  status: z.enum(PRESENCE_STATUSES),
  customStatus: customStatusSchema.nullable(),
});
export type Presence = z.infer<typeof presenceSchema>;

/**
 * Presence's events (topic presence.updates, keyed by user id). `status`/`customStatus` are what others
 * see; `self` is what the user's own sessions see (invisible stays invisible there). `guildIds` and
 * `dmUserIds` are the audience presence computed from its projection of chat (guilds shared with the
 * user, DM partners), so the gateway routes without a lookup.
 */
export const presenceEvents = {
  'presence.updated': defineEvent({
    topic: TOPICS.presenceUpdates,
    version: 1,
    schema: z.object({
      userId: id,
      status: z.enum(PUBLIC_PRESENCE_STATUSES),
      customStatus: customStatusSchema.nullable(),
      self: z.object({ status: z.enum(PRESENCE_STATUSES), customStatus: customStatusSchema.nullable() }),
      guildIds: z.array(id),
      dmUserIds: z.array(id),
      /** Users the user blocked (issue 20): they do not receive it even in a shared guild's room. */
      hiddenFromUserIds: z.array(id).optional(),
      updatedAt: z.iso.datetime({ offset: true }),
    }),
  }),
};
