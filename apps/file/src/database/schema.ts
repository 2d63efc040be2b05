import type { FilePurpose, FileStatus } from '@bonfire/contracts';
import type { ColumnType, Generated } from 'kysely';
import type { DeletedAccountsTable } from '../account-deletion/account-deletion.schema';

/** The file service's tables as Kysely sees them (`bonfire_file`). Ids are snowflakes: BIGINT, strings here. */
export interface FileDatabase {
  files: FilesTable;
  deleted_accounts: DeletedAccountsTable;
}

/** One uploaded object: its metadata here, its bytes (and thumbnails) in the bucket. */
export interface FilesTable {
  id: string;
  purpose: FilePurpose;
  status: ColumnType<FileStatus, FileStatus | undefined, FileStatus>;
  /** The uploader. */
  owner_id: string;
  /** Attachments: the channel it was uploaded for. */
  channel_id: string | null;
  /** Attachments in guild channels and guild icons. */
  guild_id: string | null;
  /** The message that claimed it (attachments only; an emoji's claim sets claimed_at alone). */
  message_id: string | null;
  filename: string;
  /** Declared at request time, replaced by the sniffed type on completion. */
  content_type: string;
  /** Declared size; completion checks the stored object has exactly this many bytes. */
  size: ColumnType<string, string | number, string | number>;
  object_key: string;
  /** The S3 multipart upload id while a multipart upload is open (null for single PUTs and once done). */
  upload_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Bytes per part of a multipart upload (null for single PUTs). */
  part_size: ColumnType<number | null, number | null | undefined, number | null>;
  width: number | null;
  height: number | null;
  thumbnails: Generated<boolean>;
  /** Emoji: more than one frame (the original animates; thumbnails are the first frame). */
  animated: Generated<boolean>;
  created_at: Generated<Date>;
  completed_at: Date | null;
  claimed_at: Date | null;
  /** When chat's message.created for the claiming message was seen; until then the claim is tentative. */
  claim_confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_at: Date | null;
  /** Data exports (0008): when the archive is removed; null for every other file. */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
