import type { CallerIdentity } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { encodeDispatch, SharedBatches } from './dispatch-frame';
import { RealtimeSession, sequenced } from './realtime-session';
import { fakeSocket as fakeSocketOf } from './realtime.providers.test-kit';

const identity = { userId: 'u1', sessionId: 's1' } as unknown as CallerIdentity;
const dispatch = (id: string) => encodeDispatch({ id, type: 'message.updated', data: { id } });

/** A socket whose transport records the frames written to it, and the seq of each dispatch. */
function fakeSocket(options: { batching?: boolean; protocol?: 1 | 2 } = {}) {
  const { socket, dispatches, counted, events, wsFrames } = fakeSocketOf('a', 'u1', options);
  return { socket, events, wsFrames, counted, seqs: () => dispatches().map(([seq]) => seq) };
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

  describe('protocol 2', () => {
    it('writes the next dispatches without numbers, in the frame every socket shares', () => {
      const first = session();
      const second = session();
      const a = fakeSocket({ protocol: 2 });
      const b = fakeSocket({ protocol: 2 });
      first.socket = a.socket;
      second.socket = b.socket;
      first.release(0);
      second.push(dispatch('before'));
      second.release(0);
      const shared = dispatch('x');
      first.push(shared);
      second.push(shared);
      first.flush();
      second.flush();
      expect(a.seqs()).toEqual([undefined]);
      expect(b.seqs()).toEqual([undefined, undefined]);
      // Different numbers (1 and 2) yet one frame: the websocket bytes are the same objects.
      expect(a.wsFrames[0]).toBe(b.wsFrames[1]);
      expect(a.counted()).toEqual([1]);
      expect(b.counted()).toEqual([1, 2]);
    });

    it('numbers the frames explicitly once the numbers skip (the ring wrapped), so the client sees the gap', () => {
      const behind = session(2);
      const { socket, seqs, counted } = fakeSocket({ protocol: 2 });
      behind.socket = socket;
      behind.release(0);
      behind.push(dispatch('a'));
      behind.flush();
      for (const id of ['b', 'c', 'd']) behind.push(dispatch(id));
      behind.flush();
      expect(seqs()).toEqual([undefined, 3, 4]);
      expect(counted()).toEqual([1, 3, 4]);
    });

    it('counts a resume from the seq the client presented', () => {
      const resumed = session();
      for (const id of ['a', 'b', 'c']) resumed.push(dispatch(id));
      const { socket, counted } = fakeSocket({ protocol: 2 });
      resumed.socket = socket;
      expect(resumed.release(1)).toBe(2);
      expect(counted(1)).toEqual([2, 3]);
    });

    it('shares a batch between sessions that collected the same dispatches, and only within one round', () => {
      const sessions = [session(), session(), session()];
      const sockets = sessions.map((one) => {
        const fake = fakeSocket({ batching: true, protocol: 2 });
        one.socket = fake.socket;
        one.release(0);
        return fake;
      });
      const [x, y] = [dispatch('x'), dispatch('y')];
      for (const one of sessions) one.push(x);
      for (const one of sessions.slice(0, 2)) one.push(y);
      const round = new SharedBatches();
      for (const one of sessions) one.flush(round);
      const [a, b, c] = sockets;
      expect(a!.events()).toEqual(['dispatches']);
      expect(a!.seqs()).toEqual([undefined, undefined]);
      expect(a!.wsFrames[0]).toBe(b!.wsFrames[0]);
      expect(c!.seqs()).toEqual([undefined]);
      expect(c!.wsFrames[0]).not.toBe(a!.wsFrames[0]);
      const later = dispatch('z');
      sessions[0]!.push(later);
      sessions[1]!.push(later);
      sessions[0]!.flush(new SharedBatches());
      sessions[1]!.flush(new SharedBatches());
      expect(a!.wsFrames[1]).not.toBe(b!.wsFrames[1]);
      expect(a!.counted()).toEqual([1, 2, 3]);
    });

    it('sparse traffic: each batching session writes the room’s one batch of one, numbered in protocol 1', () => {
      const sessions = [session(), session()];
      const sockets = sessions.map((one) => {
        const fake = fakeSocket({ batching: true, protocol: 2 });
        one.socket = fake.socket;
        one.release(0);
        return fake;
      });
      const old = session();
      const oldSocket = fakeSocket({ batching: true, protocol: 1 });
      old.socket = oldSocket.socket;
      old.release(0);
      for (const id of ['x', 'y']) {
        const next = dispatch(id);
        const round = new SharedBatches();
        for (const one of [...sessions, old]) {
          one.push(next);
          expect(one.flush(round)).toBe(1);
        }
      }
      const [a, b] = sockets;
      expect(a!.events()).toEqual(['dispatches', 'dispatches']);
      expect(a!.seqs()).toEqual([undefined, undefined]);
      expect(a!.wsFrames[0]).toBe(b!.wsFrames[0]);
      expect(a!.wsFrames[1]).toBe(b!.wsFrames[1]);
      expect(a!.wsFrames[1]).not.toBe(a!.wsFrames[0]);
      expect(a!.counted()).toEqual([1, 2]);
      expect(oldSocket.events()).toEqual(['dispatches', 'dispatches']);
      expect(oldSocket.seqs()).toEqual([1, 2]);
    });

    it('a protocol 1 socket beside it still gets every number', () => {
      const old = session();
      const { socket, seqs } = fakeSocket({ protocol: 1 });
      old.socket = socket;
      old.release(0);
      old.push(dispatch('a'));
      old.flush();
      expect(seqs()).toEqual([1]);
    });
  });
});
