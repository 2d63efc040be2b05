import { outboxMigration } from '@bonfire/messaging';
import { type Kysely, type Migration, sql } from '@bonfire/platform';
import { accountDeletionMigration } from '../account-deletion/account-deletion.migration';
import { instanceAdminMigration } from '../admin/admin.migration';
import { twoFactorMigration } from '../two-factor/two-factor.migration';

const authSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'bigint', (col) => col.primaryKey())
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('username', 'text', (col) => col.notNull())
      .addColumn('display_name', 'text')
      .addColumn('avatar_file_id', 'bigint')
      .addColumn('about', 'text')
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('users_username_key', ['username'])
      .addCheckConstraint('users_username_lowercase', sql`username = lower(username)`)
      .execute();
    await sql`create unique index users_email_lower_key on users (lower(email))`.execute(db);

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'bigint', (col) => col.primaryKey())
      .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('device_label', 'text')
      .addColumn('ip', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('last_used_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('revoked_reason', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id', 'id']).execute();

    await db.schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'text', (col) => col.primaryKey())
      .addColumn('session_id', 'bigint', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addColumn('used_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('refresh_tokens_session_idx')
      .on('refresh_tokens')
      .column('session_id')
      .execute();

    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (col) => col.primaryKey())
      .addColumn('algorithm', 'text', (col) => col.notNull())
      .addColumn('public_jwk', 'jsonb', (col) => col.notNull())
      .addColumn('private_key_encrypted', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('retired_at', 'timestamptz')
      .execute();
    // At most one active key, whatever the replicas do.
    await sql`create unique index signing_keys_one_active on signing_keys ((true)) where retired_at is null`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['signing_keys', 'refresh_tokens', 'sessions', 'users']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** The gateways load the recently revoked sessions at boot: a partial index keeps that a short range scan. */
const sessionsRevokedIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index sessions_revoked_idx on sessions (revoked_at) where revoked_at is not null`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('sessions_revoked_idx').execute();
  },
};

/**
 * Applications and their bot users (issue 19 item 2). A bot is a user row flagged `bot`, with no email
 * and no password (it cannot sign in with one); the application's id is its bot user's id, as Discord's.
 * A bot token is stored as the SHA-256 of its secret; one active token per application.
 */
const applications: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table users add column bot boolean not null default false;
      alter table users alter column email drop not null;
      alter table users alter column password_hash drop not null;
      alter table users add constraint users_credentials_or_bot
        check (bot or (email is not null and password_hash is not null));

      create table applications (
        id bigint primary key references users (id) on delete cascade,
        owner_id bigint not null references users (id) on delete cascade,
        name text not null,
        description text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index applications_owner_idx on applications (owner_id, id);

      create table bot_tokens (
        id bigint primary key,
        application_id bigint not null references applications (id) on delete cascade,
        token_hash text not null,
        created_at timestamptz not null default now()
      );
      create unique index bot_tokens_one_per_application on bot_tokens (application_id);
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('bot_tokens').execute();
    await db.schema.dropTable('applications').execute();
  },
};

/**
 * Email (issue 21): whether the user proved their address; single-use tokens mailed as links (stored as
 * SHA-256, like refresh tokens); and the mail outbox, a job per mail written in the transaction that
 * decides to send it and drained by MailSender (mail/mail-sender.ts) with retries.
 */
const email: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table users add column email_verified boolean not null default false;

      create table email_tokens (
        token_hash text primary key,
        user_id bigint not null references users (id) on delete cascade,
        purpose text not null check (purpose in ('verify_email', 'password_reset', 'email_change')),
        email text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create index email_tokens_user_idx on email_tokens (user_id, purpose, created_at);

      create table mail_jobs (
        id bigint primary key,
        template text not null,
        locale text not null,
        to_address text not null,
        params jsonb not null,
        created_at timestamptz not null default now(),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        last_error text,
        failed_at timestamptz
      );
      create index mail_jobs_due_idx on mail_jobs (next_attempt_at) where failed_at is null;
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('mail_jobs').execute();
    await db.schema.dropTable('email_tokens').execute();
    await sql`alter table users drop column email_verified`.execute(db);
  },
};

/** Applied in name order at boot (DatabaseModule). The outbox table comes from libs/messaging. */
export const authMigrations: Record<string, Migration> = {
  '0001_auth_schema': authSchema,
  '0002_outbox': outboxMigration,
  '0003_sessions_revoked_idx': sessionsRevokedIndex,
  '0004_applications': applications,
  '0005_email': email,
  '0006_two_factor': twoFactorMigration,
  '0007_account_deletion': accountDeletionMigration,
  '0008_instance_admin': instanceAdminMigration,
};
