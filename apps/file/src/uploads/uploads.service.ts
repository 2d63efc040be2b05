import type { FileObject, UploadRequest, UploadTicket } from '@bonfire/contracts';
import { AppError, type CallerIdentity, createLogger, SnowflakeGenerator } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { ChatAccessClient } from '../chat/chat-access.client';
import { FILE_CONFIG, type FileConfig } from '../config';
import { FileTransactions } from '../database/file-transactions';
import { FileEventsWriter } from '../events/file-events.writer';
import { type FileRow, toFileObject } from '../files/file-view';
import { FilesRepository } from '../files/files.repository';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { renderThumbnails } from './thumbnails';
import { decideType } from './type-decision';
import { checkUploadRequest, normaliseType, UPLOAD_ERRORS, type UploadLimits } from './upload-rules';

/** Bytes read from the start of an upload to sniff its real type. */
export const SNIFF_BYTES = 4_096;

export type UploadTarget =
  { purpose: 'attachment'; channelId: string } | { purpose: 'avatar' } | { purpose: 'icon'; guildId: string };

/**
 * The upload flow: request (limits and permission checked, a pending row, a presigned PUT) → the client
 * PUTs the bytes to the store → complete (size, sniffed type, thumbnails checked and made, then ready and
 * files.object.ready in the same transaction).
 */
@Injectable()
export class UploadsService {
  private readonly limits: UploadLimits;
  private readonly logger;

  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly files: FilesRepository,
    private readonly transactions: FileTransactions,
    private readonly events: FileEventsWriter,
    private readonly store: ObjectStore,
    private readonly chat: ChatAccessClient,
    private readonly ids: SnowflakeGenerator,
  ) {
    this.limits = {
      maxAttachmentBytes: config.FILE_MAX_ATTACHMENT_BYTES,
      maxAvatarBytes: config.FILE_MAX_AVATAR_BYTES,
      avatarTypes: config.FILE_AVATAR_TYPES,
    };
    this.logger = createLogger('file', config.LOG_LEVEL).child({ component: 'uploads' });
  }

  async request(caller: CallerIdentity, target: UploadTarget, body: UploadRequest): Promise<UploadTicket> {
    checkUploadRequest(target.purpose, body, this.limits);
    let channelId: string | null = null;
    let guildId: string | null = null;
    if (target.purpose === 'attachment') {
      await this.chat.requireChannel(caller, target.channelId, ['SEND_MESSAGES', 'ATTACH_FILES']);
      channelId = target.channelId;
    } else if (target.purpose === 'icon') {
      await this.chat.requireGuild(caller, target.guildId, ['MANAGE_GUILD']);
      guildId = target.guildId;
    }
    const id = this.ids.next();
    const contentType = normaliseType(body.contentType);
    const key = objectKeys.original(id);
    await this.files.insert(this.files.executor, {
      id,
      purpose: target.purpose,
      ownerId: caller.userId,
      channelId,
      guildId,
      filename: body.filename,
      contentType,
      size: body.size,
      objectKey: key,
    });
    const ttl = this.config.FILE_UPLOAD_URL_TTL_SECONDS;
    const uploadUrl = await this.store.presignPut(key, contentType, ttl);
    return {
      id,
      uploadUrl,
      method: 'PUT',
      headers: { 'content-type': contentType },
      expiresAt: new Date(Date.now() + ttl * 1_000).toISOString(),
    };
  }

  /**
   * Verifies an upload and makes it ready. Only its uploader may complete it; completing a ready file
   * again answers the same. A wrong size or a refused type deletes the object and the upload.
   */
  async complete(caller: CallerIdentity, fileId: string): Promise<FileObject> {
    const row = /^\d{1,19}$/.test(fileId) ? await this.files.find(this.files.executor, fileId) : null;
    if (!row || row.owner_id !== caller.userId || row.status === 'deleted') throw unknownFile();
    if (row.status === 'ready') return toFileObject(row);

    const declared = Number(row.size);
    const stored = await this.store.size(row.object_key);
    if (stored === null) {
      throw new AppError(400, UPLOAD_ERRORS.uploadMissing, 'Nothing was uploaded for this file yet.');
    }
    if (stored !== declared) {
      await this.reject(row);
      throw new AppError(
        400,
        UPLOAD_ERRORS.sizeMismatch,
        `The upload has ${stored} bytes, not the ${declared} declared; request a new upload.`,
      );
    }
    const head = await this.store.head(row.object_key, SNIFF_BYTES);
    const sniffed = await fileTypeFromBuffer(head);
    const decision = decideType(row.purpose, row.content_type, sniffed?.mime, this.limits.avatarTypes);
    if (!decision.accepted) {
      await this.reject(row);
      throw new AppError(400, UPLOAD_ERRORS.typeMismatch, `The file was refused: ${decision.reason}.`);
    }

    let image: { width: number; height: number } | null = null;
    if (decision.image) {
      try {
        const rendered = await renderThumbnails(await this.store.read(row.object_key));
        await Promise.all([
          this.store.put(objectKeys.thumbnail(row.id, 'small'), rendered.thumbnails.small, 'image/webp'),
          this.store.put(objectKeys.thumbnail(row.id, 'large'), rendered.thumbnails.large, 'image/webp'),
        ]);
        image = { width: rendered.width, height: rendered.height };
      } catch (error) {
        this.logger.info({ err: error, fileId: row.id }, 'image could not be decoded');
        await this.reject(row);
        throw new AppError(
          400,
          UPLOAD_ERRORS.typeMismatch,
          'The file was refused: the image cannot be decoded.',
        );
      }
    }

    return this.transactions.run(async (trx) => {
      const locked = await this.files.lock(trx, row.id);
      if (!locked || locked.status === 'deleted') throw unknownFile();
      if (locked.status === 'ready') return toFileObject(locked);
      const ready = await this.files.markReady(trx, row.id, {
        contentType: decision.contentType,
        width: image?.width ?? null,
        height: image?.height ?? null,
        thumbnails: image !== null,
      });
      const file = toFileObject(ready);
      await this.events.add(trx, 'files.object.ready', ready.id, { file });
      return file;
    });
  }

  /** A refused upload: its objects and its row go. */
  private async reject(row: FileRow): Promise<void> {
    await this.store.delete(objectKeys.all(row.id));
    await this.transactions.run(async (trx) => {
      const deleted = await this.files.markDeleted(trx, [row.id]);
      if (deleted.length > 0) {
        await this.events.add(trx, 'files.object.deleted', row.id, { fileId: row.id, reason: 'rejected' });
      }
    });
  }
}

export function unknownFile(): AppError {
  return AppError.notFound('Unknown file.', UPLOAD_ERRORS.unknownFile);
}
