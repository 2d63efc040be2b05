import type { Generated } from 'kysely';

/** A guild's custom emoji; its id is its image's file id. */
export interface EmojisTable {
  id: string;
  guildId: string;
  name: string;
  animated: boolean;
  creatorId: string | null;
  createdAt: Generated<Date>;
}
