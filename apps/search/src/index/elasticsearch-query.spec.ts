import { describe, expect, it } from 'vitest';
import { buildSearchRequest } from './elasticsearch-query';
import type { SearchFilters } from './message-index';

const base: SearchFilters = {
  channelIds: ['1', '2'],
  words: [],
  phrases: [],
  authorIds: [],
  mentionIds: [],
  has: [],
  sort: 'relevance',
  limit: 25,
  offset: 0,
};

type Body = { query: { bool: { must: unknown[]; filter: unknown[] } }; sort: unknown[]; highlight?: unknown };

const build = (overrides: Partial<SearchFilters>) => buildSearchRequest({ ...base, ...overrides }) as Body;

describe('buildSearchRequest', () => {
  it('always filters on the readable channels and excludes tombstones', () => {
    const body = build({});
    expect(body.query.bool.filter).toEqual([
      { terms: { channelId: ['1', '2'] } },
      { term: { deleted: false } },
    ]);
    expect(body.query.bool.must).toEqual([{ match_all: {} }]);
    expect(body.highlight).toBeUndefined();
  });

  it('matches all words, each phrase, and highlights', () => {
    const body = build({ words: ['hello', 'world'], phrases: ['exact phrase'] });
    expect(body.query.bool.must).toEqual([
      { match: { content: { query: 'hello world', operator: 'and' } } },
      { match_phrase: { content: 'exact phrase' } },
    ]);
    expect(body.highlight).toBeDefined();
  });

  it('adds each filter', () => {
    const body = build({
      authorIds: ['7'],
      mentionIds: ['8'],
      has: ['link', 'image'],
      before: '2026-02-01T00:00:00.000Z',
      after: '2026-01-01T00:00:00.000Z',
      pinned: true,
    });
    expect(body.query.bool.filter.slice(2)).toEqual([
      { terms: { authorId: ['7'] } },
      { terms: { 'mentions.userIds': ['8'] } },
      { term: { has: 'link' } },
      { term: { has: 'image' } },
      { range: { createdAt: { lt: '2026-02-01T00:00:00.000Z' } } },
      { range: { createdAt: { gt: '2026-01-01T00:00:00.000Z' } } },
      { term: { pinned: true } },
    ]);
  });

  it('compares message-id bounds exactly on the numeric id', () => {
    expect(build({ before: '118439257175564288' }).query.bool.filter[2]).toEqual({
      range: { seq: { lt: '118439257175564288' } },
    });
  });

  it('answers ids beyond the 64-bit range without asking Elasticsearch to compare them', () => {
    expect(build({ before: '9999999999999999999' }).query.bool.filter).toHaveLength(2);
    expect(build({ after: '9999999999999999999' }).query.bool.filter[2]).toEqual({ match_none: {} });
    expect(build({ after: '9223372036854775807' }).query.bool.filter[2]).toEqual({
      range: { seq: { gt: '9223372036854775807' } },
    });
  });

  it('sorts by score, then newest; newest first without a content query; oldest on demand', () => {
    expect(build({ words: ['x'] }).sort).toEqual(['_score', { createdAt: 'desc' }, { id: 'desc' }]);
    expect(build({}).sort).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(build({ words: ['x'], sort: 'newest' }).sort).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(build({ sort: 'oldest' }).sort).toEqual([{ createdAt: 'asc' }, { id: 'asc' }]);
  });

  it('pages with from/size and counts every hit', () => {
    expect(build({ limit: 10, offset: 20 })).toMatchObject({ from: 20, size: 10, track_total_hits: true });
  });
});
