import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionStore, SessionStoreOptions } from './session-store';

export interface SessionStoreHarness {
  store: SessionStore;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const entry = (id: string, data: unknown = {}) => JSON.stringify({ id, type: 'message.created', data });

/** One behaviour suite for every SessionStore adapter (real clock: windows of whole seconds). */
export function describeSessionStoreContract(
  name: string,
  makeStore: (options: SessionStoreOptions) => Promise<SessionStoreHarness>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let harness: SessionStoreHarness | undefined;
    const open = async (options: Partial<SessionStoreOptions> = {}) => {
      harness = await makeStore({ windowSeconds: 60, bufferSize: 100, ...options });
      return harness.store;
    };
    const id = () => randomUUID();

    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it('creates a session at seq 0 and knows no other', async () => {
      const store = await open();
      const [session, user] = [id(), id()];
      await store.create(session, user, 'node/a');
      expect(await store.get(session)).toEqual({ userId: user, seq: 0, owner: 'node/a' });
      expect(await store.buffer(session)).toEqual([]);
      expect(await store.get(id())).toBeNull();
      expect(await store.buffer(id())).toEqual([]);
    });

    it('numbers appended dispatches one by one and replays them in order, intact', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node/a');
      expect(await store.append(session, 'node/a', entry('e1', { content: 'b|c', n: [1, 2] }), true)).toBe(1);
      expect(await store.append(session, 'node/a', entry('e2'), false)).toBe(2);
      expect(await store.append(session, 'node/a', entry('e3', null), true)).toBe(3);
      expect(await store.buffer(session)).toEqual([
        { seq: 1, id: 'e1', type: 'message.created', data: { content: 'b|c', n: [1, 2] } },
        { seq: 2, id: 'e2', type: 'message.created', data: {} },
        { seq: 3, id: 'e3', type: 'message.created', data: null },
      ]);
      expect((await store.get(session))?.seq).toBe(3);
    });

    it('refuses appends from a connection that does not own the session, or to no session', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node/a');
      expect(await store.append(session, 'node/b', entry('x'), true)).toBe(-1);
      expect(await store.append(id(), 'node/a', entry('x'), true)).toBe(-1);
      expect(await store.get(session)).toMatchObject({ seq: 0, owner: 'node/a' });
      expect(await store.buffer(session)).toEqual([]);
    });

    it('keeps only the newest bufferSize dispatches, while seq keeps counting', async () => {
      const store = await open({ bufferSize: 3 });
      const session = id();
      await store.create(session, id(), 'node/a');
      for (let n = 1; n <= 5; n++) await store.append(session, 'node/a', entry(`e${n}`), true);
      expect((await store.buffer(session)).map((dispatch) => [dispatch.seq, dispatch.id])).toEqual([
        [3, 'e3'],
        [4, 'e4'],
        [5, 'e5'],
      ]);
      expect((await store.get(session))?.seq).toBe(5);
    });

    it('takes a session over only from the expected owner, and the old owner can no longer append', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node-1/a');
      await store.append(session, 'node-1/a', entry('e1'), true);
      await store.append(session, 'node-1/a', entry('e2'), true);
      expect(await store.takeover(session, 'node-1/stale', 'node-2/b')).toBe(-1);
      expect(await store.takeover(session, 'node-1/a', 'node-2/b')).toBe(2);
      expect(await store.get(session)).toMatchObject({ seq: 2, owner: 'node-2/b' });
      expect(await store.append(session, 'node-1/a', entry('late'), true)).toBe(-1);
      expect(await store.append(session, 'node-2/b', entry('e3'), true)).toBe(3);
      expect((await store.buffer(session)).map((dispatch) => dispatch.id)).toEqual(['e1', 'e2', 'e3']);
      expect(await store.takeover(id(), 'node-1/a', 'node-2/b')).toBe(-1);
    });

    it('lets exactly one of two racing takeovers win', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node-1/a');
      await store.append(session, 'node-1/a', entry('e1'), true);
      const results = await Promise.all([
        store.takeover(session, 'node-1/a', 'node-2/b'),
        store.takeover(session, 'node-1/a', 'node-3/c'),
        store.append(session, 'node-1/a', entry('e2'), true),
      ]);
      expect(results[0]).toBe(1);
      expect(results.slice(1)).toEqual([-1, -1]);
      expect((await store.get(session))?.owner).toBe('node-2/b');
    });

    it('forgets a session (and its buffer) only for its owner', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node/a');
      await store.append(session, 'node/a', entry('e1'), true);
      await store.forget(session, 'node/b');
      expect((await store.get(session))?.seq).toBe(1);
      await store.forget(session, 'node/a');
      expect(await store.get(session)).toBeNull();
      expect(await store.buffer(session)).toEqual([]);
      expect(await store.append(session, 'node/a', entry('e2'), true)).toBe(-1);
    });

    it('expires a detached session with its buffer; refresh, a refreshing append and takeover keep one alive', async () => {
      const store = await open({ windowSeconds: 2 });
      const [detached, refreshed, appended, taken] = [id(), id(), id(), id()];
      for (const session of [detached, refreshed, appended, taken]) await store.create(session, id(), 'n/a');
      await store.append(detached, 'n/a', entry('d1'), false);
      await sleep(1_000);
      await store.refresh([refreshed, id()]);
      await store.append(appended, 'n/a', entry('a1'), true);
      await store.takeover(taken, 'n/a', 'n/b');
      expect(await store.append(detached, 'n/a', entry('d2'), false)).toBe(2);
      await sleep(1_250);
      expect(await store.get(detached)).toBeNull();
      expect(await store.buffer(detached)).toEqual([]);
      expect(await store.append(detached, 'n/a', entry('d3'), true)).toBe(-1);
      expect(await store.get(refreshed)).toMatchObject({ seq: 0 });
      expect((await store.buffer(appended)).map((dispatch) => dispatch.id)).toEqual(['a1']);
      expect(await store.get(taken)).toMatchObject({ owner: 'n/b' });
    });

    it('knows a gateway alive while its heartbeat lasts, and not once forgotten', async () => {
      const store = await open();
      const [lasting, brief] = [id(), id()];
      expect(await store.isNodeAlive(lasting)).toBe(false);
      await store.heartbeat(lasting, 60);
      await store.heartbeat(brief, 1);
      expect(await store.isNodeAlive(lasting)).toBe(true);
      expect(await store.isNodeAlive(brief)).toBe(true);
      await store.forgetNode(lasting);
      expect(await store.isNodeAlive(lasting)).toBe(false);
      await sleep(1_100);
      expect(await store.isNodeAlive(brief)).toBe(false);
    });

    it('lets a user send typing in a channel once per interval', async () => {
      const store = await open();
      const [user, channel] = [id(), id()];
      expect(await store.claimTyping(user, channel, 1)).toBe(true);
      expect(await store.claimTyping(user, channel, 1)).toBe(false);
      expect(await store.claimTyping(user, id(), 1)).toBe(true);
      expect(await store.claimTyping(id(), channel, 1)).toBe(true);
      await sleep(1_100);
      expect(await store.claimTyping(user, channel, 1)).toBe(true);
      expect(await store.claimTyping(user, channel, 1)).toBe(false);
    });

    it('holds at most cap connections of a user, even when every claim races', async () => {
      const store = await open();
      const [user, other] = [id(), id()];
      const claims = await Promise.all(
        Array.from({ length: 25 }, (_, n) => store.claimConnection(user, `node-${n % 2}/s${n}`, 10, 60)),
      );
      expect(claims.filter(Boolean)).toHaveLength(10);
      expect(await store.claimConnection(other, 'node-0/x', 10, 60)).toBe(true);
      // a held connection claimed again is not a new one
      const held = claims.findIndex(Boolean);
      expect(await store.claimConnection(user, `node-${held % 2}/s${held}`, 10, 60)).toBe(true);
      await store.releaseConnection(user, `node-${held % 2}/s${held}`);
      await store.releaseConnection(user, `node-${held % 2}/s${held}`);
      expect(await store.claimConnection(user, 'node-2/late', 10, 60)).toBe(true);
      expect(await store.claimConnection(user, 'node-2/later', 10, 60)).toBe(false);
    });

    it('lets unrefreshed connections lapse (a gateway that died) and keeps refreshed ones', async () => {
      const store = await open();
      const user = id();
      expect(await store.claimConnection(user, 'alive/a', 2, 1)).toBe(true);
      expect(await store.claimConnection(user, 'dead/b', 2, 1)).toBe(true);
      expect(await store.claimConnection(user, 'alive/c', 2, 1)).toBe(false);
      await sleep(600);
      await store.refreshConnections(
        [
          { userId: user, connectionId: 'alive/a' },
          { userId: user, connectionId: 'never-held/z' },
        ],
        2,
      );
      await sleep(600);
      expect(await store.claimConnection(user, 'alive/c', 2, 1)).toBe(true);
      expect(await store.claimConnection(user, 'alive/d', 2, 1)).toBe(false);
    });

    it('counts handshakes per user and window', async () => {
      const store = await open();
      const [user, other] = [id(), id()];
      const counted = await Promise.all(Array.from({ length: 8 }, () => store.claimHandshake(user, 5, 60)));
      expect(counted.filter(Boolean)).toHaveLength(5);
      expect(await store.claimHandshake(other, 5, 60)).toBe(true);
    });
  });
}
