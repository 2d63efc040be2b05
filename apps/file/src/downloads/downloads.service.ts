import { ERROR, has, isSnowflake, PERMISSIONS } from '@bonfire/contracts';
import { AppError, type CallerIdentity } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ChatAccessClient } from '../chat/chat-access.client';
import { FILE_CONFIG, type FileConfig, type ThumbnailSize } from '../config';
import type { FileRow } from '../files/file-view';
import { FilesRepository } from '../files/files.repository';
import { ObjectStore, objectKeys } from '../storage/object-store';
import { THUMBNAIL_TYPES } from '../uploads/type-decision';
import { unknownFile } from '../uploads/uploads.service';

/**
 * Downloads answer with a short-lived presigned GET. Attachments: only for users who can currently read
 * the channel where they were posted (asked of chat every time), and, before a message claims them, for
 * their uploader. Data exports: only for their owner, until they expire. Avatars and guild icons are
 * public. Anyone else gets 404: existence is not leaked.
 */
@Injectable()
export class DownloadsService {
  constructor(
    @Inject(FILE_CONFIG) private readonly config: FileConfig,
    private readonly files: FilesRepository,
    private readonly store: ObjectStore,
    private readonly chat: ChatAccessClient,
  ) {}

  async attachmentUrl(
    caller: CallerIdentity,
    fileId: string,
    size: ThumbnailSize | undefined,
  ): Promise<string> {
    const row = await this.readyFile(fileId);
    if (row.purpose === 'export') {
      // A data export: its owner's alone, until it expires (the cleanup then removes it).
      if (row.ownerId !== caller.userId || (row.expiresAt !== null && row.expiresAt <= new Date())) {
        throw unknownFile();
      }
    } else if (row.purpose === 'attachment') {
      if (row.messageId === null) {
        if (row.ownerId !== caller.userId) throw unknownFile();
      } else {
        const permissions = await this.chat.channelPermissions(caller, row.channelId!);
        if (permissions === null || !has(permissions, PERMISSIONS.READ_MESSAGE_HISTORY)) throw unknownFile();
      }
    }
    return this.presign(row, size);
  }

  /** Avatars and guild icons, for anyone. */
  async publicUrl(fileId: string, size: ThumbnailSize | undefined): Promise<string> {
    const row = await this.readyFile(fileId);
    if (row.purpose === 'attachment' || row.purpose === 'export') throw unknownFile();
    return this.presign(row, size);
  }

  private async readyFile(fileId: string): Promise<FileRow> {
    const row = isSnowflake(fileId) ? await this.files.find(this.files.executor, fileId) : null;
    if (!row || row.status !== 'ready') throw unknownFile();
    return row;
  }

  private presign(row: FileRow, size: ThumbnailSize | undefined): Promise<string> {
    const ttl = this.config.FILE_DOWNLOAD_URL_TTL_SECONDS;
    if (size !== undefined) {
      if (!row.thumbnails) {
        throw new AppError(ERROR.NO_THUMBNAIL, 'This file has no thumbnails.');
      }
      return this.store.presignGet(objectKeys.thumbnail(row.id, size), ttl, {
        contentType: 'image/webp',
        disposition: 'inline',
      });
    }
    // Only images the service verified are shown inline; anything else downloads (no HTML on the store's origin).
    const inline = THUMBNAIL_TYPES.has(row.contentType);
    return this.store.presignGet(row.objectKey, ttl, {
      contentType: row.contentType,
      disposition: `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
    });
  }
}
