import type { RelationshipType } from '@bonfire/contracts';
import type { Generated } from 'kysely';

/** One side of a relationship: how `user_id` relates to `target_id`. */
export interface RelationshipsTable {
  userId: string;
  targetId: string;
  type: RelationshipType;
  since: Generated<Date>;
}

/** A user's privacy settings; no row means the defaults (everyone, everyone). */
export interface PrivacySettingsTable {
  userId: string;
  dmsFrom: string;
  friendRequestsFrom: string;
  updatedAt: Generated<Date>;
}
