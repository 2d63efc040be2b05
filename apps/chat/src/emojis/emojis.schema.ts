import type { Generated } from 'kysely';

/** A guild's custom emoji; its id is its image's file id. */
export interface EmojisTable {
  id: string;
  guild_id: string;
  name: string;
  animated: boolean;
  creator_id: string | null;
  created_at: Generated<Date>;
}
