import type { SearchSort } from '@bonfire/contracts';
import type { HasValue } from '../index/message-document';

/** A search with every name resolved to ids and the permission filter applied. */
export interface SearchFilters {
  /** The channels searched: those the caller may read (∩ any channel filter). Never empty here. */
  channelIds: string[];
  words: string[];
  phrases: string[];
  authorIds: string[];
  mentionIds: string[];
  has: HasValue[];
  /** Exclusive bounds: ISO instants, or message ids (compared exactly, as 64-bit numbers). */
  before?: string;
  after?: string;
  pinned?: boolean;
  sort: SearchSort;
  limit: number;
  offset: number;
}

export const HIGHLIGHT_TAGS = { pre: '<mark>', post: '</mark>' } as const;

/**
 * The Elasticsearch request body of a search. Everything but the content query is a filter (cached,
 * not scored); tombstones of deleted messages are always excluded.
 */
export function buildSearchRequest(filters: SearchFilters): Record<string, unknown> {
  const must: unknown[] = [];
  const words = filters.words.join(' ').trim();
  if (words !== '') must.push({ match: { content: { query: words, operator: 'and' } } });
  for (const phrase of filters.phrases) must.push({ match_phrase: { content: phrase } });

  const filter: unknown[] = [{ terms: { channelId: filters.channelIds } }, { term: { deleted: false } }];
  if (filters.authorIds.length > 0) filter.push({ terms: { authorId: filters.authorIds } });
  if (filters.mentionIds.length > 0) filter.push({ terms: { 'mentions.userIds': filters.mentionIds } });
  for (const value of filters.has) filter.push({ term: { has: value } });
  for (const [bound, operator] of [
    [filters.before, 'lt'],
    [filters.after, 'gt'],
  ] as const) {
    if (bound === undefined) continue;
    const field = /^\d+$/.test(bound) ? 'seq' : 'createdAt';
    filter.push({ range: { [field]: { [operator]: bound } } });
  }
  if (filters.pinned !== undefined) filter.push({ term: { pinned: filters.pinned } });

  const hasContentQuery = must.length > 0;
  const byTime = (order: 'asc' | 'desc') => [{ createdAt: order }, { id: order }];
  const sort =
    filters.sort === 'oldest'
      ? byTime('asc')
      : filters.sort === 'newest' || !hasContentQuery
        ? byTime('desc')
        : ['_score', ...byTime('desc')];

  return {
    query: { bool: { must: hasContentQuery ? must : [{ match_all: {} }], filter } },
    sort,
    from: filters.offset,
    size: filters.limit,
    track_total_hits: true,
    _source: [
      'id',
      'channelId',
      'guildId',
      'authorId',
      'content',
      'createdAt',
      'editedAt',
      'pinned',
      'has',
      'mentions',
    ],
    ...(hasContentQuery
      ? {
          highlight: {
            pre_tags: [HIGHLIGHT_TAGS.pre],
            post_tags: [HIGHLIGHT_TAGS.post],
            fields: { content: { number_of_fragments: 3, fragment_size: 150 } },
          },
        }
      : {}),
  };
}
