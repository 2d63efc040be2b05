import type { ColumnType, Generated } from 'kysely';
import type { InstanceTables } from '../admin/admin.schema';
import type { TwoFactorTables } from '../two-factor/two-factor.schema';

/** The auth service's tables as Kysely sees them. Ids are snowflakes: BIGINT in Postgres, strings here. */
export interface AuthDatabase extends TwoFactorTables, InstanceTables {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  signing_keys: SigningKeysTable;
  applications: ApplicationsTable;
  bot_tokens: BotTokensTable;
  email_tokens: EmailTokensTable;
  mail_jobs: MailJobsTable;
}

export interface UsersTable {
  id: string;
  /** As the user typed it; unique ignoring case (index on lower(email)). Null for a bot. */
  email: string | null;
  /** Always lowercase; unique. */
  username: string;
  display_name: string | null;
  avatar_file_id: string | null;
  about: string | null;
  /** Null for a bot: it cannot sign in with a password. */
  password_hash: string | null;
  bot: Generated<boolean>;
  /** Set when the user opened a verification (or email-change) link sent to `email`. */
  email_verified: Generated<boolean>;
  /** A confirmed TOTP enrolment: login asks for a second factor (two-factor/). */
  mfa_enabled: Generated<boolean>;
  /** Set when the account was deleted (account-deletion/): the row is a tombstone. */
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** An instance admin (admin/): the first registered user. */
  instance_admin: Generated<boolean>;
  /** Set while an admin has suspended the account (admin/): no sign-in, refresh or bot token. */
  suspended_at: Date | null;
  suspension_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type EmailTokenPurpose = 'verify_email' | 'password_reset' | 'email_change';

/** A single-use token mailed as a link (email/). */
export interface EmailTokensTable {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  token_hash: string;
  user_id: string;
  purpose: EmailTokenPurpose;
  /** The address the link was sent to (for email_change: the new address). */
  email: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

/** A mail waiting to be sent (mail/): written in the transaction that decides to send it. */
export interface MailJobsTable {
  id: string;
  template: string;
  locale: string;
  to_address: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  /** A sender claimed the job until then (another replica leaves it alone). */
  locked_until: Date | null;
  last_error: string | null;
  /** Set when the job gave up after MAIL_MAX_ATTEMPTS (kept for the operator to look at). */
  failed_at: Date | null;
}

/** An application; its id is its bot user's id. */
export interface ApplicationsTable {
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BotTokensTable {
  /** The token id, also the `sessionId` a bot's requests carry (a reset revokes it like a session). */
  id: string;
  application_id: string;
  /** SHA-256 of the token's secret, hex. The token itself is never stored. */
  token_hash: string;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  device_label: string | null;
  /** Last IP the session was used from. */
  ip: string | null;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  /** Slides forward on every refresh. */
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  token_hash: string;
  session_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  /** Set when the token was exchanged; presenting it again is reuse. */
  used_at: Date | null;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  /** PKCS#8 PEM, AES-256-GCM encrypted (see tokens/key-encryption.ts). */
  private_key_encrypted: string;
  created_at: Generated<Date>;
  /** Null while the key signs new tokens; set when a newer key took over. */
  retired_at: Date | null;
}
