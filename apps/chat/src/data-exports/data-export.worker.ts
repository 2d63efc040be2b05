import { ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ChatTransactions } from '../database/chat-transactions';
import { ExportAccountClient } from './export-account.client';
import { ExportArchiveBuilder } from './export-archive.builder';
import { ExportFilesClient } from './export-files.client';
import { type DataExportRow, DataExportsRepository } from './data-exports.repository';
import { DataExportsService } from './data-exports.service';

/** Progress events are sent at most this often (the last one, 100 %, always). */
const PROGRESS_EVENT_MS = 500;

/**
 * Runs data export jobs, at most CHAT_DATA_EXPORT_CONCURRENCY at once per process. A job is taken from
 * the table (pending, or running with a heartbeat older than CHAT_DATA_EXPORT_LEASE_SECONDS: its worker
 * died) at boot, every CHAT_DATA_EXPORT_POLL_MS and at once when requested here; so a job a crash left
 * running is taken again once its lease lapses, by this process after a restart or by another replica.
 * After CHAT_DATA_EXPORT_MAX_ATTEMPTS takes it fails. The archive is built in a temporary file
 * (ExportArchiveBuilder), uploaded through the file service, and the temporary file removed.
 */
@Injectable()
export class DataExportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly running = new Set<Promise<void>>();
  private readonly runningIds = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopping = false;
  private readonly logger;

  constructor(
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    private readonly repository: DataExportsRepository,
    private readonly transactions: ChatTransactions,
    private readonly service: DataExportsService,
    private readonly builder: ExportArchiveBuilder,
    private readonly files: ExportFilesClient,
    private readonly account: ExportAccountClient,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('data-exports');
  }

  onApplicationBootstrap(): void {
    if (!this.config.CHAT_DATA_EXPORTS_ENABLED) return;
    this.service.onRequested = () => this.poll();
    this.timer = setInterval(() => this.poll(), this.config.CHAT_DATA_EXPORT_POLL_MS);
    this.timer.unref();
    this.poll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.service.onRequested = null;
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    // Jobs still running are left to their lease: another replica (or this one, restarted) takes them.
    await Promise.race([Promise.all(this.running), new Promise((wait) => setTimeout(wait, 5_000).unref())]);
  }

  /** Takes jobs while slots are free (calls while a poll runs join it). */
  poll(): Promise<void> {
    this.polling ??= this.fill()
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not take export jobs'))
      .finally(() => {
        this.polling = null;
      });
    return this.polling;
  }

  /** Resolves when no job runs in this process (tests). */
  async idle(): Promise<void> {
    await this.polling;
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private async fill(): Promise<void> {
    while (!this.stopping && this.running.size < this.config.CHAT_DATA_EXPORT_CONCURRENCY) {
      const cutoff = new Date(Date.now() - this.config.CHAT_DATA_EXPORT_LEASE_SECONDS * 1_000);
      const job = await this.transactions.run(async (trx) => {
        const row = await this.repository.claimNext(trx, cutoff, [...this.runningIds]);
        if (row) await this.service.announce(trx, row);
        return row;
      });
      if (!job) return;
      this.runningIds.add(job.id);
      const run: Promise<void> = this.run(job).finally(() => {
        this.running.delete(run);
        this.runningIds.delete(job.id);
        if (!this.stopping) void this.poll();
      });
      this.running.add(run);
    }
  }

  private async run(job: DataExportRow): Promise<void> {
    if (job.attempts > this.config.CHAT_DATA_EXPORT_MAX_ATTEMPTS) {
      await this.fail(job, `gave up after ${job.attempts - 1} attempts`);
      return;
    }
    const log = this.logger.child({ exportId: job.id, userId: job.userId, attempt: job.attempts });
    let progress = 0;
    let lastEvent = 0;
    const heartbeat = setInterval(
      () => {
        this.update(job.id, progress, false).catch((error: unknown) =>
          log.warn({ err: error }, 'export heartbeat failed'),
        );
      },
      Math.max(1_000, (this.config.CHAT_DATA_EXPORT_LEASE_SECONDS * 1_000) / 3),
    );
    heartbeat.unref();
    let dir: string | null = null;
    try {
      const account = await this.account.account(job.userId);
      const archive = await this.builder.build(job.userId, account, async (value) => {
        progress = value;
        const announce = Date.now() - lastEvent >= PROGRESS_EVENT_MS;
        if (announce) lastEvent = Date.now();
        await this.update(job.id, value, announce);
      });
      dir = archive.dir;
      const stamp = job.createdAt.toISOString().slice(0, 10);
      const uploaded = await this.files.uploadArchive(
        job.userId,
        archive.path,
        archive.size,
        `bonfire-export-${stamp}-${job.id}.zip`,
      );
      await this.transactions.run(async (trx) => {
        const row = await this.repository.ready(trx, job.id, {
          fileId: uploaded.id,
          size: uploaded.size,
          expiresAt: new Date(uploaded.expiresAt),
        });
        if (row) await this.service.announce(trx, row);
      });
      log.info({ size: archive.size, fileId: uploaded.id }, 'data export ready');
    } catch (error) {
      log.error({ err: error }, 'data export failed');
      await this.fail(job, error instanceof Error ? error.message : String(error)).catch((failure: unknown) =>
        log.error({ err: failure }, 'could not record the failed export'),
      );
    } finally {
      clearInterval(heartbeat);
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }

  private async update(id: string, progress: number, announce: boolean): Promise<void> {
    await this.transactions.run(async (trx) => {
      const row = await this.repository.progress(trx, id, progress);
      if (row && announce) await this.service.announce(trx, row);
    });
  }

  private async fail(job: DataExportRow, reason: string): Promise<void> {
    await this.transactions.run(async (trx) => {
      const row = await this.repository.failed(trx, job.id, reason);
      if (row) await this.service.announce(trx, row);
    });
  }
}
