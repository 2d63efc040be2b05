import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared-statements';

describe('StatementNames', () => {
  it('names a text on its second use, and keeps that name', () => {
    const names = new StatementNames();
    expect(names.nameOf('select $1')).toBeUndefined();
    const name = names.nameOf('select $1');
    expect(name).toMatch(/^bonfire_\d+$/);
    expect(names.nameOf('select $1')).toBe(name);
  });

  it('gives different texts different names', () => {
    const names = new StatementNames();
    for (const text of ['select $1', 'select $2']) names.nameOf(text);
    expect(names.nameOf('select $1')).not.toBe(names.nameOf('select $2'));
  });

  it('names no more texts than its limit; those beyond stay unnamed', () => {
    const names = new StatementNames(2);
    const texts = ['select 1 where $1', 'select 2 where $1', 'select 3 where $1'];
    for (const text of [...texts, ...texts]) names.nameOf(text);
    expect(texts.map((text) => names.nameOf(text) !== undefined)).toEqual([true, true, false]);
  });
});
