import { Injectable } from '@nestjs/common';
import type { FileExecutor } from '../database/file-transactions';

export interface RemoteImageFile {
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
        owner_id: file.ownerId,
        channel_id: file.channelId,
        guild_id: file.guildId,
        message_id: file.messageId,
        filename: file.filename,
        content_type: file.contentType,
        size: file.size,
        object_key: file.objectKey,
        width: file.width,
        height: file.height,
        thumbnails: true,
        completed_at: now,
        claimed_at: now,
        claim_confirmed_at: now,
        deleted_at: null,
      })
      .execute();
  }
}
