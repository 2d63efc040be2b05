import { type OutboxInsertionValues, OutboxWriter } from '@bonfire/messaging';
import { PrecompiledQuery } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ChatExecutor } from '../database/chat-transactions';
import type { ChatDatabase } from '../database/schema';
import type { MessageRow } from './message-view';
import { channelAccessFingerprint } from '../access/access.repository';

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
  /** The channel's latest message id was not below the first row's: nothing written (`stale` aside). */
  behind: boolean;
  /** The rows inserted (one whose (channel, author, nonce) already existed is skipped). */
  written: Set<string>;
  /** The rows not inserted because their author's access inputs changed since it was checked. */
  stale: Set<string>;
}

/**
 * A row's author, and the fingerprint of the access it was checked with (null: checked otherwise, as a
 * webhook's is): the row is written only while the author's access inputs still have it.
 */
interface CheckedAuthor {
  authorId: string;
  accessFingerprint: string | null;
}

/**
 * The one rule both paths apply, in SQL: a checked author's access still holds while the author's access
 * inputs in the channel have the fingerprint it was checked with (or it was checked otherwise).
 */
function accessHolds(
  db: Kysely<ChatDatabase>,
  channelId: string,
  checked: { authorId: string; fingerprint: string },
): RawBuilder<boolean> {
  const now = channelAccessFingerprint(db, channelId, sql.ref<string>(checked.authorId));
  const fingerprint = sql.ref<string>(checked.fingerprint);
  return sql<boolean>`(${fingerprint} is null or ${fingerprint} = ${now})`;
}

const outbox = new OutboxWriter();

type SendAtOnceArgs = {
  channelId: string;
  /**
   * The rows as one JSON array (columns named as the table does), each with the access fingerprint its
   * author was checked with (or null) as `access_fingerprint`.
   */
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
 * never depends on the rows or events (both are one JSON parameter), so it is compiled once. The rows are
 * a JSON array rather than `unnest` of array parameters: Postgres counts an unnested array exactly when it
 * plans for the values at hand, so its generic (prepared) plan never looked cheaper and it planned this
 * statement again on every run — 1.1 ms more of its CPU per send, measured.
 */
const sendAtOnceQuery = new PrecompiledQuery((db: Kysely<ChatDatabase>, args: SendAtOnceArgs) => {
  const keep = sql`array(select id::text from inserted)`;
  const holds = accessHolds(db, args.channelId, {
    authorId: 'candidates.author_id',
    fingerprint: 'candidates.fingerprint',
  });
  const query = sql<{
    found: boolean;
    last: string | null;
    written: string[];
    stale: string[];
  }>`
      with channel as (
        select last_message_id from channels where id = ${args.channelId} for update
      ),
      candidates as (
        select message.*, element->>'access_fingerprint' as fingerprint
        from jsonb_array_elements(${args.rows}::jsonb) as element,
          jsonb_populate_record(null::messages, element) as message
      ),
      verdicts as (
        select id, ${holds} as allowed from candidates
      ),
      inserted as (
        insert into messages (${COLUMN_LIST})
        select ${COLUMN_LIST} from candidates
        where exists (
          select 1 from channel where last_message_id is null or last_message_id < ${args.firstId}::bigint
        ) and id in (select id from verdicts where allowed)
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
        array(select id::text from verdicts where not allowed) as stale,
        (select count(*) from events) as events`;
  return { compile: () => query.compile(db) };
});

/** The positions (from 0) of the checks whose author's access inputs no longer have the fingerprint given. */
const staleChecksQuery = new PrecompiledQuery(
  (db: Kysely<ChatDatabase>, args: { channelId: string; checks: string }) => {
    const holds = accessHolds(db, args.channelId, {
      authorId: 'checked.author_id',
      fingerprint: 'checked.fingerprint',
    });
    const query = sql<{ position: number }>`
      select (checked.position - 1)::int as position
      from rows from (jsonb_to_recordset(${args.checks}::jsonb) as (author_id bigint, fingerprint text))
        with ordinality as checked (author_id, fingerprint, position)
      where not ${holds}`;
    return { compile: () => query.compile(db) };
  },
);

/**
 * A send turn of a channel in ONE statement, which is its own transaction: one round trip where the
 * transactional path takes five (begin, lock, insert, outbox, commit).
 */
@Injectable()
export class MessageSendRepository {
  /**
   * Locks the channel's row, then — only if the channel's latest message id is below the first row's id,
   * so ids still grow in commit order — inserts the rows (ordered by id) whose author's access still holds
   * (accessHolds), moves the channel's latest id to
   * the newest inserted, and writes `events`: an outbox insertion (OutboxWriter.insertionValues, one ref
   * per event: the id of its row) that keeps the events of the rows it inserted. All of it commits
   * together, or nothing does.
   */
  async sendAtOnce(
    db: ChatExecutor,
    channelId: string,
    rows: readonly (MessageRow & CheckedAuthor)[],
    events: OutboxInsertionValues,
  ): Promise<SendAtOnceOutcome> {
    const firstId = rows[0]!.id;
    const values = rows.map((row) => ({
      ...Object.fromEntries(
        Object.entries(MESSAGE_COLUMNS).map(([field, column]) => [column, row[field as keyof MessageRow]]),
      ),
      access_fingerprint: row.accessFingerprint,
    }));
    const { rows: result } = await sendAtOnceQuery.execute(db, {
      channelId,
      rows: JSON.stringify(values),
      firstId,
      events: events.events,
      keys: events.keys,
    });
    const { found, last, written, stale } = result[0]!;
    return {
      found,
      // The insert's own condition, failed: nothing was written, whatever the verdicts.
      behind: found && last !== null && BigInt(last) >= BigInt(firstId),
      written: new Set(written),
      stale: new Set(stale),
    };
  }

  /**
   * The positions of the checks whose author's access inputs in the channel changed since: the
   * transactional path's form of sendAtOnce's own comparison (run it under the channel's lock).
   */
  async staleChecks(
    db: ChatExecutor,
    channelId: string,
    checks: readonly CheckedAuthor[],
  ): Promise<Set<number>> {
    if (checks.every((check) => check.accessFingerprint === null)) return new Set();
    const { rows } = await staleChecksQuery.execute(db, {
      channelId,
      checks: JSON.stringify(
        checks.map((check) => ({ author_id: check.authorId, fingerprint: check.accessFingerprint })),
      ),
    });
    return new Set(rows.map((row) => row.position));
  }
}
