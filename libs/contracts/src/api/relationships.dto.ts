import { z } from 'zod';
import { snowflakeSchema } from './input';

const id = snowflakeSchema;

/**
 * Relationships (issue 20): how I relate to another user, Discord-like. `friend` is mutual; a pending
 * request is `outgoing` on the sender's side and `incoming` on the receiver's; `blocked` is one-sided
 * (the blocked user keeps no row for it and is not told).
 */
export const RELATIONSHIP_TYPES = ['friend', 'blocked', 'incoming', 'outgoing'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The other user as a relationship shows them (chat's projection of auth's users). */
export const relationshipUserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string().nullable(),
  avatarFileId: id.nullable(),
  bot: z.boolean(),
});
export type RelationshipUser = z.infer<typeof relationshipUserSchema>;

export const relationshipSchema = z.object({
  /** The other user's id. */
  id,
  type: z.enum(RELATIONSHIP_TYPES),
  user: relationshipUserSchema,
  /** When the relationship took its current type (ISO 8601). */
  since: z.iso.datetime({ offset: true }),
});
export type Relationship = z.infer<typeof relationshipSchema>;

/** Who may open a DM with me / message me in a 1:1 DM. */
export const DMS_FROM = ['everyone', 'guild_members', 'friends'] as const;
export type DmsFrom = (typeof DMS_FROM)[number];
/** Who may send me a friend request. */
export const FRIEND_REQUESTS_FROM = ['everyone', 'guild_members', 'friends_of_friends', 'nobody'] as const;
export type FriendRequestsFrom = (typeof FRIEND_REQUESTS_FROM)[number];

export const privacySettingsSchema = z.object({
  dmsFrom: z.enum(DMS_FROM),
  friendRequestsFrom: z.enum(FRIEND_REQUESTS_FROM),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  dmsFrom: 'everyone',
  friendRequestsFrom: 'everyone',
};
