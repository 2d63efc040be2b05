import type { Message } from '@bonfire/contracts';

/** What `has:` can ask for. */
export const HAS_VALUES = ['link', 'file', 'image'] as const;
export type HasValue = (typeof HAS_VALUES)[number];

/** A message as stored in the index. Deleted messages stay as tombstones (see MessageIndexer). */
export interface MessageDocument {
  id: string;
  /** The id as a number (exact 64-bit range filters on ids). */
  seq: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  mentions: { userIds: string[]; roleIds: string[]; everyone: boolean };
  has: HasValue[];
  pinned: boolean;
  createdAt: string;
  editedAt: string | null;
  revision: number;
  deleted: boolean;
  indexedAt: string;
}

const LINK = /\bhttps?:\/\/\S+/i;

/** `has` values of a message: a link in the content, any attachment (file), an image attachment. */
function hasValues(message: Pick<Message, 'content' | 'attachments'>): HasValue[] {
  const values: HasValue[] = [];
  if (LINK.test(message.content)) values.push('link');
  if (message.attachments.length > 0) values.push('file');
  if (message.attachments.some((attachment) => attachment.contentType.startsWith('image/'))) {
    values.push('image');
  }
  return values;
}

export function toDocument(message: Message, indexedAt = new Date()): MessageDocument {
  return {
    id: message.id,
    seq: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.authorId,
    content: message.content,
    mentions: {
      userIds: message.mentions.userIds,
      roleIds: message.mentions.roleIds,
      everyone: message.mentions.everyone,
    },
    has: hasValues(message),
    pinned: message.pinned,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    revision: message.revision,
    deleted: false,
    indexedAt: indexedAt.toISOString(),
  };
}

/** What remains of a deleted message: enough to keep a late update from resurrecting it. */
export type MessageTombstone = Pick<
  MessageDocument,
  'id' | 'channelId' | 'guildId' | 'revision' | 'deleted' | 'indexedAt'
>;

export function tombstone(
  data: { messageId: string; channelId: string; guildId: string | null; revision: number },
  indexedAt = new Date(),
): MessageTombstone {
  return {
    id: data.messageId,
    channelId: data.channelId,
    guildId: data.guildId,
    revision: data.revision,
    deleted: true,
    indexedAt: indexedAt.toISOString(),
  };
}
