import type { Generated } from 'kysely';

/** A deleted account (user.deleted): its files' rows are deleted once their objects are. */
export interface DeletedAccountsTable {
  user_id: string;
  deleted_at: Generated<Date>;
}
