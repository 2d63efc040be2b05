import type { ColumnType, Generated } from 'kysely';
import type { InstanceTables } from '../admin/admin.schema';
import type { TwoFactorTables } from '../two-factor/two-factor.schema';

/**
 * The auth service's tables as Kysely sees them. Ids are snowflakes: BIGINT in Postgres, strings here.
 * Columns are camelCase here and snake_case in Postgres (the CamelCasePlugin, `camelCase` in app.module).
 */
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
  displayName: string | null;
  avatarFileId: string | null;
  about: string | null;
  /** Null for a bot: it cannot sign in with a password. */
  passwordHash: string | null;
  bot: Generated<boolean>;
  /** Set when the user opened a verification (or email-change) link sent to `email`. */
  emailVerified: Generated<boolean>;
  /** A confirmed TOTP enrolment: login asks for a second factor (two-factor/). */
  mfaEnabled: Generated<boolean>;
  /** Set when the account was deleted (account-deletion/): the row is a tombstone. */
  deletedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** An instance admin (admin/): the first registered user. */
  instanceAdmin: Generated<boolean>;
  /** Set while an admin has suspended the account (admin/): no sign-in, refresh or bot token. */
  suspendedAt: Date | null;
  suspensionReason: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export type EmailTokenPurpose = 'verify_email' | 'password_reset' | 'email_change';

/** A single-use token mailed as a link (email/). */
export interface EmailTokensTable {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  tokenHash: string;
  userId: string;
  purpose: EmailTokenPurpose;
  /** The address the link was sent to (for email_change: the new address). */
  email: string;
  createdAt: Generated<Date>;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A mail waiting to be sent (mail/): written in the transaction that decides to send it. */
export interface MailJobsTable {
  id: string;
  template: string;
  locale: string;
  toAddress: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  createdAt: Generated<Date>;
  attempts: Generated<number>;
  nextAttemptAt: Generated<Date>;
  /** A sender claimed the job until then (another replica leaves it alone). */
  lockedUntil: Date | null;
  lastError: string | null;
  /** Set when the job gave up after MAIL_MAX_ATTEMPTS (kept for the operator to look at). */
  failedAt: Date | null;
}

/** An application; its id is its bot user's id. */
export interface ApplicationsTable {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface BotTokensTable {
  /** The token id, also the `sessionId` a bot's requests carry (a reset revokes it like a session). */
  id: string;
  applicationId: string;
  /** SHA-256 of the token's secret, hex. The token itself is never stored. */
  tokenHash: string;
  createdAt: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  userId: string;
  deviceLabel: string | null;
  /** Last IP the session was used from. */
  ip: string | null;
  createdAt: Generated<Date>;
  lastUsedAt: Generated<Date>;
  /** Slides forward on every refresh. */
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export interface RefreshTokensTable {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  tokenHash: string;
  sessionId: string;
  createdAt: Generated<Date>;
  expiresAt: Date;
  /** Set when the token was exchanged; presenting it again is reuse. */
  usedAt: Date | null;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  publicJwk: ColumnType<Record<string, unknown>, string, string>;
  /** PKCS#8 PEM, AES-256-GCM encrypted (see tokens/key-encryption.ts). */
  privateKeyEncrypted: string;
  createdAt: Generated<Date>;
  /** Null while the key signs new tokens; set when a newer key took over. */
  retiredAt: Date | null;
}
