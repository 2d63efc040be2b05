import { ServiceLogger, type Transaction } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';
import { FileTransactions } from '../database/file-transactions';
import type { FileDatabase } from '../database/schema';
import { FileEventsWriter } from '../events/file-events.writer';
import type { FileRow } from '../files/file-view';
import { FilesRepository } from '../files/files.repository';
import { ObjectStore, objectKeys } from '../storage/object-store';

/** Rows handled per transaction by the sweeps and by the removal of a channel's or guild's files. */
export const REMOVAL_BATCH = 100;

type RemovalReason =
  'message_deleted' | 'channel_deleted' | 'guild_deleted' | 'emoji_deleted' | 'expired' | 'account_deleted';

/**
 * Takes files out of storage: the attachments of deleted messages, of deleted channels and of deleted
 * guilds (with the guild's icon), and uploads never completed (a periodic sweep of pending rows older than
 * FILE_PENDING_MAX_AGE_SECONDS; their open multipart uploads are aborted). Objects go first — deleting is
 * idempotent — then the rows are marked deleted, so a failure in between is retried, never leaked.
 *
 * The same periodic pass releases claims chat never confirmed (see ClaimsService) and removes expired data
 * exports.
 */
@Injectable()
export class RemovalService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<{ abandoned: number; released: number; expired: number }> | null = null;
  private readonly logger;

  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly files: FilesRepository,
    private readonly transactions: FileTransactions,
    private readonly events: FileEventsWriter,
    private readonly store: ObjectStore,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('removal');
  }

  onApplicationBootstrap(): void {
    const interval = this.config.FILE_CLEANUP_INTERVAL_SECONDS;
    if (interval === 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'cleanup failed'));
    }, interval * 1_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Deletes a deleted message's files, inside the consumer's transaction. */
  async removeMessageFiles(trx: Transaction<FileDatabase>, messageId: string): Promise<number> {
    return this.remove(trx, await this.files.ofMessage(trx, messageId), 'message_deleted');
  }

  /** Deletes a deleted emoji's image (its id is the emoji's), inside the consumer's transaction. */
  async removeEmojiFile(trx: Transaction<FileDatabase>, guildId: string, emojiId: string): Promise<number> {
    const row = await this.files.lock(trx, emojiId);
    if (!row || row.purpose !== 'emoji' || row.guildId !== guildId || row.status === 'deleted') return 0;
    return this.remove(trx, [row], 'emoji_deleted');
  }

  /**
   * Deletes every file posted in a deleted channel, or in any channel of a deleted guild (and the guild's
   * icon), in batches of REMOVAL_BATCH, one transaction each. Idempotent: a repeated event finds nothing.
   */
  async removeFilesIn(scope: { channelId: string } | { guildId: string }): Promise<number> {
    const reason = 'channelId' in scope ? 'channel_deleted' : 'guild_deleted';
    let total = 0;
    for (;;) {
      const removed = await this.transactions.run(async (trx) =>
        this.remove(trx, await this.files.lockLiveIn(trx, scope, REMOVAL_BATCH), reason),
      );
      total += removed;
      if (removed < REMOVAL_BATCH) break;
    }
    if (total > 0)
      this.logger.info({ ...scope, removed: total }, `removed the files of a ${reason.split('_')[0]}`);
    return total;
  }

  /**
   * Removes rows the caller locked in its transaction, as `reason` (another feature's removal: a deleted
   * account's files, account-deletion/). Objects first, then the rows marked deleted, as every removal.
   */
  removeLocked(
    trx: Transaction<FileDatabase>,
    rows: readonly FileRow[],
    reason: RemovalReason,
  ): Promise<number> {
    return this.remove(trx, rows, reason);
  }

  /**
   * One cleanup pass: abandoned uploads removed, unconfirmed claims released. Concurrent calls share the
   * pass; replicas skip each other's rows.
   */
  sweep(): Promise<{ abandoned: number; released: number; expired: number }> {
    this.sweeping ??= (async () => ({
      abandoned: await this.sweepAbandoned(),
      released: await this.releaseUnconfirmedClaims(),
      expired: await this.sweepExpired(),
    }))().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async sweepAbandoned(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.FILE_PENDING_MAX_AGE_SECONDS * 1_000);
    const total = await this.inBatches(async (trx) =>
      this.remove(trx, await this.files.lockAbandoned(trx, cutoff, REMOVAL_BATCH), 'expired'),
    );
    if (total > 0) this.logger.info({ removed: total }, 'removed abandoned uploads');
    return total;
  }

  /** Data exports past their expiry (FILE_EXPORT_TTL_SECONDS after completion). */
  private async sweepExpired(): Promise<number> {
    const total = await this.inBatches(async (trx) =>
      this.remove(trx, await this.files.lockExpired(trx, new Date(), REMOVAL_BATCH), 'expired'),
    );
    if (total > 0) this.logger.info({ removed: total }, 'removed expired data exports');
    return total;
  }

  /**
   * Chat claims files before inserting its message; when its transaction rolls back after the claim, no
   * message.created ever confirms it. Such claims older than FILE_CLAIM_CONFIRM_SECONDS are released.
   */
  private async releaseUnconfirmedClaims(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.FILE_CLAIM_CONFIRM_SECONDS * 1_000);
    const total = await this.inBatches(async (trx) => {
      const rows = await this.files.lockUnconfirmedClaims(trx, cutoff, REMOVAL_BATCH);
      await this.files.releaseClaims(
        trx,
        rows.map((row) => row.id),
      );
      return rows.length;
    });
    if (total > 0) this.logger.warn({ released: total }, 'released claims no message confirmed');
    return total;
  }

  private async inBatches(batch: (trx: Transaction<FileDatabase>) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.transactions.run(batch);
      total += done;
      if (done < REMOVAL_BATCH) return total;
    }
  }

  /** Aborts open multipart uploads, deletes the objects, marks the (locked) rows deleted, announces it. */
  private async remove(
    trx: Transaction<FileDatabase>,
    rows: readonly FileRow[],
    reason: RemovalReason,
  ): Promise<number> {
    for (const row of rows) {
      if (row.uploadId !== null) await this.store.abortMultipart(row.objectKey, row.uploadId);
    }
    await this.store.delete(rows.flatMap((row) => objectKeys.all(row.id)));
    const deleted = await this.files.markDeleted(
      trx,
      rows.map((row) => row.id),
    );
    for (const row of deleted) {
      await this.events.add(trx, 'files.object.deleted', row.id, { fileId: row.id, reason });
    }
    return deleted.length;
  }
}
