import { describe, expect, it } from 'vitest';
import { splitHighlight } from './highlight';

describe('search highlights', () => {
  it('splits marked words from the rest', () => {
    expect(splitHighlight('say <mark>hello</mark> to <mark>all</mark>!')).toEqual([
      { text: 'say ', marked: false },
      { text: 'hello', marked: true },
      { text: ' to ', marked: false },
      { text: 'all', marked: true },
      { text: '!', marked: false },
    ]);
  });

  it('keeps any other markup as text', () => {
    expect(splitHighlight('<img src=x onerror=alert(1)> <mark>x</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: 'x', marked: true },
    ]);
  });
});
