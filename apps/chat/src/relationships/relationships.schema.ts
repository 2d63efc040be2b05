import type { RelationshipType } from '@bonfire/contracts';
import type { Generated } from 'kysely';

/** One side of a relationship: how `user_id` relates to `target_id`. */
export interface RelationshipsTable {
  user_id: string;
  target_id: string;
  type: RelationshipType;
  since: Generated<Date>;
}

/** A user's privacy settings; no row means the defaults (everyone, everyone). */
export interface PrivacySettingsTable {
  user_id: string;
  dms_from: string;
  friend_requests_from: string;
  updated_at: Generated<Date>;
}
