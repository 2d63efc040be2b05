import { describe, expect, it } from 'vitest';
import { encodeDispatch } from './dispatch-frame';
import { ReplayRing } from './replay-ring';

const dispatch = (id: string) => encodeDispatch({ id, type: 'message.created', data: { id } });

describe('ReplayRing', () => {
  it('keeps the newest capacity entries in order', () => {
    const ring = new ReplayRing(3);
    for (let seq = 1; seq <= 5; seq++) ring.push(seq, dispatch(`e${seq}`));
    expect(ring.size).toBe(3);
    expect(ring.entries().map((entry) => [entry.seq, entry.dispatch.id])).toEqual([
      [3, 'e3'],
      [4, 'e4'],
      [5, 'e5'],
    ]);
    expect(ring.after(4).map((entry) => entry.seq)).toEqual([5]);
    expect(ring.after(5)).toEqual([]);
    expect(ring.lastDispatch()?.id).toBe('e5');
  });

  it('wraps around many times, keeping the newest in order', () => {
    const ring = new ReplayRing(4);
    for (let seq = 1; seq <= 103; seq++) ring.push(seq, dispatch(`e${seq}`));
    expect(ring.entries().map((entry) => entry.seq)).toEqual([100, 101, 102, 103]);
    expect(ring.after(101).map((entry) => entry.dispatch.id)).toEqual(['e102', 'e103']);
    expect(ring.lastDispatch()?.id).toBe('e103');
  });

  it('is empty until pushed', () => {
    const ring = new ReplayRing(2);
    expect(ring.entries()).toEqual([]);
    expect(ring.lastDispatch()).toBeUndefined();
    ring.push(1, dispatch('a'));
    expect(ring.after(0).map((entry) => entry.dispatch.id)).toEqual(['a']);
  });
});
