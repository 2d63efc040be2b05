import { type Kysely, type Migration, sql } from '@bonfire/platform';

/**
 * The standalone shape's message index: one row per message (tombstones included) in the `search`
 * schema of the embedded database. The columns the filters use are indexed for the live rows only.
 *
 * Text search uses the `simple` configuration — lower-cased words, no stemming, no stop words — like the
 * `standard` analyzer of the Elasticsearch mapping (infra/elasticsearch/messages.json).
 */
const messageDocuments: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const statements = [
      sql`
        create table message_documents (
          -- numeric: exact comparisons of any 19–20-digit id, where bigint would overflow
          id numeric(20, 0) primary key,
          channel_id text not null,
          guild_id text,
          author_id text,
          content text,
          mention_user_ids text[] not null default '{}',
          has text[] not null default '{}',
          pinned boolean not null default false,
          created_at timestamptz,
          revision bigint not null,
          deleted boolean not null,
          -- the hit's other fields exactly as indexed (ISO strings, role mentions…); null for tombstones
          source jsonb,
          indexed_at timestamptz not null,
          search_vector tsvector generated always as (to_tsvector('simple'::regconfig, coalesce(content, ''))) stored
        )`,
      sql`create index message_documents_text_idx on message_documents using gin (search_vector) where not deleted`,
      sql`
        create index message_documents_channel_time_idx
          on message_documents (channel_id, created_at desc, id desc) where not deleted`,
      sql`create index message_documents_author_idx on message_documents (author_id) where not deleted`,
      sql`
        create index message_documents_mentions_idx
          on message_documents using gin (mention_user_ids) where not deleted`,
      sql`create index message_documents_has_idx on message_documents using gin (has) where not deleted`,
    ];
    for (const statement of statements) await statement.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table message_documents`.execute(db);
  },
};

/**
 * Newest-first pages across many channels (a guild-wide `from:` or `has:` search) walk this index and stop
 * after a page, instead of sorting every match: 100k matches went from a sort of ~170 ms to under 1 ms.
 */
const timeOrder: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create index message_documents_time_idx
        on message_documents (created_at desc, id desc) where not deleted`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index message_documents_time_idx`.execute(db);
  },
};

export const searchMigrations: Record<string, Migration> = {
  '0001_message_documents': messageDocuments,
  '0002_time_order': timeOrder,
};
