import { type OutboxInsertionValues, OutboxWriter } from '@bonfire/messaging';
import { PrecompiledQuery } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import type { MessageRow } from './message-view';

/** Every column of `messages`, as the row type names it and as the table does (the compiler keeps it whole). */
const MESSAGE_COLUMNS = {
  id: 'id',
  channelId: 'channel_id',
  guildId: 'guild_id',
  authorId: 'author_id',
  content: 'content',
  nonce: 'nonce',
  replyToId: 'reply_to_id',
  attachmentIds: 'attachment_ids',
  attachments: 'attachments',
  embeds: 'embeds',
  flags: 'flags',
  embedsUnfurledAt: 'embeds_unfurled_at',
  mentionUserIds: 'mention_user_ids',
  mentionRoleIds: 'mention_role_ids',
  mentionEveryone: 'mention_everyone',
  pinned: 'pinned',
  revision: 'revision',
  editedAt: 'edited_at',
  createdAt: 'created_at',
  webhookId: 'webhook_id',
  authorName: 'author_name',
  authorAvatar: 'author_avatar',
} as const satisfies Record<keyof MessageRow, string>;

const COLUMN_LIST = sql.join(Object.values(MESSAGE_COLUMNS).map((column) => sql.ref(column)));

/** What sendAtOnce did. */
interface SendAtOnceOutcome {
  /** False: no such channel, nothing written. */
  found: boolean;
  /** The channel's latest message id was not below the first row's: nothing written. */
  behind: boolean;
  /** The rows inserted (one whose (channel, author, nonce) already existed is skipped). */
  written: Set<string>;
}

const outbox = new OutboxWriter();

type SendAtOnceArgs = {
  channelId: string;
  /** The rows as one JSON array (columns named as the table does). */
  rows: string;
  firstId: string;
  events: string;
  keys: string[];
};

/**
 * Lock order, as on the transactional path: the channel's row, then the outbox's key locks. CTEs run when
 * first read, and the main query's columns are read in order: `found` reads `channel` (the row lock),
 * `written` runs the insert, and `events` (its key locks) comes last. Reading `events` earlier would
 * deadlock with a transaction that holds the row and writes an event of the channel (tested). A FOR UPDATE
 * that waited for another writer returns the row as that writer committed it: `last` is current. Its text
 * never depends on the rows or events (both are one JSON parameter), so it is compiled once.
 */
const sendAtOnceQuery = new PrecompiledQuery((db: Kysely<ChatDatabase>, args: SendAtOnceArgs) => {
  const keep = sql`array(select id::text from inserted)`;
  const query = sql<{ found: boolean; last: string | null; written: string[] }>`
      with channel as (
        select last_message_id from channels where id = ${args.channelId} for update
      ),
      inserted as (
        insert into messages (${COLUMN_LIST})
        select ${COLUMN_LIST} from jsonb_populate_recordset(null::messages, ${args.rows}::jsonb)
        where exists (
          select 1 from channel where last_message_id is null or last_message_id < ${args.firstId}::bigint
        )
        order by id
        on conflict (channel_id, author_id, nonce) where nonce is not null do nothing
        returning id
      ),
      bumped as (
        update channels set last_message_id = (select max(id) from inserted)
        where id = ${args.channelId} and exists (select 1 from inserted)
      ),
      events as (${outbox.insertionOf({ events: args.events, keys: args.keys }, keep)})
      select
        exists (select 1 from channel) as found,
        (select last_message_id::text from channel) as last,
        ${keep} as written,
        (select count(*) from events) as events`;
  return { compile: () => query.compile(db) };
});

/**
 * A send turn of a channel in ONE statement, which is its own transaction: one round trip where the
 * transactional path takes five (begin, lock, insert, outbox, commit).
 */
@Injectable()
export class MessageSendRepository {
  /**
   * Locks the channel's row, then — only if the channel's latest message id is below the first row's id,
   * so ids still grow in commit order — inserts the rows (ordered by id), moves the channel's latest id to
   * the newest inserted, and writes `events`: an outbox insertion (OutboxWriter.insertionValues, one ref
   * per event: the id of its row) that keeps the events of the rows it inserted. All of it commits
   * together, or nothing does.
   */
  async sendAtOnce(
    db: ChatExecutor,
    channelId: string,
    rows: readonly MessageRow[],
    events: OutboxInsertionValues,
  ): Promise<SendAtOnceOutcome> {
    const firstId = rows[0]!.id;
    const values = rows.map((row) =>
      Object.fromEntries(
        Object.entries(MESSAGE_COLUMNS).map(([field, column]) => [column, row[field as keyof MessageRow]]),
      ),
    );
    const { rows: result } = await sendAtOnceQuery.execute(db, {
      channelId,
      rows: JSON.stringify(values),
      firstId,
      events: events.events,
      keys: events.keys,
    });
    const { found, last, written } = result[0]!;
    return {
      found,
      behind: found && written.length === 0 && last !== null && BigInt(last) >= BigInt(firstId),
      written: new Set(written),
    };
  }
}
