import { describe, expect, it } from 'vitest';
import { isTimeBound, parseQuery, QuerySyntaxError, tokenize } from './query-parser';

describe('parseQuery', () => {
  it('parses the full example from the issue', () => {
    expect(parseQuery('from:alice in:#general has:file before:2026-01-01 "exact phrase"')).toEqual({
      words: [],
      phrases: ['exact phrase'],
      from: ['alice'],
      mentions: [],
      in: ['general'],
      has: ['file'],
      before: '2026-01-01',
    });
  });

  it('keeps free words and phrases apart, in order', () => {
    const parsed = parseQuery('deploy  "release notes" friday "go live"');
    expect(parsed.words).toEqual(['deploy', 'friday']);
    expect(parsed.phrases).toEqual(['release notes', 'go live']);
  });

  it('returns an empty query for blank input', () => {
    expect(parseQuery('   ')).toEqual({ words: [], phrases: [], from: [], mentions: [], in: [], has: [] });
  });

  it('accepts repeated operators, @ and # prefixes, ids and quoted values', () => {
    const parsed = parseQuery(
      'from:@alice from:123456789 mentions:@bob in:"#release notes" in:42 in:<#4242>',
    );
    expect(parsed.from).toEqual(['alice', '123456789']);
    expect(parsed.mentions).toEqual(['bob']);
    // A thread (or channel) mention is its id.
    expect(parsed.in).toEqual(['release notes', '42', '4242']);
  });

  it('is case-insensitive for operator names and has/pinned values', () => {
    const parsed = parseQuery('FROM:Alice HAS:Image Pinned:TRUE');
    expect(parsed.from).toEqual(['Alice']);
    expect(parsed.has).toEqual(['image']);
    expect(parsed.pinned).toBe(true);
  });

  it('deduplicates has values', () => {
    expect(parseQuery('has:link has:link has:file').has).toEqual(['link', 'file']);
  });

  it('accepts dates, date-times and message ids as bounds', () => {
    const parsed = parseQuery('after:2026-01-01T10:00:00Z before:123456789012345678');
    expect(parsed.after).toBe('2026-01-01T10:00:00Z');
    expect(parsed.before).toBe('123456789012345678');
    expect(parseQuery('pinned:false').pinned).toBe(false);
  });

  it('treats links as words, not operators', () => {
    expect(parseQuery('see https://example.com/x ok').words).toEqual(['see', 'https://example.com/x', 'ok']);
  });

  it('treats a colon not preceded by a word as text', () => {
    expect(parseQuery('12:30 :smile:').words).toEqual(['12:30', ':smile:']);
  });

  it.each([
    ['frm:alice', 'unknown operator "frm:"'],
    ['hello wat:1', 'unknown operator "wat:"'],
    ['from:', 'operator "from:" needs a value'],
    ['from: alice', 'operator "from:" needs a value'],
    ['in:#', 'operator "in:" needs a channel name'],
    ['has:video', '"has:video" is not supported'],
    ['before:yesterday', '"before:yesterday" needs a date'],
    ['after:2026-13-45', '"after:2026-13-45" needs a date'],
    ['before:2026-01-01 before:2026-02-01', 'operator "before:" given twice'],
    ['pinned:maybe', '"pinned:maybe" must be pinned:true or pinned:false'],
    ['"open phrase', 'unclosed quote'],
  ])('refuses %s with a clear message', (input, message) => {
    expect(() => parseQuery(input)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(input)).toThrow(message);
  });

  it('lists the valid operators when one is unknown', () => {
    expect(() => parseQuery('frm:x')).toThrow(/use from:, mentions:, in:, has:, before:, after:, pinned:/);
  });
});

describe('tokenize', () => {
  it('keeps quoted operator values whole', () => {
    expect(tokenize('in:"a b" c')).toEqual([
      { operator: 'in', value: 'a b', quoted: true },
      { operator: undefined, value: 'c', quoted: false },
    ]);
  });
});

describe('isTimeBound', () => {
  it.each(['2026-01-01', '2026-01-01T00:00', '2026-01-01T00:00:00.123+02:00', '1', '9223372036854775807'])(
    'accepts %s',
    (value) => expect(isTimeBound(value)).toBe(true),
  );
  it.each(['2026-1-1', 'today', '2026-02-30x', '', '12345678901234567890'])('refuses %s', (value) =>
    expect(isTimeBound(value)).toBe(false),
  );
});
