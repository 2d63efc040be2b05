import type { FilePurpose } from '@bonfire/contracts';
import { sql } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { FileTransactions, type FileExecutor } from '../database/file-transactions';
import type { FileRow } from './file-view';

export interface NewFile {
  id: string;
  purpose: FilePurpose;
  ownerId: string;
  channelId: string | null;
  guildId: string | null;
  filename: string;
  contentType: string;
  size: number;
  objectKey: string;
  /** The open S3 multipart upload (null for a single PUT). */
  uploadId: string | null;
  partSize: number | null;
}

/** First half of the advisory-lock key of a user's upload requests ('FILE'; the outbox uses its own). */
const OPEN_UPLOADS_LOCK_NAMESPACE = 0x46494c45;

/** The only place that touches the `files` table. */
@Injectable()
export class FilesRepository {
  constructor(private readonly transactions: FileTransactions) {}

  get executor(): FileExecutor {
    return this.transactions.executor;
  }

  async insert(db: FileExecutor, file: NewFile): Promise<FileRow> {
    return db
      .insertInto('files')
      .values({
        id: file.id,
        purpose: file.purpose,
        ownerId: file.ownerId,
        channelId: file.channelId,
        guildId: file.guildId,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        objectKey: file.objectKey,
        uploadId: file.uploadId,
        partSize: file.partSize,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Serialises the upload requests of one user until the transaction ends (a transaction-scoped advisory
   * lock), so that counting their open uploads and adding one cannot interleave.
   */
  async lockUploadsOf(db: FileExecutor, ownerId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${OPEN_UPLOADS_LOCK_NAMESPACE}, hashtext(${ownerId}))`.execute(db);
  }

  /** A user's uploads still open: pending (not completed, not deleted) and requested after the cutoff. */
  async countOpenUploads(db: FileExecutor, ownerId: string, requestedAfter: Date): Promise<number> {
    const row = await db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<string>().as('open'))
      .where('ownerId', '=', ownerId)
      .where('status', '=', 'pending')
      .where('createdAt', '>', requestedAfter)
      .executeTakeFirstOrThrow();
    return Number(row.open);
  }

  async find(db: FileExecutor, id: string): Promise<FileRow | null> {
    return (await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** The row locked for a state change. */
  async lock(db: FileExecutor, id: string): Promise<FileRow | null> {
    return (
      (await db.selectFrom('files').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null
    );
  }

  /** The multipart upload was completed at the store: nothing is left open to abort. */
  async uploadAssembled(db: FileExecutor, id: string): Promise<void> {
    await db.updateTable('files').set({ uploadId: null }).where('id', '=', id).execute();
  }

  async markReady(
    db: FileExecutor,
    id: string,
    change: {
      contentType: string;
      width: number | null;
      height: number | null;
      thumbnails: boolean;
      /** Emoji: the size after scaling down, and whether it animates. */
      size?: number;
      animated?: boolean;
    },
  ): Promise<FileRow> {
    return db
      .updateTable('files')
      .set({
        status: 'ready',
        contentType: change.contentType,
        width: change.width,
        height: change.height,
        thumbnails: change.thumbnails,
        ...(change.size !== undefined ? { size: change.size } : {}),
        ...(change.animated !== undefined ? { animated: change.animated } : {}),
        completedAt: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async markDeleted(db: FileExecutor, ids: readonly string[]): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    return db
      .updateTable('files')
      .set({ status: 'deleted', deletedAt: new Date() })
      .where('id', 'in', ids)
      .where('status', '!=', 'deleted')
      .returningAll()
      .execute();
  }

  /** Attachments locked for a claim, in any order. */
  async lockMany(db: FileExecutor, ids: readonly string[]): Promise<FileRow[]> {
    return db.selectFrom('files').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
  }

  async claim(db: FileExecutor, ids: readonly string[], messageId: string): Promise<void> {
    await db
      .updateTable('files')
      .set({ messageId, claimedAt: new Date() })
      .where('id', 'in', ids)
      .where('messageId', 'is', null)
      .execute();
  }

  /** A claim becomes final once chat's message.created for the claiming message is seen. */
  async confirmClaims(db: FileExecutor, messageId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await db
      .updateTable('files')
      .set({ claimConfirmedAt: new Date() })
      .where('id', 'in', ids)
      .where('messageId', '=', messageId)
      .where('claimConfirmedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Claims never confirmed and older than the cutoff, locked (replicas skip each other's batches). */
  async lockUnconfirmedClaims(db: FileExecutor, claimedBefore: Date, limit: number): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('messageId', 'is not', null)
      .where('claimConfirmedAt', 'is', null)
      .where('claimedAt', '<', claimedBefore)
      .where('status', '=', 'ready')
      .orderBy('claimedAt')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /** The files go back to their uploader, unclaimed. */
  async releaseClaims(db: FileExecutor, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await db
      .updateTable('files')
      .set({ messageId: null, claimedAt: null })
      .where('id', 'in', ids)
      .where('claimConfirmedAt', 'is', null)
      .execute();
  }

  /** A batch of the live files posted in a channel or guild (attachments and guild icons), locked. */
  async lockLiveIn(
    db: FileExecutor,
    scope: { channelId: string } | { guildId: string },
    limit: number,
  ): Promise<FileRow[]> {
    let query = db.selectFrom('files').selectAll().where('status', '!=', 'deleted');
    query =
      'channelId' in scope
        ? query.where('channelId', '=', scope.channelId)
        : query.where('guildId', '=', scope.guildId);
    return query.orderBy('id').limit(limit).forUpdate().execute();
  }

  /** The live files a message claimed. */
  async ofMessage(db: FileExecutor, messageId: string): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('messageId', '=', messageId)
      .where('status', '!=', 'deleted')
      .execute();
  }

  /** Pending uploads older than the cutoff, locked (replicas skip each other's batches). */
  async lockAbandoned(db: FileExecutor, olderThan: Date, limit: number): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('status', '=', 'pending')
      .where('createdAt', '<', olderThan)
      .orderBy('createdAt')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /** An emoji image is used by its emoji (confirmed at once: chat's emoji id is the file id). */
  async claimEmoji(db: FileExecutor, id: string): Promise<void> {
    const now = new Date();
    await db
      .updateTable('files')
      .set({ claimedAt: now, claimConfirmedAt: now })
      .where('id', '=', id)
      .where('claimedAt', 'is', null)
      .execute();
  }

  /** A data export's archive was checked: ready, removed at `expiresAt`. */
  async markExportReady(db: FileExecutor, id: string, expiresAt: Date): Promise<FileRow> {
    return db
      .updateTable('files')
      .set({
        status: 'ready',
        contentType: 'application/zip',
        completedAt: new Date(),
        expiresAt,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Ready files whose expiry has passed (data exports), locked (replicas skip each other's batches). */
  async lockExpired(db: FileExecutor, now: Date, limit: number): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('expiresAt', 'is not', null)
      .where('expiresAt', '<=', now)
      .where('status', '=', 'ready')
      .orderBy('expiresAt')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /** The owner's ready files among `ids`. */
  async readyOwnedBy(db: FileExecutor, ownerId: string, ids: readonly string[]): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('files')
      .selectAll()
      .where('id', 'in', ids)
      .where('ownerId', '=', ownerId)
      .where('status', '=', 'ready')
      .execute();
  }
}
