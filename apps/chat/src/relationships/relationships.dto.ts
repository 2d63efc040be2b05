import {
  DMS_FROM,
  FRIEND_REQUESTS_FROM,
  patchSchema,
  privacySettingsSchema,
  relationshipSchema,
} from '@bonfire/contracts';
import { z } from 'zod';

/** POST /users/@me/relationships: a friend request by username. */
export const sendFriendRequestSchema = z.object({ username: z.string().trim().min(1).max(64) }).strict();
export type SendFriendRequestDto = z.infer<typeof sendFriendRequestSchema>;

/** PUT /users/@me/relationships/{userId}: no type (or `friend`) sends or accepts a request; `blocked` blocks. */
export const putRelationshipSchema = z
  .object({ type: z.enum(['friend', 'blocked']).optional() })
  .strict()
  .default({});
export type PutRelationshipDto = z.infer<typeof putRelationshipSchema>;

export const updatePrivacySchema = patchSchema({
  dmsFrom: z.enum(DMS_FROM).optional(),
  friendRequestsFrom: z.enum(FRIEND_REQUESTS_FROM).optional(),
});
export type UpdatePrivacyDto = z.infer<typeof updatePrivacySchema>;

export const relationshipListSchema = z.array(relationshipSchema);
export { privacySettingsSchema, relationshipSchema };
