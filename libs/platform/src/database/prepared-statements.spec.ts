import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { PreparingPool, StatementNames } from './prepared-statements';

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

  it('names nothing with a limit of 0 (prepared statements switched off)', () => {
    const names = new StatementNames(0);
    for (let use = 0; use < 3; use++) expect(names.nameOf('select $1')).toBeUndefined();
  });
});

describe('PreparingPool', () => {
  /** A pg pool of one client whose queries fail with `failure`; records how the client was released. */
  function poolFailingWith(failure: Error) {
    const releases: unknown[] = [];
    const client = {
      query: () => Promise.reject(failure),
      release: (destroy?: unknown) => releases.push(destroy),
    };
    const pool = { connect: () => Promise.resolve(client), options: {} } as unknown as pg.Pool;
    return { pool: new PreparingPool(pool), releases };
  }

  it('discards a connection whose query failed because the server went away', async () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const { pool, releases } = poolFailingWith(terminated);
    const connection = await pool.connect();
    await expect(connection.query('select pg_sleep(10)', [])).rejects.toBe(terminated);
    connection.release();
    expect(releases).toEqual([true]);
  });

  it('returns a connection to the pool after a query error of its own', async () => {
    const duplicate = Object.assign(new Error('duplicate key value'), { code: '23505' });
    const { pool, releases } = poolFailingWith(duplicate);
    const connection = await pool.connect();
    await expect(connection.query('insert into t values ($1)', [1])).rejects.toBe(duplicate);
    connection.release();
    expect(releases).toEqual([false]);
  });
});
