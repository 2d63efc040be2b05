import type { Generated } from 'kysely';

/** A deleted account (user.deleted): its files' rows are deleted once their objects are. */
export interface DeletedAccountsTable {
  userId: string;
  deletedAt: Generated<Date>;
}
