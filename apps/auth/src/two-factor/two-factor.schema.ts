import type { Generated } from 'kysely';

/** The two-factor tables (two-factor.migration.ts), part of AuthDatabase. */
export interface TwoFactorTables {
  user_totp: UserTotpTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  mfa_tickets: MfaTicketsTable;
}

export interface UserTotpTable {
  user_id: string;
  /** AES-256-GCM (secret-box.ts), the user id bound as associated data. */
  secret_encrypted: string;
  created_at: Generated<Date>;
  /** Null while the enrolment waits for its first code. */
  confirmed_at: Date | null;
  /** The last time step whose code was accepted: that step and earlier ones are refused. */
  last_used_step: number | null;
}

export interface MfaRecoveryCodesTable {
  user_id: string;
  /** HMAC-SHA256 of the normalised code (secret-box.ts). */
  code_hash: string;
  created_at: Generated<Date>;
  used_at: Date | null;
}

export interface MfaTicketsTable {
  /** SHA-256 of the ticket, base64url. The ticket itself is never stored. */
  ticket_hash: string;
  user_id: string;
  /** The login's device label, given to the session the ticket becomes. */
  device_label: string | null;
  /** Wrong codes tried with this ticket (it is spent at TICKET_MAX_ATTEMPTS). */
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}
