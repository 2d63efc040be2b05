import type { Generated } from 'kysely';

export const REGISTRATION_MODES = ['open', 'invite_only', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** The instance administration tables (admin.migration.ts), part of AuthDatabase. */
export interface InstanceTables {
  instance_settings: InstanceSettingsTable;
  instance_invites: InstanceInvitesTable;
}

/** One row, id 1. */
export interface InstanceSettingsTable {
  id: number;
  /** Null: AUTH_REGISTRATION_MODE from config. */
  registrationMode: RegistrationMode | null;
  /** The first registered user was made admin (exactly one registration claims it). */
  adminClaimed: Generated<boolean>;
  updatedAt: Generated<Date>;
}

export interface InstanceInvitesTable {
  /** Shown to admins (to copy) and typed at registration; random, 96 bits. */
  code: string;
  createdBy: string | null;
  /** Null: unlimited. */
  maxUses: number | null;
  uses: Generated<number>;
  expiresAt: Date | null;
  createdAt: Generated<Date>;
}
