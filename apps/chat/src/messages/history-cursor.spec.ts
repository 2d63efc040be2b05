import { describe, expect, it } from 'vitest';
import { cursorField, historyQuerySchema, planHistory } from './history-cursor';

describe('history query', () => {
  it('defaults to the latest 50', () => {
    const query = historyQuerySchema.parse({});
    expect(planHistory(query)).toEqual({ kind: 'latest', limit: 50 });
    expect(cursorField(planHistory(query))).toBeNull();
  });

  it('accepts one cursor and a limit of 1..100', () => {
    expect(planHistory(historyQuerySchema.parse({ before: '123', limit: '100' }))).toEqual({
      kind: 'before',
      cursor: '123',
      limit: 100,
    });
    expect(planHistory(historyQuerySchema.parse({ after: '5', limit: '1' }))).toEqual({
      kind: 'after',
      cursor: '5',
      limit: 1,
    });
  });

  it('splits around into older (cursor included) and newer halves', () => {
    expect(planHistory(historyQuerySchema.parse({ around: '9', limit: '5' }))).toEqual({
      kind: 'around',
      cursor: '9',
      older: 3,
      newer: 2,
    });
    expect(planHistory(historyQuerySchema.parse({ around: '9', limit: '1' }))).toMatchObject({
      older: 1,
      newer: 0,
    });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'x' }, 'limit'],
    [{ before: 'abc' }, 'before'],
    [{ after: '-1' }, 'after'],
    [{ around: '99999999999999999999' }, 'around'],
    [{ before: '1', after: '2' }, 'after'],
  ])('refuses %o naming %s', (query, field) => {
    const result = historyQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });
});
