import {
  ERROR,
  type CompleteUploadRequest,
  type FileObject,
  isSnowflake,
  type UploadRequest,
  type UploadTicket,
} from '@bonfire/contracts';
import { AppError, type CallerIdentity, ServiceLogger, SnowflakeGenerator } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { ChatAccessClient } from '../chat/chat-access.client';
import { FILE_CONFIG, type FileConfig } from '../config';
import { type FileExecutor, FileTransactions } from '../database/file-transactions';
import { FileEventsWriter } from '../events/file-events.writer';
import { type FileRow, toFileObject } from '../files/file-view';
import { FilesRepository, type NewFile } from '../files/files.repository';
import { ObjectStore, objectKeys } from '../storage/object-store';
import type { RenderedEmoji } from './emoji-image';
import { ImageProcessor } from './image-processor';
import { ImageTooLargeError, type RenderedImage } from './thumbnails';
import { decideType } from './type-decision';
import {
  checkCompletedParts,
  checkUploadRequest,
  invalidParts,
  normaliseType,
  planParts,
  type UploadLimits,
} from './upload-rules';

/** Bytes read from the start of an upload to sniff its real type. */
const SNIFF_BYTES = 4_096;

type UploadTarget =
  | { purpose: 'attachment'; channelId: string }
  | { purpose: 'avatar' }
  | { purpose: 'icon'; guildId: string }
  | { purpose: 'emoji'; guildId: string };

/**
 * The upload flow: request (limits and permission checked, a pending row, a presigned PUT — or, above
 * FILE_MULTIPART_THRESHOLD_BYTES, a multipart upload with one presigned URL per part) → the client
 * PUTs the bytes to the store → complete (multipart: the parts assembled with the client's ETags; then
 * size, sniffed type, thumbnails checked and made, then ready and files.object.ready in one transaction).
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
    private readonly images: ImageProcessor,
    logger: ServiceLogger,
  ) {
    this.limits = {
      maxAttachmentBytes: config.FILE_MAX_ATTACHMENT_BYTES,
      maxAvatarBytes: config.FILE_MAX_AVATAR_BYTES,
      avatarTypes: config.FILE_AVATAR_TYPES,
      maxEmojiBytes: config.FILE_MAX_EMOJI_BYTES,
    };
    this.logger = logger.for('uploads');
  }

  async request(caller: CallerIdentity, target: UploadTarget, body: UploadRequest): Promise<UploadTicket> {
    checkUploadRequest(target.purpose, body, this.limits);
    let channelId: string | null = null;
    let guildId: string | null = null;
    if (target.purpose === 'attachment') {
      const access = await this.chat.requireChannel(caller, target.channelId, [
        'SEND_MESSAGES',
        'ATTACH_FILES',
      ]);
      channelId = target.channelId;
      // Kept so that a deleted guild's attachments can be found (guild.deleted names only the guild).
      guildId = access.guildId;
    } else if (target.purpose === 'icon') {
      await this.chat.requireGuild(caller, target.guildId, ['MANAGE_GUILD']);
      guildId = target.guildId;
    } else if (target.purpose === 'emoji') {
      await this.chat.requireGuild(caller, target.guildId, ['MANAGE_EMOJIS']);
      guildId = target.guildId;
    }
    // Checked before anything is opened at the store; checked again, under the user's lock, with the insert.
    await this.checkOpenUploads(this.files.executor, caller.userId);
    const id = this.ids.next();
    const contentType = normaliseType(body.contentType);
    const key = objectKeys.original(id);
    const ttl = this.config.FILE_UPLOAD_URL_TTL_SECONDS;
    const expiresAt = new Date(Date.now() + ttl * 1_000).toISOString();
    const row = {
      id,
      purpose: target.purpose,
      ownerId: caller.userId,
      channelId,
      guildId,
      filename: body.filename,
      contentType,
      size: body.size,
      objectKey: key,
    };
    if (body.size <= this.config.FILE_MULTIPART_THRESHOLD_BYTES) {
      await this.insertOpenUpload({ ...row, uploadId: null, partSize: null });
      const uploadUrl = await this.store.presignPut(key, { contentType, size: body.size, expiresIn: ttl });
      return { id, uploadUrl, method: 'PUT', headers: { 'content-type': contentType }, expiresAt };
    }

    // The upload is opened before the row exists, so a row never points at an upload that was not made;
    // if the row cannot be written the upload is aborted (the sweep cannot find it without a row).
    const partSize = this.config.FILE_MULTIPART_PART_BYTES;
    const uploadId = await this.store.createMultipart(key, contentType);
    try {
      await this.insertOpenUpload({ ...row, uploadId, partSize });
    } catch (error) {
      await this.store.abortMultipart(key, uploadId).catch((abortError: unknown) => {
        this.logger.warn({ err: abortError, fileId: id }, 'could not abort an unrecorded multipart upload');
      });
      throw error;
    }
    const parts = await Promise.all(
      planParts(body.size, partSize).map(async (part) => ({
        ...part,
        url: await this.store.presignPart(key, uploadId, part.partNumber, {
          size: part.size,
          expiresIn: ttl,
        }),
      })),
    );
    return {
      id,
      uploadUrl: parts[0]!.url,
      method: 'multipart',
      headers: {},
      expiresAt,
      multipart: { partSize, parts },
    };
  }

  /**
   * Verifies an upload and makes it ready. Only its uploader may complete it; completing a ready file
   * again answers the same. A multipart upload is first assembled from the parts the client names (wrong
   * or missing ETags: 400 INVALID_PARTS, the upload stays open for another try). A wrong size or a refused
   * type deletes the object and the upload.
   */
  async complete(
    caller: CallerIdentity,
    fileId: string,
    body: CompleteUploadRequest = {},
  ): Promise<FileObject> {
    const row = isSnowflake(fileId) ? await this.files.find(this.files.executor, fileId) : null;
    if (!row || row.ownerId !== caller.userId || row.status === 'deleted') throw unknownFile();
    if (row.status === 'ready') return toFileObject(row);

    if (row.uploadId !== null) {
      await this.assemble(row, row.uploadId, body);
    } else if (body.parts !== undefined && row.partSize === null) {
      throw invalidParts([
        { field: 'body.parts', code: 'unexpected', message: 'this upload is a single PUT; send no parts' },
      ]);
    }

    const declared = Number(row.size);
    const stored = await this.store.size(row.objectKey);
    if (stored === null) {
      throw new AppError(ERROR.UPLOAD_MISSING, 'Nothing was uploaded for this file yet.');
    }
    if (stored !== declared) {
      await this.reject(row);
      throw new AppError(
        ERROR.SIZE_MISMATCH,
        `The upload has ${stored} bytes, not the ${declared} declared; request a new upload.`,
      );
    }
    const head = await this.store.head(row.objectKey, SNIFF_BYTES);
    const sniffed = await fileTypeFromBuffer(head);
    const decision = decideType(row.purpose, row.contentType, sniffed?.mime, this.limits.avatarTypes);
    if (!decision.accepted) {
      await this.reject(row);
      throw new AppError(ERROR.TYPE_MISMATCH, `The file was refused: ${decision.reason}.`);
    }

    let image: { width: number; height: number } | null = null;
    let emoji: { size?: number; animated: boolean } | null = null;
    if (decision.image && row.purpose === 'emoji') {
      const rendered = await this.renderEmoji(row, decision.contentType);
      image = { width: rendered.width, height: rendered.height };
      emoji = {
        animated: rendered.animated,
        ...(rendered.size !== undefined ? { size: rendered.size } : {}),
      };
    } else if (decision.image) {
      let rendered: RenderedImage;
      try {
        rendered = await this.images.render(() => this.store.read(row.objectKey));
      } catch (error) {
        if (!(error instanceof ImageTooLargeError)) throw await this.undecodable(row, error);
        this.logger.info({ fileId: row.id, reason: error.message }, 'image too large to decode');
        await this.reject(row);
        throw new AppError(ERROR.IMAGE_TOO_LARGE, `The file was refused: ${error.message}.`);
      }
      try {
        await Promise.all([
          this.store.put(objectKeys.thumbnail(row.id, 'small'), rendered.thumbnails.small, 'image/webp'),
          this.store.put(objectKeys.thumbnail(row.id, 'large'), rendered.thumbnails.large, 'image/webp'),
        ]);
        image = { width: rendered.width, height: rendered.height };
      } catch (error) {
        throw await this.undecodable(row, error);
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
        ...(emoji ?? {}),
      });
      const file = toFileObject(ready);
      await this.events.add(trx, 'files.object.ready', ready.id, { file });
      return file;
    });
  }

  /**
   * An emoji image: scaled down to 128×128 when larger (animation kept; the original object replaced),
   * its still first frame stored as both thumbnails. Undecodable or too large: refused like any image.
   */
  private async renderEmoji(
    row: FileRow,
    contentType: string,
  ): Promise<{ width: number; height: number; animated: boolean; size?: number }> {
    let rendered: RenderedEmoji;
    try {
      rendered = await this.images.renderEmoji(() => this.store.read(row.objectKey), contentType);
    } catch (error) {
      if (!(error instanceof ImageTooLargeError)) throw await this.undecodable(row, error);
      await this.reject(row);
      throw new AppError(ERROR.IMAGE_TOO_LARGE, `The file was refused: ${error.message}.`);
    }
    try {
      await Promise.all([
        ...(rendered.resized ? [this.store.put(row.objectKey, rendered.resized, contentType)] : []),
        this.store.put(objectKeys.thumbnail(row.id, 'small'), rendered.still, 'image/webp'),
        this.store.put(objectKeys.thumbnail(row.id, 'large'), rendered.still, 'image/webp'),
      ]);
    } catch (error) {
      throw await this.undecodable(row, error);
    }
    return {
      width: rendered.width,
      height: rendered.height,
      animated: rendered.animated,
      ...(rendered.resized ? { size: rendered.resized.length } : {}),
    };
  }

  /**
   * Completes the multipart upload at the store. An upload the store no longer knows was completed by an
   * earlier call (or aborted: then the object is missing and the size check says so).
   */
  private async assemble(row: FileRow, uploadId: string, body: CompleteUploadRequest): Promise<void> {
    const expected = Math.ceil(Number(row.size) / row.partSize!);
    const parts = checkCompletedParts(body.parts, expected);
    const result = await this.store.completeMultipart(row.objectKey, uploadId, parts);
    if (!result.ok && !result.gone) {
      throw invalidParts([
        {
          field: 'body.parts',
          code: result.refused,
          message:
            'the object store refused the parts: every ETag must be the one its answer to that part’s PUT carried',
        },
      ]);
    }
    await this.files.uploadAssembled(this.files.executor, row.id);
  }

  /**
   * 409 TOO_MANY_OPEN_UPLOADS when the user already has FILE_MAX_OPEN_UPLOADS uploads open: pending and
   * younger than FILE_PENDING_MAX_AGE_SECONDS. Older ones have expired (the cleanup removes them) and
   * completed or refused ones are no longer pending: none of those count.
   */
  private async checkOpenUploads(db: FileExecutor, ownerId: string): Promise<void> {
    const cap = this.config.FILE_MAX_OPEN_UPLOADS;
    const maxAge = this.config.FILE_PENDING_MAX_AGE_SECONDS;
    const open = await this.files.countOpenUploads(db, ownerId, new Date(Date.now() - maxAge * 1_000));
    if (open < cap) return;
    throw new AppError(
      ERROR.TOO_MANY_OPEN_UPLOADS,
      `You have ${open} uploads in progress, the most allowed; complete them, or wait until they expire ` +
        `(${maxAge} seconds after they were requested).`,
    );
  }

  /** Writes the pending row, the open-upload cap checked again under the user's lock. */
  private async insertOpenUpload(file: NewFile): Promise<void> {
    await this.transactions.run(async (trx) => {
      await this.files.lockUploadsOf(trx, file.ownerId);
      await this.checkOpenUploads(trx, file.ownerId);
      await this.files.insert(trx, file);
    });
  }

  /** An image sharp cannot decode: refused as not being the image it claims to be. */
  private async undecodable(row: FileRow, error: unknown): Promise<AppError> {
    this.logger.info({ err: error, fileId: row.id }, 'image could not be decoded');
    await this.reject(row);
    return new AppError(ERROR.TYPE_MISMATCH, 'The file was refused: the image cannot be decoded.');
  }

  /** A refused upload: its objects, any open multipart upload, and its row go. */
  private async reject(row: FileRow): Promise<void> {
    if (row.uploadId !== null) await this.store.abortMultipart(row.objectKey, row.uploadId);
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
  return new AppError(ERROR.UNKNOWN_FILE, 'Unknown file.');
}
