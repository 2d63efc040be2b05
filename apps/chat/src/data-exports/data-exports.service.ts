import { ERROR, type DataExport } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator, type Transaction } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import { ChatEventsWriter } from '../events/chat-events.writer';
import { type DataExportRow, DataExportsRepository } from './data-exports.repository';

/** Exports listed (newest first). */
const LIST_LIMIT = 20;

/** The public shape of a job; a ready archive past its expiry is `expired`. */
export function toDataExport(row: DataExportRow, now = new Date()): DataExport {
  const expired = row.status === 'ready' && row.expiresAt !== null && row.expiresAt <= now;
  const ready = row.status === 'ready' && !expired;
  return {
    id: row.id,
    status: expired ? 'expired' : row.status,
    progress: row.progress,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    fileId: ready ? row.fileId : null,
    downloadUrl: ready && row.fileId ? `/api/v1/attachments/${row.fileId}` : null,
    size: row.size === null ? null : Number(row.size),
  };
}

/**
 * Data export requests (issue 21 item 4). A user has at most one export pending or running (another
 * request is 409 DATA_EXPORT_IN_PROGRESS) and starts at most one per CHAT_DATA_EXPORT_INTERVAL_SECONDS
 * (24 h; sooner is 429 DATA_EXPORT_TOO_SOON with Retry-After; a failed export does not count). The
 * DataExportWorker builds the archive; every change of a job is a `data_export.updated` to its user.
 */
@Injectable()
export class DataExportsService {
  /** Set by the worker: a new request starts at once instead of at the next poll. */
  onRequested: (() => void) | null = null;

  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly repository: DataExportsRepository,
    private readonly transactions: ChatTransactions,
    private readonly events: ChatEventsWriter,
    private readonly ids: SnowflakeGenerator,
  ) {}

  async request(userId: string): Promise<DataExport> {
    const created = await this.transactions.run(async (trx) => {
      await this.repository.lockRequestsOf(trx, userId);
      const latest = await this.repository.latestNotFailed(trx, userId);
      if (latest && (latest.status === 'pending' || latest.status === 'running')) {
        throw new AppError(ERROR.DATA_EXPORT_IN_PROGRESS, 'An export of your data is already under way.');
      }
      const interval = this.config.CHAT_DATA_EXPORT_INTERVAL_SECONDS * 1_000;
      const wait = latest ? latest.createdAt.getTime() + interval - Date.now() : 0;
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1_000);
        throw new AppError(
          ERROR.DATA_EXPORT_TOO_SOON,
          `You can request one export every ${duration(this.config.CHAT_DATA_EXPORT_INTERVAL_SECONDS)}; ` +
            `try again in ${duration(seconds)}.`,
          { headers: { 'retry-after': String(seconds) } },
        );
      }
      const row = await this.repository.insert(trx, this.ids.next(), userId);
      await this.announce(trx, row);
      return row;
    });
    this.onRequested?.();
    return toDataExport(created);
  }

  async list(userId: string): Promise<DataExport[]> {
    const rows = await this.repository.listOf(this.transactions.executor, userId, LIST_LIMIT);
    const now = new Date();
    return rows.map((row) => toDataExport(row, now));
  }

  /** The job's new state to its user's own sessions, in the transaction that changed it. */
  announce(trx: Transaction<ChatDatabase>, row: DataExportRow): Promise<void> {
    return this.events.add(trx, 'data_export.updated', row.userId, {
      userId: row.userId,
      export: toDataExport(row),
    });
  }
}

/** "24 hours", "1 hour", "5 minutes", "30 seconds" (rounded up). */
export function duration(seconds: number): string {
  const [amount, unit] =
    seconds >= 3_600
      ? [Math.ceil(seconds / 3_600), 'hour']
      : seconds >= 60
        ? [Math.ceil(seconds / 60), 'minute']
        : [seconds, 'second'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
