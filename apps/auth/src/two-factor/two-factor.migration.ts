import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Two-factor authentication (issue 21 item 3). `users.mfa_enabled` is set when a TOTP enrolment is
 * confirmed. One TOTP secret per user (encrypted, see secret-box.ts), pending until confirmed;
 * `last_used_step` refuses a code's replay. Recovery codes are stored as HMACs, each used once. A login
 * ticket (stored as SHA-256) bridges the password step and the code step: five minutes, single use.
 */
export const twoFactorMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table users add column mfa_enabled boolean not null default false;

      create table user_totp (
        user_id bigint primary key references users (id) on delete cascade,
        secret_encrypted text not null,
        created_at timestamptz not null default now(),
        confirmed_at timestamptz,
        last_used_step integer
      );

      create table mfa_recovery_codes (
        user_id bigint not null references users (id) on delete cascade,
        code_hash text not null,
        created_at timestamptz not null default now(),
        used_at timestamptz,
        primary key (user_id, code_hash)
      );

      create table mfa_tickets (
        ticket_hash text primary key,
        user_id bigint not null references users (id) on delete cascade,
        device_label text,
        attempts integer not null default 0,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create index mfa_tickets_user_idx on mfa_tickets (user_id, expires_at);
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('mfa_tickets').execute();
    await db.schema.dropTable('mfa_recovery_codes').execute();
    await db.schema.dropTable('user_totp').execute();
    await sql`alter table users drop column mfa_enabled`.execute(db);
  },
};
