import { createLogger, type Transaction } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';
import { FileTransactions } from '../database/file-transactions';
import type { FileDatabase } from '../database/schema';
import { FileEventsWriter } from '../events/file-events.writer';
import { FilesRepository } from '../files/files.repository';
import { ObjectStore, objectKeys } from '../storage/object-store';

const SWEEP_BATCH = 100;

/**
 * Takes files out of storage: the attachments of deleted messages, and uploads never completed (a
 * periodic sweep of pending rows older than FILE_PENDING_MAX_AGE_SECONDS). Objects go first — deleting
 * is idempotent — then the rows are marked deleted, so a failure in between is retried, never leaked.
 */
@Injectable()
export class RemovalService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;
  private readonly logger;

  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly files: FilesRepository,
    private readonly transactions: FileTransactions,
    private readonly events: FileEventsWriter,
    private readonly store: ObjectStore,
  ) {
    this.logger = createLogger('file', config.LOG_LEVEL).child({ component: 'removal' });
  }

  onApplicationBootstrap(): void {
    const interval = this.config.FILE_CLEANUP_INTERVAL_SECONDS;
    if (interval === 0) return;
    this.timer = setInterval(() => {
      this.sweepAbandoned().catch((error: unknown) =>
        this.logger.error({ err: error }, 'cleanup of abandoned uploads failed'),
      );
    }, interval * 1_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Deletes a deleted message's files, inside the consumer's transaction. */
  async removeMessageFiles(trx: Transaction<FileDatabase>, messageId: string): Promise<number> {
    const rows = await this.files.ofMessage(trx, messageId);
    await this.store.delete(rows.flatMap((row) => objectKeys.all(row.id)));
    const deleted = await this.files.markDeleted(
      trx,
      rows.map((row) => row.id),
    );
    for (const row of deleted) {
      await this.events.add(trx, 'files.object.deleted', row.id, {
        fileId: row.id,
        reason: 'message_deleted',
      });
    }
    return deleted.length;
  }

  /** One pass over abandoned uploads; returns how many were removed. Replicas skip each other's rows. */
  sweepAbandoned(): Promise<number> {
    this.sweeping ??= this.sweep().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async sweep(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.FILE_PENDING_MAX_AGE_SECONDS * 1_000);
    let total = 0;
    for (;;) {
      const removed = await this.transactions.run(async (trx) => {
        const rows = await this.files.lockAbandoned(trx, cutoff, SWEEP_BATCH);
        await this.store.delete(rows.flatMap((row) => objectKeys.all(row.id)));
        const deleted = await this.files.markDeleted(
          trx,
          rows.map((row) => row.id),
        );
        for (const row of deleted) {
          await this.events.add(trx, 'files.object.deleted', row.id, { fileId: row.id, reason: 'expired' });
        }
        return deleted.length;
      });
      total += removed;
      if (removed < SWEEP_BATCH) break;
    }
    if (total > 0) this.logger.info({ removed: total }, 'removed abandoned uploads');
    return total;
  }
}
