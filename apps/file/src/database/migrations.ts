import { outboxMigration, processedEventsMigration } from '@bonfire/messaging';
import { type Kysely, type Migration, sql } from '@bonfire/platform';
import { accountDeletionMigration } from '../account-deletion/account-deletion.migration';
import { exportPurposeMigration } from '../exports/exports.migration';

// One statement per query: the embedded database (PGlite) prepares each query, which allows only one.
const fileSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table files (
        id bigint primary key,
        purpose text not null check (purpose in ('attachment', 'avatar', 'icon')),
        status text not null default 'pending' check (status in ('pending', 'ready', 'deleted')),
        owner_id bigint not null,
        channel_id bigint,
        guild_id bigint,
        message_id bigint,
        filename text not null,
        content_type text not null,
        size bigint not null check (size > 0),
        object_key text not null,
        width integer,
        height integer,
        thumbnails boolean not null default false,
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        claimed_at timestamptz,
        deleted_at timestamptz,
        check ((purpose = 'attachment') = (channel_id is not null))
      )
    `.execute(db);
    // The cleanup of abandoned uploads scans pending rows oldest first.
    await sql`create index files_pending_idx on files (created_at) where status = 'pending'`.execute(db);
    // A deleted message releases its files.
    await sql`create index files_message_idx on files (message_id) where message_id is not null`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table files`.execute(db);
  },
};

/**
 * Multipart uploads (the open upload id and part size), tentative claims (confirmed by message.created),
 * and the guild of an attachment (so a deleted guild's files can be found).
 */
const multipartAndClaims: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      alter table files
        add column upload_id text,
        add column part_size integer check (part_size > 0),
        add column claim_confirmed_at timestamptz
    `.execute(db);
    // Claims never confirmed by message.created are released by the sweep, oldest first.
    await sql`
      create index files_unconfirmed_claims_idx on files (claimed_at)
        where message_id is not null and claim_confirmed_at is null
    `.execute(db);
    // Deleted channels and guilds take their files with them.
    await sql`create index files_channel_idx on files (channel_id) where status <> 'deleted'`.execute(db);
    await sql`create index files_guild_idx on files (guild_id) where status <> 'deleted'`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index files_guild_idx`.execute(db);
    await sql`drop index files_channel_idx`.execute(db);
    await sql`drop index files_unconfirmed_claims_idx`.execute(db);
    await sql`
      alter table files drop column claim_confirmed_at, drop column part_size, drop column upload_id
    `.execute(db);
  },
};

/** The cap on open uploads counts a user's pending rows at every upload request. */
const openUploadsIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index files_open_uploads_idx on files (owner_id, created_at) where status = 'pending'`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index files_open_uploads_idx`.execute(db);
  },
};

/** Custom emoji images: the `emoji` purpose, and whether the image is animated. */
const emojiPurpose: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table files drop constraint files_purpose_check`.execute(db);
    await sql`
      alter table files add constraint files_purpose_check
        check (purpose in ('attachment', 'avatar', 'icon', 'emoji'))
    `.execute(db);
    await sql`alter table files add column animated boolean not null default false`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table files drop column animated`.execute(db);
    await sql`alter table files drop constraint files_purpose_check`.execute(db);
    await sql`
      alter table files add constraint files_purpose_check check (purpose in ('attachment', 'avatar', 'icon'))
    `.execute(db);
  },
};

/** Applied in name order at boot (DatabaseModule). The outbox and processed-events tables come from libs/messaging. */
export const fileMigrations: Record<string, Migration> = {
  '0001_file_schema': fileSchema,
  '0002_outbox': outboxMigration,
  '0003_processed_events': processedEventsMigration,
  '0004_multipart_and_claims': multipartAndClaims,
  '0005_open_uploads_index': openUploadsIndex,
  '0006_emoji_purpose': emojiPurpose,
  '0007_account_deletion': accountDeletionMigration,
  '0008_export_purpose': exportPurposeMigration,
};
