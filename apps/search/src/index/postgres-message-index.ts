import type { SearchHit } from '@bonfire/contracts';
import { type ComponentLogger, type Kysely, sql } from '@bonfire/platform';
import type { RawBuilder } from 'kysely';
import { markPhrasesWhole } from './highlight-phrases';
import {
  HIGHLIGHT_FRAGMENTS,
  HIGHLIGHT_TAGS,
  type IndexOperation,
  type IndexOutcome,
  MessageIndex,
  type SearchFilters,
  type SearchPage,
} from './message-index';

/** The hit's fields kept as indexed, beside the columns the filters use (see postgres-migrations.ts). */
type HitSource = Omit<SearchHit, 'content' | 'highlights'>;

interface PageRow {
  content: string;
  source: HitSource;
  highlights: string | null;
}

/** Between highlight fragments in ts_headline's answer; a control character no message text carries. */
const FRAGMENT_DELIMITER = '\u001f';
const MARKS = `StartSel=${HIGHLIGHT_TAGS.pre}, StopSel=${HIGHLIGHT_TAGS.post}`;
/** A message this short is one fragment: all of it, every match marked. */
const WHOLE = `HighlightAll=true, ${MARKS}`;
/** Longer ones: up to 3 fragments around the matches, ~25 words (~150 characters) each. */
const FRAGMENTS =
  `MaxFragments=${HIGHLIGHT_FRAGMENTS.count}, MaxWords=25, MinWords=8, ${MARKS}, ` +
  `FragmentDelimiter=${FRAGMENT_DELIMITER}`;

/**
 * The message index in Postgres (the standalone shape's embedded database, schema `search`): a row per
 * message with a generated tsvector (GIN-indexed), filters as indexed columns and arrays, highlights by
 * ts_headline in the API's format.
 *
 * Writes are one multi-row upsert that replaces a row only with an equal or higher revision, so it is
 * version-safe in any order and idempotent. Deletes are tombstones (deleted = true, content dropped).
 */
export class PostgresMessageIndex extends MessageIndex {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly logger?: Pick<ComponentLogger, 'error'>,
  ) {
    super();
  }

  async apply(operations: readonly IndexOperation[]): Promise<IndexOutcome[]> {
    if (operations.length === 0) return [];
    try {
      await this.upsert(operations);
      return operations.map(() => 'done');
    } catch (error) {
      if (!isDataError(error)) throw error;
    }
    // One document the database refuses must not hold back the others: each on its own, as `_bulk` does.
    const outcomes: IndexOutcome[] = [];
    for (const operation of operations) {
      try {
        await this.upsert([operation]);
        outcomes.push('done');
      } catch (error) {
        if (!isDataError(error)) throw error;
        this.logger?.error({ id: operation.id, err: error }, 'Postgres rejected a message document');
        outcomes.push('rejected');
      }
    }
    return outcomes;
  }

  async search(filters: SearchFilters): Promise<SearchPage> {
    const text = contentQuery(filters);
    const where = sql.join(conditions(filters, text !== null), sql` and `);
    const from = text
      ? sql`message_documents d cross join (select ${text} as query) q`
      : sql`message_documents d`;
    const byRelevance = text !== null && filters.sort === 'relevance';
    const rank = byRelevance ? sql`ts_rank(d.search_vector, q.query, 1)` : sql`0`;
    const { rows } = await sql<PageRow>`
      select p.content, p.source, ${highlights(text !== null)} as highlights
      from (
        select d.id, d.created_at, d.content, d.source, ${rank} as rank
          ${text ? sql`, q.query` : sql``}
        from ${from}
        where ${where}
        order by ${orderBy(filters.sort, byRelevance, 'd')}
        limit ${filters.limit} offset ${filters.offset}
      ) p
      order by ${orderBy(filters.sort, byRelevance, 'p')}`.execute(this.db);
    // A first page that is not full holds every match; otherwise count apart, reading no content (a window
    // count over the page query would fetch and sort every match to return 25 of them).
    const total =
      filters.offset === 0 && rows.length < filters.limit ? rows.length : await this.count(from, where);
    return { total, messages: rows.map((row) => toHit(row, filters.phrases)) };
  }

  private async count(from: RawBuilder<unknown>, where: RawBuilder<unknown>): Promise<number> {
    const query = sql<{ total: string }>`select count(*) as total from ${from} where ${where}`;
    const { rows } = await query.execute(this.db);
    return Number(rows[0]?.total ?? 0);
  }

  private async upsert(operations: readonly IndexOperation[]): Promise<void> {
    const rows = [...latestPerMessage(operations)].map(toRow);
    await sql`
      insert into message_documents as d (
        id, channel_id, guild_id, author_id, content, mention_user_ids, has, pinned, created_at, revision,
        deleted, source, indexed_at
      )
      select id, channel_id, guild_id, author_id, content, mention_user_ids, has, pinned, created_at, revision,
        deleted, source, indexed_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id numeric, channel_id text, guild_id text, author_id text, content text, mention_user_ids text[],
        has text[], pinned boolean, created_at timestamptz, revision bigint, deleted boolean, source jsonb,
        indexed_at timestamptz
      )
      on conflict (id) do update set
        channel_id = excluded.channel_id, guild_id = excluded.guild_id, author_id = excluded.author_id,
        content = excluded.content, mention_user_ids = excluded.mention_user_ids, has = excluded.has,
        pinned = excluded.pinned, created_at = excluded.created_at, revision = excluded.revision,
        deleted = excluded.deleted, source = excluded.source, indexed_at = excluded.indexed_at
      where d.revision <= excluded.revision`.execute(this.db);
  }
}

/**
 * One operation per message (the highest version; the later on a tie), as the upsert can touch a row only
 * once — what the index would end with anyway.
 */
function latestPerMessage(operations: readonly IndexOperation[]): IterableIterator<IndexOperation> {
  const latest = new Map<string, IndexOperation>();
  for (const operation of operations) {
    const kept = latest.get(operation.id);
    if (!kept || kept.version <= operation.version) latest.set(operation.id, operation);
  }
  return latest.values();
}

function toRow({ id, version, document }: IndexOperation) {
  const common = {
    id,
    channel_id: document.channelId,
    guild_id: document.guildId,
    revision: version,
    deleted: document.deleted,
    indexed_at: document.indexedAt,
  };
  if (!('content' in document)) {
    return {
      ...common,
      author_id: null,
      content: null,
      mention_user_ids: [],
      has: [],
      pinned: false,
      created_at: null,
      source: null,
    };
  }
  const source: HitSource = {
    id: document.id,
    channelId: document.channelId,
    guildId: document.guildId,
    authorId: document.authorId,
    createdAt: document.createdAt,
    editedAt: document.editedAt,
    pinned: document.pinned,
    has: document.has,
    mentions: document.mentions,
  };
  return {
    ...common,
    author_id: document.authorId,
    content: document.content,
    mention_user_ids: document.mentions.userIds,
    has: document.has,
    pinned: document.pinned,
    created_at: document.createdAt,
    source,
  };
}

/** All words (`&`) and each phrase (`<->`), or null without a content query. */
function contentQuery(filters: SearchFilters): RawBuilder<unknown> | null {
  const parts = contentParts(filters);
  return parts.length === 0 ? null : sql.join(parts, sql` && `);
}

function contentParts(filters: SearchFilters): RawBuilder<unknown>[] {
  const words = filters.words.join(' ').trim();
  return [
    ...(words === '' ? [] : [sql`plainto_tsquery('simple', ${words})`]),
    ...filters.phrases.map((phrase) => sql`phraseto_tsquery('simple', ${phrase})`),
  ];
}

function conditions(filters: SearchFilters, hasText: boolean): RawBuilder<unknown>[] {
  const where = [sql`not d.deleted`, sql`d.channel_id = any(${filters.channelIds}::text[])`];
  if (hasText) {
    where.push(sql`d.search_vector @@ q.query`);
    // Words or a phrase without any searchable word match nothing (as in Elasticsearch), rather than
    // being left out of the query.
    for (const part of contentParts(filters)) where.push(sql`numnode(${part}) > 0`);
  }
  if (filters.authorIds.length > 0) where.push(sql`d.author_id = any(${filters.authorIds}::text[])`);
  if (filters.mentionIds.length > 0) where.push(sql`d.mention_user_ids && ${filters.mentionIds}::text[]`);
  if (filters.has.length > 0) where.push(sql`d.has @> ${filters.has}::text[]`);
  for (const [bound, operator] of [
    [filters.before, sql.raw('<')],
    [filters.after, sql.raw('>')],
  ] as const) {
    if (bound === undefined) continue;
    where.push(
      /^\d+$/.test(bound)
        ? sql`d.id ${operator} ${bound}::numeric`
        : sql`d.created_at ${operator} ${bound}::timestamptz`,
    );
  }
  if (filters.pinned !== undefined) where.push(sql`d.pinned = ${filters.pinned}`);
  return where;
}

function orderBy(sort: SearchFilters['sort'], byRelevance: boolean, alias: 'd' | 'p'): RawBuilder<unknown> {
  const direction = sql.raw(sort === 'oldest' ? 'asc' : 'desc');
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const time = sql`${column('created_at')} ${direction}, ${column('id')} ${direction}`;
  return byRelevance ? sql`${alias === 'd' ? sql`rank` : column('rank')} desc, ${time}` : time;
}

function highlights(hasText: boolean): RawBuilder<unknown> {
  if (!hasText) return sql`null`;
  return sql`case when char_length(p.content) <= ${HIGHLIGHT_FRAGMENTS.size}
    then ts_headline('simple', p.content, p.query, ${WHOLE})
    else ts_headline('simple', p.content, p.query, ${FRAGMENTS}) end`;
}

function toHit(row: PageRow, phrases: readonly string[]): SearchHit {
  const { source } = row;
  return {
    id: source.id,
    channelId: source.channelId,
    guildId: source.guildId,
    authorId: source.authorId,
    content: row.content,
    createdAt: source.createdAt,
    editedAt: source.editedAt,
    pinned: source.pinned,
    has: source.has,
    mentions: source.mentions,
    highlights:
      row.highlights === null
        ? []
        : row.highlights.split(FRAGMENT_DELIMITER).map((fragment) => markPhrasesWhole(fragment, phrases)),
  };
}

/**
 * Errors about the data itself (SQLSTATE classes 22 data exception, 23 integrity, 54 program limit
 * exceeded — e.g. text too long for a tsvector): the document will never be taken. Anything else is the
 * database being unavailable, worth retrying.
 */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}
