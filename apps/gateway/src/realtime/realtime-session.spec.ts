import type { CallerIdentity } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { encodeDispatch } from './dispatch-frame';
import { RealtimeSession, sequenced } from './realtime-session';
import { fakeSocket as fakeSocketOf } from './realtime.providers.test-kit';

const identity = { userId: 'u1', sessionId: 's1' } as unknown as CallerIdentity;
const dispatch = (id: string) => encodeDispatch({ id, type: 'message.updated', data: { id } });

/** A socket whose transport records the frames written to it, and the seq of each dispatch. */
function fakeSocket(options: { batching?: boolean } = {}) {
  const { socket, dispatches, events } = fakeSocketOf('a', 'u1', options);
  return { socket, events, seqs: () => dispatches().map(([seq]) => seq) };
}

function session(bufferSize = 10): RealtimeSession {
  return new RealtimeSession('s', 'u1', identity, 'node/a', bufferSize);
}

describe('RealtimeSession', () => {
  it('numbers dispatches while held and writes them, in order, once released', () => {
    const live = session();
    const { socket, seqs } = fakeSocket();
    live.socket = socket;
    expect(live.push(dispatch('a'))).toBe(true);
    expect(live.push(dispatch('b'))).toBe(true);
    expect(live.flush()).toBe(0);
    expect(live.release(0)).toBe(2);
    live.push(dispatch('c'));
    expect(live.flush()).toBe(1);
    expect(seqs()).toEqual([1, 2, 3]);
  });

  it('keeps buffering while detached and writes nothing', () => {
    const detached = session();
    detached.release(0);
    detached.push(dispatch('a'));
    expect(detached.flush()).toBe(0);
    expect(detached.buffered().map((entry) => entry.seq)).toEqual([1]);
  });

  it('skips dispatches once dropped', () => {
    const dropped = session();
    dropped.dropped = true;
    expect(dropped.push(dispatch('a'))).toBe(false);
  });

  it('hands over its numbering and buffer, and a resuming session adopts them, without duplicates', () => {
    const previous = session(3);
    for (const id of ['a', 'b', 'c', 'd']) previous.push(dispatch(id));
    const handed = previous.handOver();
    expect(handed.seq).toBe(4);
    expect(handed.entries.map((entry) => [entry.seq, entry.id])).toEqual([
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);

    const resuming = session(5);
    resuming.seq = null;
    // Arrived while the hand-over was on its way: 'd' the previous owner already had, 'e' it did not.
    expect(resuming.push(dispatch('d'))).toBe(false);
    expect(resuming.push(dispatch('e'))).toBe(false);
    resuming.adopt(handed.seq, sequenced(handed.entries));
    expect(resuming.seq).toBe(5);
    expect(resuming.buffered().map((entry) => [entry.seq, entry.dispatch.id])).toEqual([
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
    ]);
    const { socket, seqs } = fakeSocket();
    resuming.socket = socket;
    expect(resuming.release(2)).toBe(3);
    expect(seqs()).toEqual([3, 4, 5]);
  });

  it("writes a batching client's pending dispatches as one frame, replays included", () => {
    const live = session();
    const { socket, seqs, events } = fakeSocket({ batching: true });
    live.socket = socket;
    live.push(dispatch('a'));
    live.push(dispatch('b'));
    expect(live.release(0)).toBe(2);
    live.push(dispatch('c'));
    expect(live.flush()).toBe(1);
    expect(events()).toEqual(['dispatches', 'dispatches']);
    expect(seqs()).toEqual([1, 2, 3]);
  });
});
