import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VoiceNode, VoiceNodeStore } from './voice-node.store';

type MakeVoiceNodeStore = () => Promise<{ store: VoiceNodeStore; dispose: () => Promise<void> }>;

const LONG = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function voiceNode(nodeId: string, load = 0): VoiceNode {
  return { nodeId, endpoint: `http://${nodeId}.test:8086`, load, heartbeatAt: new Date().toISOString() };
}

/** One behaviour suite for every VoiceNodeStore adapter. */
export function describeVoiceNodeStoreContract(name: string, makeStore: MakeVoiceNodeStore): void {
  describe(`VoiceNodeStore contract: ${name}`, () => {
    let store: VoiceNodeStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });

    afterEach(async () => {
      await dispose();
    });

    it('lists registered nodes as live; a refresh replaces the registration', async () => {
      expect(await store.liveNodes()).toEqual([]);
      expect(await store.node('a')).toBeNull();
      const a = voiceNode('a', 3);
      await store.register(a, LONG);
      await store.register(voiceNode('b'), LONG);
      expect(await store.node('a')).toEqual(a);
      const refreshed = { ...voiceNode('a', 7), heartbeatAt: '2026-01-01T00:00:00.000Z' };
      await store.register(refreshed, LONG);
      expect(await store.node('a')).toEqual(refreshed);
      const live = await store.liveNodes();
      expect(live.map((node) => node.nodeId).sort()).toEqual(['a', 'b']);
      expect(live.find((node) => node.nodeId === 'a')).toEqual(refreshed);
      expect(await store.deadNodeIds()).toEqual([]);
    });

    it('lets a registration lapse after its TTL: the node is dead until forgotten', async () => {
      await store.register(voiceNode('short'), 150);
      await store.register(voiceNode('long'), LONG);
      expect(await store.node('short')).not.toBeNull();
      await sleep(300);
      expect(await store.node('short')).toBeNull();
      expect((await store.liveNodes()).map((node) => node.nodeId)).toEqual(['long']);
      expect(await store.deadNodeIds()).toEqual(['short']);

      // A late refresh brings it back; forgetting it ends it.
      await store.register(voiceNode('short'), LONG);
      expect(await store.deadNodeIds()).toEqual([]);
      await store.forget('short');
      expect(await store.deadNodeIds()).toEqual([]);
      expect(await store.node('short')).toBeNull();
    });

    it('pins a room to the first node that asks, once', async () => {
      expect(await store.pinnedNodeId('c1')).toBeNull();
      expect(await store.pin('c1', 'a')).toBe(true);
      expect(await store.pin('c1', 'b')).toBe(false);
      expect(await store.pin('c1', 'a')).toBe(false);
      expect(await store.pinnedNodeId('c1')).toBe('a');
      expect(await store.roomsOf('a')).toEqual(['c1']);
      expect(await store.roomsOf('b')).toEqual([]);
    });

    it('gives a room to exactly one of several simultaneous pins', async () => {
      const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
      const won = await Promise.all(nodes.map((node) => store.pin('c1', node)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = nodes[won.indexOf(true)]!;
      expect(await store.pinnedNodeId('c1')).toBe(winner);
      for (const node of nodes) expect(await store.roomsOf(node)).toEqual(node === winner ? ['c1'] : []);
    });

    it('releases a pin only for the node it names, keeping the room in that node’s rooms', async () => {
      await store.pin('c1', 'dead');
      await store.releasePin('c1', 'other');
      expect(await store.pinnedNodeId('c1')).toBe('dead');
      await store.releasePin('c1', 'dead');
      expect(await store.pinnedNodeId('c1')).toBeNull();
      expect(await store.roomsOf('dead')).toEqual(['c1']);
      expect(await store.pin('c1', 'live')).toBe(true);
      expect(await store.roomsOf('live')).toEqual(['c1']);
    });

    it('unpins a room from whichever node holds it', async () => {
      await store.pin('c1', 'a');
      await store.pin('c2', 'a');
      await store.unpin('c1');
      await store.unpin('c-unknown');
      expect(await store.pinnedNodeId('c1')).toBeNull();
      expect(await store.pinnedNodeId('c2')).toBe('a');
      expect(await store.roomsOf('a')).toEqual(['c2']);
    });

    it('forgets a node: registration, rooms and the pins that still name it', async () => {
      await store.register(voiceNode('gone'), LONG);
      await store.register(voiceNode('stays'), LONG);
      await store.pin('c1', 'gone');
      await store.pin('c2', 'gone');
      // c2 was taken over by another node meanwhile: its new pin survives.
      await store.releasePin('c2', 'gone');
      await store.pin('c2', 'stays');
      await store.forget('gone');
      expect(await store.node('gone')).toBeNull();
      expect((await store.liveNodes()).map((node) => node.nodeId)).toEqual(['stays']);
      expect(await store.roomsOf('gone')).toEqual([]);
      expect(await store.pinnedNodeId('c1')).toBeNull();
      expect(await store.pinnedNodeId('c2')).toBe('stays');
      expect(await store.deadNodeIds()).toEqual([]);
    });

    it('lets one reaper at a time claim a dead node, until the claim lapses', async () => {
      const claims = await Promise.all(
        ['r1', 'r2', 'r3'].map((reaper) => store.claimReaping('dead', reaper, 150)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimReaping('dead', 'r4', 150)).toBe(false);
      expect(await store.claimReaping('other-dead', 'r4', LONG)).toBe(true);
      await sleep(300);
      expect(await store.claimReaping('dead', 'r4', LONG)).toBe(true);
      expect(await store.claimReaping('dead', 'r1', LONG)).toBe(false);
    });
  });
}
