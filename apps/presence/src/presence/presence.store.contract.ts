import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AggregatedPresence } from './aggregate';
import type { PresenceConnection, PresenceStore } from './presence.store';

interface PresenceStoreHarness {
  store: PresenceStore;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const online = (text: string | null = null): AggregatedPresence => {
  const customStatus = text ? { text, emoji: null, expiresAt: null } : null;
  return { self: { status: 'online', customStatus }, public: { status: 'online', customStatus } };
};
const OFFLINE: AggregatedPresence = {
  self: { status: 'offline', customStatus: null },
  public: { status: 'offline', customStatus: null },
};

/**
 * One behaviour suite for every PresenceStore adapter (real clock, liveness of whole seconds). Each
 * harness is a fresh, empty store.
 */
export function describePresenceStoreContract(
  name: string,
  makeStore: () => Promise<PresenceStoreHarness>,
): void {
  describe(`PresenceStore contract: ${name}`, () => {
    let harness: PresenceStoreHarness;
    let store: PresenceStore;
    const id = () => randomUUID();
    const conn = (userId: string, activity: 'online' | 'idle' = 'online'): PresenceConnection => ({
      connectionId: id(),
      userId,
      activity,
    });
    const activities = async (userId: string) => (await store.inputs([userId]))[0]!.connections.sort();

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('keeps a user connected across devices and gateways', async () => {
      const [a, b, user, other] = [id(), id(), id(), id()];
      const phone = conn(user);
      const desktop = conn(user, 'idle');
      const elsewhere = conn(other);
      expect(await store.gatewayConnections(a)).toEqual(new Map());
      await store.applyConnections(a, [phone, elsewhere], [], 60);
      await store.applyConnections(b, [desktop], [], 60);
      expect(await store.gatewayConnections(a)).toEqual(
        new Map([
          [phone.connectionId, phone],
          [elsewhere.connectionId, elsewhere],
        ]),
      );
      expect(await activities(user)).toEqual(['idle', 'online']);
      expect(await activities(other)).toEqual(['online']);
    });

    it('updates a connection in place and removes it from its gateway and its user', async () => {
      const [gateway, user] = [id(), id()];
      const phone = conn(user);
      const tablet = conn(user);
      await store.applyConnections(gateway, [phone, tablet], [], 60);
      await store.applyConnections(gateway, [{ ...phone, activity: 'idle' }], [tablet], 60);
      expect(await store.gatewayConnections(gateway)).toEqual(
        new Map([[phone.connectionId, { ...phone, activity: 'idle' }]]),
      );
      expect(await activities(user)).toEqual(['idle']);
      await store.applyConnections(gateway, [], [phone], 60);
      expect(await store.gatewayConnections(gateway)).toEqual(new Map());
      expect(await activities(user)).toEqual([]);
    });

    it('forgets a gateway with its connections, answering what it held', async () => {
      const [dying, living, user] = [id(), id(), id()];
      const [onDying, onLiving] = [conn(user), conn(user, 'idle')];
      await store.applyConnections(dying, [onDying], [], 60);
      await store.applyConnections(living, [onLiving], [], 60);
      expect(await store.forgetGateway(dying)).toEqual([onDying]);
      expect(await store.gatewayConnections(dying)).toEqual(new Map());
      expect(await activities(user)).toEqual(['idle']);
      expect(await store.forgetGateway(dying)).toEqual([]);
    });

    it('finds gateways not heard from within their liveness, until they speak again or are forgotten', async () => {
      const [quiet, chatty, forgotten] = [id(), id(), id()];
      await store.applyConnections(quiet, [conn(id())], [], 1);
      await store.applyConnections(forgotten, [], [], 1);
      await store.applyConnections(chatty, [conn(id())], [], 60);
      expect(await store.deadGateways()).toEqual([]);
      await sleep(1_150);
      expect((await store.deadGateways()).sort()).toEqual([quiet, forgotten].sort());
      await store.forgetGateway(forgotten);
      await store.applyConnections(quiet, [], [], 60);
      expect(await store.deadGateways()).toEqual([]);
    });

    it('gives the sweep lock to one taker until it lapses', async () => {
      const takes = await Promise.all([store.tryLockSweep(300), store.tryLockSweep(300)]);
      expect(takes.sort()).toEqual([false, true]);
      expect(await store.tryLockSweep(300)).toBe(false);
      await sleep(400);
      expect(await store.tryLockSweep(300)).toBe(true);
    });

    it('keeps what a user chose: status and custom status independently', async () => {
      const user = id();
      expect(await store.inputs([user])).toEqual([
        { connections: [], chosen: 'online', customStatus: null, shown: null },
      ]);
      const custom = { text: 'busy', emoji: '🔥', expiresAt: null };
      await store.updatePreference(user, { chosen: 'dnd' });
      await store.updatePreference(user, { customStatus: custom });
      expect((await store.inputs([user]))[0]).toMatchObject({ chosen: 'dnd', customStatus: custom });
      await store.updatePreference(user, { chosen: 'idle', customStatus: null });
      expect((await store.inputs([user]))[0]).toMatchObject({ chosen: 'idle', customStatus: null });
    });

    it('answers each expired custom status once, and only those still scheduled', async () => {
      const [soon, later, cleared, replaced, forever] = [id(), id(), id(), id(), id()];
      const now = Date.now();
      const at = (ms: number) => ({ text: 't', emoji: null, expiresAt: new Date(now + ms).toISOString() });
      await store.updatePreference(soon, { customStatus: at(100) });
      await store.updatePreference(later, { customStatus: at(60_000) });
      await store.updatePreference(cleared, { customStatus: at(100) });
      await store.updatePreference(replaced, { customStatus: at(100) });
      await store.updatePreference(forever, { customStatus: { text: 't', emoji: null, expiresAt: null } });
      await store.updatePreference(cleared, { customStatus: null });
      await store.updatePreference(replaced, { customStatus: { text: 'new', emoji: null, expiresAt: null } });
      expect(await store.takeExpiredCustomStatuses(now)).toEqual([]);
      const takers = await Promise.all([
        store.takeExpiredCustomStatuses(now + 1_000),
        store.takeExpiredCustomStatuses(now + 1_000),
      ]);
      expect(takers.flat()).toEqual([soon]);
      expect(await store.takeExpiredCustomStatuses(now + 120_000)).toEqual([later]);
      // The status itself stays: aggregation hides it by its expiry time.
      expect((await store.inputs([soon]))[0]!.customStatus).toEqual(at(100));
    });

    it('keeps what is shown of users who are not offline', async () => {
      const [alice, bob, carol] = [id(), id(), id()];
      await store.saveShown([
        { userId: alice, presence: online('hi') },
        { userId: bob, presence: online() },
      ]);
      expect(await store.shown([alice, carol, bob])).toEqual(
        new Map([
          [alice, online('hi')],
          [bob, online()],
        ]),
      );
      expect((await store.inputs([alice]))[0]!.shown).toEqual(online('hi'));
      await store.saveShown([{ userId: alice, presence: OFFLINE }]);
      expect(await store.shown([alice, bob])).toEqual(new Map([[bob, online()]]));
      expect((await store.inputs([alice]))[0]!.shown).toBeNull();
      expect(await store.shown([])).toEqual(new Map());
    });

    it('answers many users at once, in order', async () => {
      const users = Array.from({ length: 2_100 }, () => id());
      await store.saveShown(
        users.filter((_, index) => index % 2 === 0).map((userId) => ({ userId, presence: online() })),
      );
      const shown = await store.shown(users);
      expect([...shown.keys()]).toEqual(users.filter((_, index) => index % 2 === 0));
      const inputs = await store.inputs(users.slice(0, 3));
      expect(inputs.map((input) => input.shown)).toEqual([online(), null, online()]);
    });

    it('keeps every connection of concurrent reports', async () => {
      const user = id();
      const gateways = Array.from({ length: 10 }, () => id());
      await Promise.all(gateways.map((gateway) => store.applyConnections(gateway, [conn(user)], [], 60)));
      expect(await activities(user)).toHaveLength(10);
    });

    it('forgets a deleted user: its connections on every gateway, its settings and custom-status expiry', async () => {
      const [a, b, user, other] = [id(), id(), id(), id()];
      const mine = conn(user);
      const theirs = conn(other);
      await store.applyConnections(a, [mine, theirs], [], 60);
      await store.applyConnections(b, [conn(user, 'idle')], [], 60);
      const expiresAt = new Date(Date.now() + 60_000).toISOString();
      await store.updatePreference(user, {
        chosen: 'dnd',
        customStatus: { text: 'hi', emoji: null, expiresAt },
      });
      await store.forgetUser(user);
      await store.forgetUser(user);
      expect(await store.inputs([user])).toEqual([
        { connections: [], chosen: 'online', customStatus: null, shown: null },
      ]);
      expect([...(await store.gatewayConnections(a)).keys()]).toEqual([theirs.connectionId]);
      expect([...(await store.gatewayConnections(b)).keys()]).toEqual([]);
      expect(await store.takeExpiredCustomStatuses(Date.now() + 120_000)).toEqual([]);
    });
  });
}
