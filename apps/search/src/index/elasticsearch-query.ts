import { HIGHLIGHT_FRAGMENTS, HIGHLIGHT_TAGS, type SearchFilters } from './message-index';

const LONG_MAX = 2n ** 63n - 1n;

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
    const isId = /^\d+$/.test(bound);
    // `seq` is a long: a larger id bound is past every message (Elasticsearch would refuse the query)
    if (isId && BigInt(bound) > LONG_MAX) {
      if (operator === 'gt') filter.push({ match_none: {} });
      continue;
    }
    filter.push({ range: { [isId ? 'seq' : 'createdAt']: { [operator]: bound } } });
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
            fields: {
              content: {
                number_of_fragments: HIGHLIGHT_FRAGMENTS.count,
                fragment_size: HIGHLIGHT_FRAGMENTS.size,
              },
            },
          },
        }
      : {}),
  };
}
