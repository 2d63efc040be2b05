import type { FilePurpose } from '@bonfire/contracts';
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
}

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
        owner_id: file.ownerId,
        channel_id: file.channelId,
        guild_id: file.guildId,
        filename: file.filename,
        content_type: file.contentType,
        size: file.size,
        object_key: file.objectKey,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
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

  async markReady(
    db: FileExecutor,
    id: string,
    change: { contentType: string; width: number | null; height: number | null; thumbnails: boolean },
  ): Promise<FileRow> {
    return db
      .updateTable('files')
      .set({
        status: 'ready',
        content_type: change.contentType,
        width: change.width,
        height: change.height,
        thumbnails: change.thumbnails,
        completed_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async markDeleted(db: FileExecutor, ids: readonly string[]): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    return db
      .updateTable('files')
      .set({ status: 'deleted', deleted_at: new Date() })
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
      .set({ message_id: messageId, claimed_at: new Date() })
      .where('id', 'in', ids)
      .where('message_id', 'is', null)
      .execute();
  }

  /** The live files a message claimed. */
  async ofMessage(db: FileExecutor, messageId: string): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('message_id', '=', messageId)
      .where('status', '!=', 'deleted')
      .execute();
  }

  /** Pending uploads older than the cutoff, locked (replicas skip each other's batches). */
  async lockAbandoned(db: FileExecutor, olderThan: Date, limit: number): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('status', '=', 'pending')
      .where('created_at', '<', olderThan)
      .orderBy('created_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  }
}
