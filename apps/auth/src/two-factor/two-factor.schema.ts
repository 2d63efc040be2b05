import type { Generated } from 'kysely';

/** The two-factor tables (two-factor.migration.ts), part of AuthDatabase. */
export interface TwoFactorTables {
  user_totp: UserTotpTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  mfa_tickets: MfaTicketsTable;
}

export interface UserTotpTable {
  userId: string;
  /** AES-256-GCM (secret-box.ts), the user id bound as associated data. */
  secretEncrypted: string;
  createdAt: Generated<Date>;
  /** Null while the enrolment waits for its first code. */
  confirmedAt: Date | null;
  /** The last time step whose code was accepted: that step and earlier ones are refused. */
  lastUsedStep: number | null;
}

export interface MfaRecoveryCodesTable {
  userId: string;
  /** HMAC-SHA256 of the normalised code (secret-box.ts). */
  codeHash: string;
  createdAt: Generated<Date>;
  usedAt: Date | null;
}

export interface MfaTicketsTable {
  /** SHA-256 of the ticket, base64url. The ticket itself is never stored. */
  ticketHash: string;
  userId: string;
  /** The login's device label, given to the session the ticket becomes. */
  deviceLabel: string | null;
  /** Wrong codes tried with this ticket (it is spent at TICKET_MAX_ATTEMPTS). */
  attempts: Generated<number>;
  createdAt: Generated<Date>;
  expiresAt: Date;
  usedAt: Date | null;
}
