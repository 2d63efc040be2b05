import type { Embed } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { MessageRow } from '../messages/message-view';
import { MESSAGE_FLAGS } from '@bonfire/contracts';

/** The messages columns of link embeds (0011). */
@Injectable()
export class EmbedsRepository {
  /**
   * Stores a message's unfurled embeds — only if the message is still what was unfurled (same content,
   * same edit, not suppressed meanwhile). `changed` bumps the revision (an update clients must see);
   * otherwise only the unfurl time is recorded. Null when the message changed or is gone.
   */
  async store(
    db: ChatExecutor,
    unfurled: MessageRow,
    embeds: readonly Embed[],
    changed: boolean,
  ): Promise<MessageRow | null> {
    const row = await db
      .updateTable('messages')
      .set((eb) => ({
        embeds: JSON.stringify(embeds),
        embedsUnfurledAt: new Date(),
        ...(changed ? { revision: eb('revision', '+', 1) } : {}),
      }))
      .where('channelId', '=', unfurled.channelId)
      .where('id', '=', unfurled.id)
      .where('content', '=', unfurled.content)
      .where(sql<boolean>`edited_at is not distinct from ${unfurled.editedAt}`)
      .where(sql<boolean>`flags & ${sql.lit(MESSAGE_FLAGS.SUPPRESS_EMBEDS)} = 0`)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }
}

/** Whether a message's embeds are due: never unfurled, or edited since. */
export function needsUnfurl(row: MessageRow): boolean {
  if ((row.flags & MESSAGE_FLAGS.SUPPRESS_EMBEDS) !== 0) return false;
  if (row.embedsUnfurledAt === null) return true;
  return row.editedAt !== null && row.editedAt.getTime() > row.embedsUnfurledAt.getTime();
}
