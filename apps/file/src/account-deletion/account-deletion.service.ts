import type { Transaction } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { FileTransactions } from '../database/file-transactions';
import type { FileDatabase } from '../database/schema';
import { REMOVAL_BATCH, RemovalService } from '../removal/removal.service';
import { AccountDeletionRepository } from './account-deletion.repository';

/**
 * `user.deleted` in the file service: the account's avatars, data exports and attachments never sent are
 * removed from storage (S3 or the local folder) and their rows deleted, with the rows of its files removed
 * earlier. Attachments of messages follow the messages (chat keeps them, anonymised, or removes them with
 * message.deleted events, and the rows of those go once removed: purgeIfOwnerDeleted); guild icons and emoji
 * stay with their guild. Idempotent: a replay finds nothing.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly repository: AccountDeletionRepository,
    private readonly removal: RemovalService,
    private readonly transactions: FileTransactions,
  ) {}

  async removeFilesOf(userId: string): Promise<{ removed: number; purged: number }> {
    await this.repository.remember(this.transactions.executor, userId);
    let removed = 0;
    for (;;) {
      const done = await this.transactions.run(async (trx) =>
        this.removal.removeLocked(
          trx,
          await this.repository.lockRemovable(trx, userId, REMOVAL_BATCH),
          'account_deleted',
        ),
      );
      removed += done;
      if (done < REMOVAL_BATCH) break;
    }
    const purged = await this.transactions.run((trx) => this.repository.purgeRemoved(trx, userId));
    return { removed, purged };
  }

  /**
   * After a message's files were removed (message.deleted), inside the same transaction: the rows of those
   * whose owner deleted their account go too — chat removes a deleted account's messages after file has
   * seen user.deleted (CHAT_DELETED_USER_MESSAGES=remove).
   */
  purgeIfOwnerDeleted(trx: Transaction<FileDatabase>, fileIds: readonly string[]): Promise<number> {
    return this.repository.purgeRemovedOfDeletedOwners(trx, fileIds);
  }
}
