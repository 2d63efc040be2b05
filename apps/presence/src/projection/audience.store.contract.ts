import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceStore } from './audience.store';

interface AudienceStoreHarness {
  store: AudienceStore;
  dispose(): Promise<void>;
}

/** One behaviour suite for every AudienceStore adapter. Each harness is a fresh, empty store. */
export function describeAudienceStoreContract(
  name: string,
  makeStore: () => Promise<AudienceStoreHarness>,
): void {
  describe(`AudienceStore contract: ${name}`, () => {
    let harness: AudienceStoreHarness;
    let store: AudienceStore;
    const id = () => randomUUID();
    const sorted = (values: Iterable<string>) => [...values].sort();
    const audienceOf = async (userId: string) => {
      const [audience] = await store.audiences([userId]);
      return { guildIds: sorted(audience!.guildIds), dmUserIds: sorted(audience!.dmUserIds) };
    };

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('knows a guild by its members and each member by their guilds, idempotently', async () => {
      const [g1, g2, alice, bob] = [id(), id(), id(), id()];
      expect(await store.guildMembers(g1)).toEqual([]);
      await store.joinGuild(g1, alice);
      await store.joinGuild(g1, bob);
      await store.joinGuild(g1, bob);
      await store.joinGuild(g2, alice);
      expect(sorted(await store.guildMembers(g1))).toEqual(sorted([alice, bob]));
      expect(await audienceOf(alice)).toEqual({ guildIds: sorted([g1, g2]), dmUserIds: [] });
      expect(await audienceOf(bob)).toEqual({ guildIds: [g1], dmUserIds: [] });
    });

    it('takes a member who left off both sides, idempotently', async () => {
      const [guild, alice, bob] = [id(), id(), id()];
      await store.joinGuild(guild, alice);
      await store.joinGuild(guild, bob);
      await store.leaveGuild(guild, alice);
      await store.leaveGuild(guild, alice);
      expect(await store.guildMembers(guild)).toEqual([bob]);
      expect(await audienceOf(alice)).toEqual({ guildIds: [], dmUserIds: [] });
      await store.leaveGuild(guild, bob);
      expect(await store.guildMembers(guild)).toEqual([]);
    });

    it('forgets a deleted guild on every member, keeping their other guilds', async () => {
      const [doomed, kept, alice, bob] = [id(), id(), id(), id()];
      await store.joinGuild(doomed, alice);
      await store.joinGuild(doomed, bob);
      await store.joinGuild(kept, alice);
      await store.deleteGuild(doomed);
      await store.deleteGuild(doomed);
      expect(await store.guildMembers(doomed)).toEqual([]);
      expect(await audienceOf(alice)).toEqual({ guildIds: [kept], dmUserIds: [] });
      expect(await audienceOf(bob)).toEqual({ guildIds: [], dmUserIds: [] });
      expect(await store.guildMembers(kept)).toEqual([alice]);
    });

    it('makes every DM recipient a partner of the others, idempotently', async () => {
      const [alice, bob, carol, dave] = [id(), id(), id(), id()];
      await store.addDmPartners([alice, bob, carol]);
      await store.addDmPartners([alice, bob, carol]);
      await store.addDmPartners([alice, dave]);
      await store.addDmPartners([alice]);
      expect(await audienceOf(alice)).toEqual({ guildIds: [], dmUserIds: sorted([bob, carol, dave]) });
      expect(await audienceOf(bob)).toEqual({ guildIds: [], dmUserIds: sorted([alice, carol]) });
      expect(await audienceOf(dave)).toEqual({ guildIds: [], dmUserIds: [alice] });
    });

    it('tells who shares a guild or a DM with a viewer (and the viewer)', async () => {
      const [shared, theirs, viewer, mate, partner, stranger, elsewhere] = [
        id(),
        id(),
        id(),
        id(),
        id(),
        id(),
        id(),
      ];
      await store.joinGuild(shared, viewer);
      await store.joinGuild(shared, mate);
      await store.joinGuild(theirs, elsewhere);
      await store.addDmPartners([viewer, partner]);
      const visible = await store.sharingWith(viewer, [viewer, mate, partner, stranger, elsewhere]);
      expect(sorted(visible)).toEqual(sorted([viewer, mate, partner]));
      expect(sorted(await store.sharingWith(stranger, [viewer, mate]))).toEqual([stranger]);
    });

    it('answers audiences in order, empty for unknown users', async () => {
      const [guild, alice, nobody] = [id(), id(), id()];
      await store.joinGuild(guild, alice);
      expect(await store.audiences([nobody, alice])).toEqual([
        { guildIds: [], dmUserIds: [], friendIds: [], blockedIds: [] },
        { guildIds: [guild], dmUserIds: [], friendIds: [], blockedIds: [] },
      ]);
      expect(await store.audiences([])).toEqual([]);
    });

    it('keeps friends and blocks per side: friends see each other, a blocker is hidden from whom they blocked', async () => {
      const [guild, alice, bob, carol] = [id(), id(), id(), id()];
      await store.joinGuild(guild, alice);
      await store.joinGuild(guild, bob);
      await store.setRelationship(alice, carol, { friend: true, blocked: false });
      await store.setRelationship(carol, alice, { friend: true, blocked: false });
      expect(sorted(await store.sharingWith(carol, [alice, bob]))).toEqual(sorted([carol, alice]));
      await store.setRelationship(alice, bob, { friend: false, blocked: true });
      await store.setRelationship(alice, bob, { friend: false, blocked: true });
      expect(sorted(await store.sharingWith(bob, [alice]))).toEqual([bob]);
      expect(sorted(await store.sharingWith(alice, [bob]))).toEqual(sorted([alice, bob]));
      expect([...(await store.blockersOf(bob))]).toEqual([alice]);
      const [audience] = await store.audiences([alice]);
      expect(audience).toEqual({ guildIds: [guild], dmUserIds: [], friendIds: [carol], blockedIds: [bob] });
      await store.setRelationship(alice, bob, { friend: false, blocked: false });
      await store.setRelationship(alice, carol, { friend: false, blocked: false });
      expect(sorted(await store.sharingWith(bob, [alice]))).toEqual(sorted([alice, bob]));
      expect([...(await store.blockersOf(bob))]).toEqual([]);
      expect((await store.audiences([alice]))[0]).toMatchObject({ friendIds: [], blockedIds: [] });
    });

    it('forgets a deleted user on every side: guilds, DM partners, friends and blocks', async () => {
      const [guild, alice, bob, carol, dave, eve] = [id(), id(), id(), id(), id(), id()];
      await store.joinGuild(guild, alice);
      await store.joinGuild(guild, bob);
      await store.addDmPartners([alice, bob]);
      await store.setRelationship(alice, carol, { friend: true, blocked: false });
      await store.setRelationship(carol, alice, { friend: true, blocked: false });
      await store.setRelationship(alice, dave, { friend: false, blocked: true });
      await store.setRelationship(eve, alice, { friend: false, blocked: true });
      await store.forgetUser(alice);
      await store.forgetUser(alice);
      expect(await store.guildMembers(guild)).toEqual([bob]);
      expect(await store.audiences([alice, bob, carol, dave, eve])).toEqual([
        { guildIds: [], dmUserIds: [], friendIds: [], blockedIds: [] },
        { guildIds: [guild], dmUserIds: [], friendIds: [], blockedIds: [] },
        { guildIds: [], dmUserIds: [], friendIds: [], blockedIds: [] },
        { guildIds: [], dmUserIds: [], friendIds: [], blockedIds: [] },
        { guildIds: [], dmUserIds: [], friendIds: [], blockedIds: [] },
      ]);
      expect([...(await store.blockersOf(dave))]).toEqual([]);
      expect(sorted(await store.sharingWith(bob, [alice]))).toEqual([bob]);
    });
  });
}
