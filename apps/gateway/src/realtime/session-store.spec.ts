import { describe, expect, it } from 'vitest';
import { type BufferedDispatch, planReplay } from './session-store';

const entries = (from: number, to: number): BufferedDispatch[] =>
  Array.from({ length: to - from + 1 }, (_, index) => ({
    seq: from + index,
    id: `e${from + index}`,
    type: 'message.created',
    data: {},
  }));

describe('resume buffer slicing', () => {
  it('replays exactly what came after lastSeq, in order', () => {
    const plan = planReplay(entries(1, 10), 6, 10);
    expect(plan.ok && plan.entries.map((entry) => entry.seq)).toEqual([7, 8, 9, 10]);
  });

  it('replays nothing when the client is up to date', () => {
    expect(planReplay(entries(1, 10), 10, 10)).toEqual({ ok: true, entries: [] });
    expect(planReplay([], 0, 0)).toEqual({ ok: true, entries: [] });
  });

  it('includes entries appended after the takeover', () => {
    const plan = planReplay(entries(1, 12), 9, 10);
    expect(plan.ok && plan.entries.map((entry) => entry.seq)).toEqual([10, 11, 12]);
  });

  it('refuses when the buffer no longer reaches back to lastSeq', () => {
    expect(planReplay(entries(5, 10), 2, 10)).toEqual({ ok: false, reason: 'BUFFER_EXCEEDED' });
    expect(planReplay([], 2, 10)).toEqual({ ok: false, reason: 'BUFFER_EXCEEDED' });
  });

  it('refuses a lastSeq ahead of the session or not a counter', () => {
    expect(planReplay(entries(1, 3), 4, 3).ok).toBe(false);
    expect(planReplay(entries(1, 3), -1, 3).ok).toBe(false);
    expect(planReplay(entries(1, 3), 1.5, 3).ok).toBe(false);
  });
});
