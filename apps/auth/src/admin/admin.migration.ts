import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * Instance administration (issue 21 item 5). `users.instance_admin` marks the first registered user (the
 * emails of BONFIRE_ADMIN_EMAILS are read from config, not stored: see instance-admins.ts). A suspended
 * user keeps their row and content; `suspended_at` refuses sign-in, refresh and their bots' tokens. One
 * settings row (id 1): the registration mode (null = AUTH_REGISTRATION_MODE) and whether the first user
 * was made admin (claimed once, atomically). Instance invite codes for `invite_only`, uses counted in the
 * registering transaction. On an instance that already has users, the earliest becomes its admin.
 */
export const instanceAdminMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table users add column instance_admin boolean not null default false;
      alter table users add column suspended_at timestamptz;
      alter table users add column suspension_reason text;
      create index users_suspended_idx on users (suspended_at) where suspended_at is not null;

      create table instance_settings (
        id smallint primary key check (id = 1),
        registration_mode text check (registration_mode in ('open', 'invite_only', 'closed')),
        admin_claimed boolean not null default false,
        updated_at timestamptz not null default now()
      );
      insert into instance_settings (id, admin_claimed)
        values (1, exists (select 1 from users where not bot));
      update users set instance_admin = true
        where id = (select min(id) from users where not bot);

      create table instance_invites (
        code text primary key,
        created_by bigint references users (id) on delete set null,
        max_uses integer check (max_uses is null or max_uses > 0),
        uses integer not null default 0,
        expires_at timestamptz,
        created_at timestamptz not null default now()
      );
    `.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('instance_invites').execute();
    await db.schema.dropTable('instance_settings').execute();
    await sql`
      drop index users_suspended_idx;
      alter table users drop column suspension_reason;
      alter table users drop column suspended_at;
      alter table users drop column instance_admin;
    `.execute(db);
  },
};
