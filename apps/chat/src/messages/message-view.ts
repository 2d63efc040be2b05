import type { Message } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import type { MessagesTable } from '../database/schema';

export type MessageRow = Selectable<MessagesTable>;
export type ReactionCount = Message['reactions'][number];

/** A stored message in its public shape. */
export function toMessage(row: MessageRow, reactions: ReactionCount[] = []): Message {
  return {
    id: row.id,
    channelId: row.channelId,
    guildId: row.guildId,
    authorId: row.authorId,
    content: row.content,
    nonce: row.nonce,
    replyToId: row.replyToId,
    attachments: row.attachments,
    mentions: {
      userIds: row.mentionUserIds,
      roleIds: row.mentionRoleIds,
      everyone: row.mentionEveryone,
    },
    pinned: row.pinned,
    revision: row.revision,
    editedAt: row.editedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    reactions,
    // Absent when none (older readers and tests see the shape they knew).
    ...(row.embeds !== undefined && row.embeds.length > 0 ? { embeds: row.embeds } : {}),
    ...(row.flags ? { flags: row.flags } : {}),
    ...(row.webhookId === null || row.webhookId === undefined
      ? {}
      : {
          webhookId: row.webhookId,
          author: {
            id: row.webhookId,
            username: row.authorName ?? 'Webhook',
            avatar: row.authorAvatar ?? null,
            bot: true,
          },
        }),
  };
}
