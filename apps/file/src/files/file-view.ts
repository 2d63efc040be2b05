import type { Attachment, FileObject } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import type { FilesTable } from '../database/schema';

export type FileRow = Selectable<FilesTable>;

export function toFileObject(row: FileRow): FileObject {
  return {
    id: row.id,
    purpose: row.purpose,
    status: row.status,
    ownerId: row.ownerId,
    channelId: row.channelId,
    guildId: row.guildId,
    messageId: row.messageId,
    filename: row.filename,
    contentType: row.contentType,
    size: Number(row.size),
    width: row.width,
    height: row.height,
    thumbnails: row.thumbnails,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** The file as a message carries it. */
export function toAttachment(row: FileRow): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: Number(row.size),
    width: row.width,
    height: row.height,
  };
}
