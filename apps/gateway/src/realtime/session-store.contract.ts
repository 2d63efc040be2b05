import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionStore, SessionStoreOptions } from './session-store';

interface SessionStoreHarness {
  store: SessionStore;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dispatch = (seq: number, id: string, data: unknown = {}) => ({
  seq,
  id,
  type: 'message.created',
  data,
});

/** One behaviour suite for every SessionStore adapter (real clock: windows of whole seconds). */
export function describeSessionStoreContract(
  name: string,
  makeStore: (options: SessionStoreOptions) => Promise<SessionStoreHarness>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let harness: SessionStoreHarness | undefined;
    const open = async (options: Partial<SessionStoreOptions> = {}) => {
      harness = await makeStore({ windowSeconds: 60, ...options });
      return harness.store;
    };
    const id = () => randomUUID();

    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it('creates a session and knows no other', async () => {
      const store = await open();
      const [session, user] = [id(), id()];
      await store.create(session, user, 'node/a');
      expect(await store.get(session)).toEqual({ userId: user, owner: 'node/a' });
      expect(await store.get(id())).toBeNull();
      expect(await store.handedOver(session, 'node/a')).toBeNull();
    });

    it('takes a session over only from the expected owner; the old owner hands its buffer to the new one, intact', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node-1/a');
      expect(await store.takeover(session, 'node-1/stale', 'node-2/b')).toBe(false);
      expect(await store.takeover(id(), 'node-1/a', 'node-2/b')).toBe(false);
      expect(await store.takeover(session, 'node-1/a', 'node-2/b')).toBe(true);
      expect(await store.get(session)).toMatchObject({ owner: 'node-2/b' });
      expect(await store.handedOver(session, 'node-2/b')).toBeNull();
      const entries = [
        dispatch(4, 'e4', { content: 'b|c', n: [1, 2] }),
        dispatch(5, 'e5', null),
        dispatch(6, 'e6'),
      ];
      // Only to the connection holding the session now.
      expect(await store.handOver(session, 'node-3/c', { seq: 6, entries })).toBe(false);
      expect(await store.handOver(session, 'node-2/b', { seq: 6, entries })).toBe(true);
      expect(await store.handedOver(session, 'node-3/c')).toBeNull();
      expect(await store.handedOver(session, 'node-2/b')).toEqual({ seq: 6, entries });
    });

    it('hands over an empty buffer, and a gone session as seq -1', async () => {
      const store = await open();
      const [quiet, gone] = [id(), id()];
      for (const session of [quiet, gone]) await store.create(session, id(), 'n/a');
      for (const session of [quiet, gone]) await store.takeover(session, 'n/a', 'n/b');
      await store.handOver(quiet, 'n/b', { seq: 0, entries: [] });
      await store.handOver(gone, 'n/b', { seq: -1, entries: [] });
      expect(await store.handedOver(quiet, 'n/b')).toEqual({ seq: 0, entries: [] });
      expect(await store.handedOver(gone, 'n/b')).toEqual({ seq: -1, entries: [] });
    });

    it('hands over a buffer of a thousand and more dispatches', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'n/a');
      await store.takeover(session, 'n/a', 'n/b');
      const entries = Array.from({ length: 1_234 }, (_, n) => dispatch(n + 1, `e${n + 1}`, { n }));
      await store.handOver(session, 'n/b', { seq: 1_234, entries });
      const handed = await store.handedOver(session, 'n/b');
      expect(handed?.entries).toHaveLength(1_234);
      expect(handed?.entries.at(-1)).toEqual(entries.at(-1));
    });

    it('a second takeover clears what was handed to the first', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'n/a');
      await store.takeover(session, 'n/a', 'n/b');
      await store.handOver(session, 'n/b', { seq: 2, entries: [dispatch(1, 'e1'), dispatch(2, 'e2')] });
      expect(await store.takeover(session, 'n/b', 'n/c')).toBe(true);
      expect(await store.handedOver(session, 'n/b')).toBeNull();
      expect(await store.handedOver(session, 'n/c')).toBeNull();
    });

    it('lets exactly one of two racing takeovers win', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node-1/a');
      const results = await Promise.all([
        store.takeover(session, 'node-1/a', 'node-2/b'),
        store.takeover(session, 'node-1/a', 'node-3/c'),
      ]);
      expect(results).toEqual([true, false]);
      expect((await store.get(session))?.owner).toBe('node-2/b');
    });

    it('forgets a session only for its owner', async () => {
      const store = await open();
      const session = id();
      await store.create(session, id(), 'node/a');
      await store.forget(session, 'node/b');
      expect(await store.get(session)).not.toBeNull();
      await store.forget(session, 'node/a');
      expect(await store.get(session)).toBeNull();
      expect(await store.takeover(session, 'node/a', 'node/b')).toBe(false);
    });

    it('expires a session not refreshed within the window; refresh and takeover keep one alive', async () => {
      const store = await open({ windowSeconds: 2 });
      const [detached, refreshed, taken] = [id(), id(), id()];
      for (const session of [detached, refreshed, taken]) await store.create(session, id(), 'n/a');
      await sleep(1_000);
      await store.refresh([refreshed, id()]);
      await store.takeover(taken, 'n/a', 'n/b');
      await sleep(1_250);
      expect(await store.get(detached)).toBeNull();
      expect(await store.takeover(detached, 'n/a', 'n/b')).toBe(false);
      expect(await store.get(refreshed)).toMatchObject({ owner: 'n/a' });
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

    /** A handshake under a rate that never refuses: the connection claim alone. */
    const claimConnection = async (
      store: SessionStore,
      userId: string,
      connectionId: string,
      cap: number,
      ttlSeconds: number,
    ) =>
      (await store.claimHandshake(userId, connectionId, {
        perWindow: 1_000,
        windowSeconds: 60,
        cap,
        ttlSeconds,
      })) === 'claimed';

    it('holds at most cap connections of a user, even when every claim races', async () => {
      const store = await open();
      const [user, other] = [id(), id()];
      const claims = await Promise.all(
        Array.from({ length: 25 }, (_, n) => claimConnection(store, user, `node-${n % 2}/s${n}`, 10, 60)),
      );
      expect(claims.filter(Boolean)).toHaveLength(10);
      expect(await claimConnection(store, other, 'node-0/x', 10, 60)).toBe(true);
      // a held connection claimed again is not a new one
      const held = claims.findIndex(Boolean);
      expect(await claimConnection(store, user, `node-${held % 2}/s${held}`, 10, 60)).toBe(true);
      await store.releaseConnection(user, `node-${held % 2}/s${held}`);
      await store.releaseConnection(user, `node-${held % 2}/s${held}`);
      expect(await claimConnection(store, user, 'node-2/late', 10, 60)).toBe(true);
      expect(
        await store.claimHandshake(user, 'node-2/later', {
          perWindow: 1_000,
          windowSeconds: 60,
          cap: 10,
          ttlSeconds: 60,
        }),
      ).toBe('too-many-connections');
    });

    it('lets unrefreshed connections lapse (a gateway that died) and keeps refreshed ones', async () => {
      const store = await open();
      const user = id();
      expect(await claimConnection(store, user, 'alive/a', 2, 1)).toBe(true);
      expect(await claimConnection(store, user, 'dead/b', 2, 1)).toBe(true);
      expect(await claimConnection(store, user, 'alive/c', 2, 1)).toBe(false);
      await sleep(600);
      await store.refreshConnections(
        [
          { userId: user, connectionId: 'alive/a' },
          { userId: user, connectionId: 'never-held/z' },
        ],
        2,
      );
      await sleep(600);
      expect(await claimConnection(store, user, 'alive/c', 2, 1)).toBe(true);
      expect(await claimConnection(store, user, 'alive/d', 2, 1)).toBe(false);
    });

    it('counts handshakes per user and window, refused ones too, and holds no connection over the rate', async () => {
      const store = await open();
      const [user, other] = [id(), id()];
      const limits = { perWindow: 5, windowSeconds: 60, cap: 3, ttlSeconds: 60 };
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, n) => store.claimHandshake(user, `node/s${n}`, limits)),
      );
      // 5 counted under the rate, of which 3 fit the cap; 3 over the rate
      expect(claims.filter((claim) => claim === 'claimed')).toHaveLength(3);
      expect(claims.filter((claim) => claim === 'too-many-connections')).toHaveLength(2);
      expect(claims.filter((claim) => claim === 'rate-limited')).toHaveLength(3);
      expect(await store.claimHandshake(other, 'node/x', limits)).toBe('claimed');
      // a released place is not given to a handshake over the rate
      const held = claims.findIndex((claim) => claim === 'claimed');
      await store.releaseConnection(user, `node/s${held}`);
      expect(await store.claimHandshake(user, 'node/late', limits)).toBe('rate-limited');
      // …it is still free for a handshake within its rate
      expect(await claimConnection(store, user, 'node/later', 3, 60)).toBe(true);
    });
  });
}
