import type { SearchHit, SearchSort } from '@bonfire/contracts';
import type { HasValue, MessageDocument, MessageTombstone } from './message-document';

/** A search with every name resolved to ids and the permission filter applied. */
export interface SearchFilters {
  /** The channels searched: those the caller may read (∩ any channel filter). Never empty here. */
  channelIds: string[];
  /** All must match, in any order. */
  words: string[];
  /** Each must match as written. */
  phrases: string[];
  /** Any of these authors. */
  authorIds: string[];
  /** Mentioning any of these users. */
  mentionIds: string[];
  /** Every one of these. */
  has: HasValue[];
  /** Exclusive bounds: ISO instants, or message ids (compared exactly, as 64-bit numbers). */
  before?: string;
  after?: string;
  pinned?: boolean;
  sort: SearchSort;
  limit: number;
  offset: number;
}

/** How matched words are marked in `SearchHit.highlights`. */
export const HIGHLIGHT_TAGS = { pre: '<mark>', post: '</mark>' } as const;

/** Highlights: at most this many fragments of about this many characters. */
export const HIGHLIGHT_FRAGMENTS = { count: 3, size: 150 } as const;

/**
 * One change to the index: a message's document, versioned by its revision, or a deleted message's
 * tombstone, versioned by the delete's revision (the message's last revision + 1).
 */
export interface IndexOperation {
  id: string;
  version: number;
  document: MessageDocument | MessageTombstone;
}

/**
 * What became of one operation: `done` (applied, or older than what the index holds and ignored),
 * `retry` (the index could not take it now), `rejected` (the index will never take this document).
 */
export type IndexOutcome = 'done' | 'retry' | 'rejected';

export interface SearchPage {
  /** Every match, not only this page. */
  total: number;
  messages: SearchHit[];
}

/**
 * The message index port: what the indexer writes and the search service reads. Elasticsearch in the
 * distributed shape, a full-text table of the embedded Postgres in the standalone one; both pass
 * message-index.contract.ts.
 *
 * Writes are version-safe and idempotent: per message the index keeps what carries the highest version
 * (equal versions: the later write), whatever the arrival order, so a late older update never wins and a
 * redelivery is harmless. A delete is a tombstone, never returned by search, that keeps a late create or
 * update from resurrecting the message.
 */
export abstract class MessageIndex {
  /**
   * Applies the operations; answers one outcome per operation, in order. Throws when the index cannot be
   * reached — then any of them may or may not be applied, and all may be applied again.
   */
  abstract apply(operations: readonly IndexOperation[]): Promise<IndexOutcome[]>;

  /**
   * One page of the live messages of `filters.channelIds` matching every filter, with the total. Sorted
   * by relevance (then newest) when there is a content query and `sort` is `relevance`, otherwise by
   * creation time (then id). Highlights only with a content query. Throws when the index cannot answer.
   */
  abstract search(filters: SearchFilters): Promise<SearchPage>;
}
