import { describe, expect, it } from 'vitest';
import { groupRows, KeyedBatch } from './keyed-batch';

function recordingBatch(maxKeys?: number) {
  const reads: string[][] = [];
  const batch = new KeyedBatch<string, string>(
    async (keys) => {
      reads.push([...keys].sort());
      return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, `value of ${key}`]));
    },
    { maxKeys },
  );
  return { batch, reads };
}

describe('KeyedBatch', () => {
  it('reads the keys of concurrent callers once, and answers each caller its own keys only', async () => {
    const { batch, reads } = recordingBatch();
    const [first, second] = await Promise.all([batch.get(['a', 'b']), batch.get(['b', 'c', 'missing'])]);
    expect(reads).toEqual([['a', 'b', 'c', 'missing']]);
    expect(first).toEqual(
      new Map([
        ['a', 'value of a'],
        ['b', 'value of b'],
      ]),
    );
    expect(second).toEqual(
      new Map([
        ['b', 'value of b'],
        ['c', 'value of c'],
      ]),
    );
  });

  it('reads again for a caller that comes after the read started (it never gets older data)', async () => {
    const { batch, reads } = recordingBatch();
    const early = batch.get(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    const late = batch.get(['a']);
    await Promise.all([early, late]);
    expect(reads).toEqual([['a'], ['a']]);
  });

  it('with gatherMs, also gathers callers of later turns within the window', async () => {
    const reads: string[][] = [];
    const batch = new KeyedBatch<string, string>(
      async (keys) => {
        reads.push([...keys].sort());
        return new Map(keys.map((key) => [key, key]));
      },
      { gatherMs: 30 },
    );
    const early = batch.get(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    const later = batch.get(['b']);
    await Promise.all([early, later]);
    expect(reads).toEqual([['a', 'b']]);
  });

  it('splits more concurrent keys than maxKeys over several reads', async () => {
    const { batch, reads } = recordingBatch(3);
    const answers = await Promise.all([batch.get(['a', 'b']), batch.get(['c', 'd']), batch.get(['e'])]);
    expect(reads).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(answers.map((answer) => [...answer.keys()])).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('answers no keys without reading, and passes a failed read to every caller of its batch', async () => {
    const failing = new KeyedBatch<string, string>(async () => {
      throw new Error('database down');
    });
    expect(await failing.get([])).toEqual(new Map());
    const results = await Promise.allSettled([failing.get(['a']), failing.get(['b'])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const throwing = new KeyedBatch<string, string>(() => {
      throw new Error('bad query');
    });
    await expect(throwing.get(['a'])).rejects.toThrow('bad query');
  });
});

describe('groupRows', () => {
  it('keeps what valueOf makes of each row', () => {
    const rows = [
      { guild: 'g1', id: 1 },
      { guild: 'g1', id: 3 },
    ];
    expect(
      groupRows(
        rows,
        (row) => row.guild,
        (row) => row.id,
      ),
    ).toEqual(new Map([['g1', [1, 3]]]));
  });

  it('groups rows by key, keeping their order', () => {
    const rows = [
      { guild: 'g1', id: 1 },
      { guild: 'g2', id: 2 },
      { guild: 'g1', id: 3 },
    ];
    expect(groupRows(rows, (row) => row.guild)).toEqual(
      new Map([
        ['g1', [rows[0], rows[2]]],
        ['g2', [rows[1]]],
      ]),
    );
  });
});
