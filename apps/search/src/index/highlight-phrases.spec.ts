import { describe, expect, it } from 'vitest';
import { markPhrasesWhole } from './highlight-phrases';

describe('markPhrasesWhole', () => {
  it('joins the marked words of a phrase into one mark', () => {
    expect(
      markPhrasesWhole('we ship the <mark>exact</mark> <mark>phrase</mark> today', ['exact phrase']),
    ).toBe('we ship the <mark>exact phrase</mark> today');
  });

  it('keeps what separates the words, and the case as written', () => {
    expect(markPhrasesWhole('<mark>Go</mark>, <mark>Live</mark>!', ['go live'])).toBe(
      '<mark>Go, Live</mark>!',
    );
  });

  it('leaves marks of plain words and of other neighbours apart', () => {
    const text = '<mark>hello</mark> <mark>exact</mark> <mark>phrase</mark> <mark>world</mark>';
    expect(markPhrasesWhole(text, ['exact phrase'])).toBe(
      '<mark>hello</mark> <mark>exact phrase</mark> <mark>world</mark>',
    );
    expect(markPhrasesWhole(text, [])).toBe(text);
    expect(markPhrasesWhole('<mark>a</mark> <mark>b</mark>', ['a'])).toBe('<mark>a</mark> <mark>b</mark>');
  });

  it('joins each occurrence, preferring the longest phrase', () => {
    expect(
      markPhrasesWhole('<mark>a</mark> <mark>b</mark> <mark>c</mark> x <mark>a</mark> <mark>b</mark>', [
        'a b',
        'a b c',
      ]),
    ).toBe('<mark>a b c</mark> x <mark>a b</mark>');
  });
});
