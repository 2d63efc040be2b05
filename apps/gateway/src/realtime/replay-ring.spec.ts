import { describe, expect, it } from 'vitest';
import { batchFrame, dispatchFrame, encodeDispatch, writeBatch, writeDispatch } from './dispatch-frame';
import { ReplayRing } from './replay-ring';

const dispatch = (id: string) => encodeDispatch({ id, type: 'message.created', data: { id } });

describe('ReplayRing', () => {
  it('keeps the newest capacity entries in order', () => {
    const ring = new ReplayRing(3);
    for (let seq = 1; seq <= 5; seq++) ring.push({ seq, dispatch: dispatch(`e${seq}`) });
    expect(ring.size).toBe(3);
    expect(ring.entries().map((entry) => [entry.seq, entry.dispatch.id])).toEqual([
      [3, 'e3'],
      [4, 'e4'],
      [5, 'e5'],
    ]);
    expect(ring.after(4).map((entry) => entry.seq)).toEqual([5]);
    expect(ring.after(5)).toEqual([]);
  });

  it('is empty until pushed', () => {
    const ring = new ReplayRing(2);
    expect(ring.entries()).toEqual([]);
    ring.push({ seq: 1, dispatch: dispatch('a') });
    expect(ring.after(0).map((entry) => entry.dispatch.id)).toEqual(['a']);
  });
});

describe('dispatch frames', () => {
  it('encodes what socket.io would for emit("dispatch", {seq, type, data})', () => {
    const encoded = encodeDispatch({ id: 'x', type: 'message.created', data: { content: 'a "quoted" é' } });
    const frame = dispatchFrame(encoded, 42);
    expect(frame.startsWith('2')).toBe(true);
    expect(JSON.parse(frame.slice(1))).toEqual([
      'dispatch',
      { seq: 42, type: 'message.created', data: { content: 'a "quoted" é' } },
    ]);
    expect(JSON.parse(dispatchFrame(encoded, null).slice(1))[1].seq).toBeNull();
  });

  it('encodes what socket.io would for emit("dispatches", [{seq, type, data}, …])', () => {
    const a = encodeDispatch({ id: 'a', type: 'message.created', data: { content: 'x]},{' } });
    const b = encodeDispatch({ id: 'b', type: 'message.deleted', data: null });
    expect(
      JSON.parse(
        batchFrame([
          { seq: 7, dispatch: a },
          { seq: 8, dispatch: b },
        ]).slice(1),
      ),
    ).toEqual([
      'dispatches',
      [
        { seq: 7, type: 'message.created', data: { content: 'x]},{' } },
        { seq: 8, type: 'message.deleted', data: null },
      ],
    ]);
    expect(JSON.parse(batchFrame([{ seq: 1, dispatch: a }]).slice(1))[1]).toHaveLength(1);
  });

  it('writes only to an open transport', () => {
    const written: string[] = [];
    const open = { readyState: 'open', write: (data: string) => written.push(data) };
    expect(writeDispatch(open, dispatch('a'), 1)).toBe(true);
    expect(writeDispatch({ ...open, readyState: 'closing' }, dispatch('b'), 2)).toBe(false);
    expect(written).toHaveLength(1);
    expect(writeBatch(open, [])).toBe(false);
    expect(writeBatch({ ...open, readyState: 'closing' }, [{ seq: 1, dispatch: dispatch('c') }])).toBe(false);
    expect(writeBatch(open, [{ seq: 1, dispatch: dispatch('c') }])).toBe(true);
    expect(written).toHaveLength(2);
  });
});
