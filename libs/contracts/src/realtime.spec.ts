import { describe, expect, it } from 'vitest';
import { dispatchSeq, dispatchSeqs } from './realtime';

describe('protocol 2 counting', () => {
  it('a frame without seq is the next one; a frame with seq keeps it; an ephemeral one has none', () => {
    expect(dispatchSeq({}, 4)).toBe(5);
    expect(dispatchSeq({ seq: 9 }, 4)).toBe(9);
    expect(dispatchSeq({ seq: null }, 4)).toBeNull();
  });

  it('counts a stream from where the client stands, a carried seq resetting the count', () => {
    const frames = [{}, { seq: null }, {}, { seq: 7 }, {}, { seq: 3 }];
    expect(dispatchSeqs(frames)).toEqual([1, 2, 7, 8, 3]);
    expect(dispatchSeqs([{}, {}], 41)).toEqual([42, 43]);
    expect(dispatchSeqs([])).toEqual([]);
  });
});
