import type { Message } from '@bonfire/contracts';
import type { Selectable } from 'kysely';
import type { MessagesTable } from '../database/schema';

export type MessageRow = Selectable<MessagesTable>;
export type ReactionCount = Message['reactions'][number];

/** A stored message in its public shape. */
export function toMessage(row: MessageRow, reactions: ReactionCount[] = []): Message {
  return {
    id: row.id,
    channelId: row.channel_id,
    guildId: row.guild_id,
    authorId: row.author_id,
    content: row.content,
    nonce: row.nonce,
    replyToId: row.reply_to_id,
    attachments: row.attachments,
    mentions: {
      userIds: row.mention_user_ids,
      roleIds: row.mention_role_ids,
      everyone: row.mention_everyone,
    },
    pinned: row.pinned,
    revision: row.revision,
    editedAt: row.edited_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    reactions,
    // Absent when none (older readers and tests see the shape they knew).
    ...(row.embeds !== undefined && row.embeds.length > 0 ? { embeds: row.embeds } : {}),
    ...(row.flags ? { flags: row.flags } : {}),
    ...(row.webhook_id === null || row.webhook_id === undefined
      ? {}
      : {
          webhookId: row.webhook_id,
          author: {
            id: row.webhook_id,
            username: row.author_name ?? 'Webhook',
            avatar: row.author_avatar ?? null,
            bot: true,
          },
        }),
  };
}
