import type { FilePurpose, FileStatus } from '@bonfire/contracts';
import type { ColumnType, Generated } from 'kysely';
import type { DeletedAccountsTable } from '../account-deletion/account-deletion.schema';

/**
 * The file service's tables as Kysely sees them (`bonfire_file`). Ids are snowflakes: BIGINT, strings here.
 * Columns are camelCase here and snake_case in Postgres (the CamelCasePlugin, `camelCase` in app.module).
 */
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
  ownerId: string;
  /** Attachments: the channel it was uploaded for. */
  channelId: string | null;
  /** Attachments in guild channels and guild icons. */
  guildId: string | null;
  /** The message that claimed it (attachments only; an emoji's claim sets claimedAt alone). */
  messageId: string | null;
  filename: string;
  /** Declared at request time, replaced by the sniffed type on completion. */
  contentType: string;
  /** Declared size; completion checks the stored object has exactly this many bytes. */
  size: ColumnType<string, string | number, string | number>;
  objectKey: string;
  /** The S3 multipart upload id while a multipart upload is open (null for single PUTs and once done). */
  uploadId: ColumnType<string | null, string | null | undefined, string | null>;
  /** Bytes per part of a multipart upload (null for single PUTs). */
  partSize: ColumnType<number | null, number | null | undefined, number | null>;
  width: number | null;
  height: number | null;
  thumbnails: Generated<boolean>;
  /** Emoji: more than one frame (the original animates; thumbnails are the first frame). */
  animated: Generated<boolean>;
  createdAt: Generated<Date>;
  completedAt: Date | null;
  claimedAt: Date | null;
  /** When chat's message.created for the claiming message was seen; until then the claim is tentative. */
  claimConfirmedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deletedAt: Date | null;
  /** Data exports (0008): when the archive is removed; null for every other file. */
  expiresAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
