import type {
  ExportCompleted,
  ExportFileLinksAnswer,
  ExportUploadRequest,
  ExportUploadTicket,
} from '@bonfire/contracts';
import { ERROR, isSnowflake } from '@bonfire/contracts';
import { AppError, SnowflakeGenerator } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from '../config';
import { FileTransactions } from '../database/file-transactions';
import { FileEventsWriter } from '../events/file-events.writer';
import type { FileRow } from '../files/file-view';
import { FilesRepository } from '../files/files.repository';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { unknownFile } from '../uploads/uploads.service';

/** A ZIP archive starts with a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Data export archives (issue 21 item 4), for chat's export worker on behalf of the exporting user (the
 * signed caller): a presigned single PUT for the finished ZIP (purpose `export`, owned by the user),
 * its completion (size and ZIP signature checked; ready until FILE_EXPORT_TTL_SECONDS from now, then
 * the cleanup removes it), and short-lived links to the bytes of the user's own files for the archive.
 * Only the owner may download an export (DownloadsService), never through the public route.
 */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly files: FilesRepository,
    private readonly transactions: FileTransactions,
    private readonly events: FileEventsWriter,
    private readonly store: ObjectStore,
    private readonly ids: SnowflakeGenerator,
  ) {}

  async requestUpload(ownerId: string, request: ExportUploadRequest): Promise<ExportUploadTicket> {
    if (request.size > this.config.FILE_MAX_EXPORT_BYTES) {
      throw new AppError(
        ERROR.PAYLOAD_TOO_LARGE,
        `An export may have at most ${this.config.FILE_MAX_EXPORT_BYTES} bytes.`,
      );
    }
    const id = this.ids.next();
    const key = objectKeys.original(id);
    await this.files.insert(this.files.executor, {
      id,
      purpose: 'export',
      ownerId,
      channelId: null,
      guildId: null,
      filename: request.filename,
      contentType: 'application/zip',
      size: request.size,
      objectKey: key,
      uploadId: null,
      partSize: null,
    });
    const uploadUrl = await this.store.presignPut(key, {
      contentType: 'application/zip',
      size: request.size,
      expiresIn: this.config.FILE_UPLOAD_URL_TTL_SECONDS,
    });
    return { id, uploadUrl, headers: { 'content-type': 'application/zip' } };
  }

  async complete(ownerId: string, fileId: string): Promise<ExportCompleted> {
    const row = isSnowflake(fileId) ? await this.files.find(this.files.executor, fileId) : null;
    if (!row || row.ownerId !== ownerId || row.purpose !== 'export' || row.status === 'deleted') {
      throw unknownFile();
    }
    if (row.status === 'ready') return completed(row);
    const stored = await this.store.size(row.objectKey);
    if (stored === null) {
      throw new AppError(ERROR.UPLOAD_MISSING, 'Nothing was uploaded for this export yet.');
    }
    const head = stored === Number(row.size) ? await this.store.head(row.objectKey, ZIP_MAGIC.length) : null;
    if (head === null || !head.equals(ZIP_MAGIC)) {
      await this.store.delete(objectKeys.all(row.id));
      await this.transactions.run(async (trx) => {
        const deleted = await this.files.markDeleted(trx, [row.id]);
        if (deleted.length > 0) {
          await this.events.add(trx, 'files.object.deleted', row.id, { fileId: row.id, reason: 'rejected' });
        }
      });
      throw new AppError(ERROR.TYPE_MISMATCH, 'The export is not a ZIP of the declared size.');
    }
    const expiresAt = new Date(Date.now() + this.config.FILE_EXPORT_TTL_SECONDS * 1_000);
    return completed(await this.files.markExportReady(this.files.executor, row.id, expiresAt));
  }

  /** Links to the bytes of the owner's own ready files among `fileIds` (others are left out). */
  async fileLinks(ownerId: string, fileIds: readonly string[]): Promise<ExportFileLinksAnswer> {
    const rows = await this.files.readyOwnedBy(this.files.executor, ownerId, [...new Set(fileIds)]);
    const ttl = this.config.FILE_DOWNLOAD_URL_TTL_SECONDS;
    const files = await Promise.all(
      rows
        .filter((row) => row.purpose !== 'export')
        .map(async (row) => ({
          id: row.id,
          size: Number(row.size),
          url: await this.store.presignGet(row.objectKey, ttl, {
            contentType: 'application/octet-stream',
            disposition: 'attachment',
          }),
        })),
    );
    return { files };
  }
}

function completed(row: FileRow): ExportCompleted {
  return { id: row.id, size: Number(row.size), expiresAt: row.expiresAt!.toISOString() };
}
