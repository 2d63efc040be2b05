import { Injectable } from '@nestjs/common';
import type { FileExecutor } from '../database/file-transactions';
import type { FileRow } from '../files/file-view';

/** The file queries of an account deletion. */
@Injectable()
export class AccountDeletionRepository {
  /**
   * Up to `limit` live files of the user that no kept message shows, locked: avatars, data exports, and
   * attachments never sent with a message. (Attachments of messages follow their message: kept while it
   * is, removed by its message.deleted; guild icons and emoji stay their guild's.)
   */
  async lockRemovable(db: FileExecutor, ownerId: string, limit: number): Promise<FileRow[]> {
    return db
      .selectFrom('files')
      .selectAll()
      .where('ownerId', '=', ownerId)
      .where('status', '!=', 'deleted')
      .where((eb) =>
        eb.or([
          eb('purpose', 'in', ['avatar', 'export']),
          eb.and([eb('purpose', '=', 'attachment'), eb('messageId', 'is', null)]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /** The user's rows of files already removed from storage (their names and sizes), deleted for good. */
  async purgeRemoved(db: FileExecutor, ownerId: string): Promise<number> {
    const result = await db
      .deleteFrom('files')
      .where('ownerId', '=', ownerId)
      .where('status', '=', 'deleted')
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Remembers a deleted account (idempotent). */
  async remember(db: FileExecutor, userId: string): Promise<void> {
    await db
      .insertInto('deleted_accounts')
      .values({ userId })
      .onConflict((conflict) => conflict.column('userId').doNothing())
      .execute();
  }

  /** Of `fileIds`, the rows of removed files whose owner deleted their account, deleted for good. */
  async purgeRemovedOfDeletedOwners(db: FileExecutor, fileIds: readonly string[]): Promise<number> {
    if (fileIds.length === 0) return 0;
    const result = await db
      .deleteFrom('files')
      .where('id', 'in', fileIds)
      .where('status', '=', 'deleted')
      .where('ownerId', 'in', (eb) => eb.selectFrom('deleted_accounts').select('userId'))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
