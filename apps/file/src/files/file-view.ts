import type { Attachment, FileObject } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import type { FilesTable } from '../database/schema';

export type FileRow = Selectable<FilesTable>;

export function toFileObject(row: FileRow): FileObject {
  return {
    id: row.id,
    purpose: row.purpose,
    status: row.status,
    ownerId: row.owner_id,
    channelId: row.channel_id,
    guildId: row.guild_id,
    messageId: row.message_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    width: row.width,
    height: row.height,
    thumbnails: row.thumbnails,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

/** The file as a message carries it. */
export function toAttachment(row: FileRow): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    width: row.width,
    height: row.height,
  };
}
