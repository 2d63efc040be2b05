import type { Attachment } from '@bonfire/contracts';
import type { ParsedMentions } from './mentions';
import type { MessageRow } from './message-view';

/** A message to insert: what a send decided (its id, author, content, mentions, claimed attachments). */
export interface NewMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  nonce: string | null;
  replyToId: string | null;
  mentions: ParsedMentions;
  attachments: Attachment[];
  /** A webhook's message: the webhook and the name and avatar it shows (authorId is the webhook's id). */
  webhook?: { id: string; name: string; avatar: string | null };
}

/** A new message's whole row, every column set here (none left to a default): what a read returns. */
export function newMessageRow(message: NewMessage, createdAt: Date): MessageRow {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.authorId,
    content: message.content,
    nonce: message.nonce,
    replyToId: message.replyToId,
    attachmentIds: message.attachments.map((attachment) => attachment.id),
    attachments: message.attachments,
    embeds: [],
    flags: 0,
    embedsUnfurledAt: null,
    mentionUserIds: message.mentions.userIds,
    mentionRoleIds: message.mentions.roleIds,
    mentionEveryone: message.mentions.everyone,
    pinned: false,
    revision: 0,
    editedAt: null,
    createdAt,
    webhookId: message.webhook?.id ?? null,
    authorName: message.webhook?.name ?? null,
    authorAvatar: message.webhook?.avatar ?? null,
  };
}
