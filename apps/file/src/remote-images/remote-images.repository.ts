import { Injectable } from '@nestjs/common';
import type { FileExecutor } from '../database/file-transactions';

interface RemoteImageFile {
  id: string;
  ownerId: string;
  channelId: string;
  guildId: string | null;
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
  objectKey: string;
  width: number;
  height: number;
}

/** The rows of proxied embed images: ready attachments of their message from the start (no upload, no claim). */
@Injectable()
export class RemoteImagesRepository {
  async insertReady(db: FileExecutor, file: RemoteImageFile): Promise<void> {
    const now = new Date();
    await db
      .insertInto('files')
      .values({
        id: file.id,
        purpose: 'attachment',
        status: 'ready',
        ownerId: file.ownerId,
        channelId: file.channelId,
        guildId: file.guildId,
        messageId: file.messageId,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        objectKey: file.objectKey,
        width: file.width,
        height: file.height,
        thumbnails: true,
        completedAt: now,
        claimedAt: now,
        claimConfirmedAt: now,
        deletedAt: null,
      })
      .execute();
  }
}
