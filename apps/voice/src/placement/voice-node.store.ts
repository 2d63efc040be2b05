export interface VoiceNode {
  nodeId: string;
  /** Signaling base URL clients connect to. */
  endpoint: string;
  /** Consumers on the node's workers. */
  load: number;
  heartbeatAt: string;
}

/**
 * The placement registry's data: node registrations that lapse unless refreshed, and room pins (which
 * node hosts a channel's room; one node per room). Redis in the distributed shape (shared by every voice
 * node), memory in the standalone one.
 */
export abstract class VoiceNodeStore {
  /** Registers or refreshes a node; the registration lapses `ttlMs` later unless refreshed again. */
  abstract register(node: VoiceNode, ttlMs: number): Promise<void>;

  /** The node's registration while it has not lapsed. */
  abstract node(nodeId: string): Promise<VoiceNode | null>;

  abstract liveNodes(): Promise<VoiceNode[]>;

  /** Nodes that registered once and lapsed without being forgotten (dead: to be reaped). */
  abstract deadNodeIds(): Promise<string[]>;

  /** The node a channel's room is pinned to. */
  abstract pinnedNodeId(channelId: string): Promise<string | null>;

  /** Pins the channel's room to a node unless it is pinned already (then false). */
  abstract pin(channelId: string, nodeId: string): Promise<boolean>;

  /**
   * Drops the pin if it still names `nodeId` (another node takes a dead node's room over); the channel
   * stays among the dead node's rooms so its reaper still finds the states there.
   */
  abstract releasePin(channelId: string, nodeId: string): Promise<void>;

  /** Drops the channel's pin, whichever node holds it, and the channel from that node's rooms. */
  abstract unpin(channelId: string): Promise<void>;

  /** Channels pinned to a node (or pinned to it before a takeover, until it is forgotten). */
  abstract roomsOf(nodeId: string): Promise<string[]>;

  /** Forgets a node: its registration, its rooms, and the pins that still name it. */
  abstract forget(nodeId: string): Promise<void>;

  /** Claims reaping a dead node for `ttlMs`; false while another reaper's claim holds. */
  abstract claimReaping(deadNodeId: string, reaperId: string, ttlMs: number): Promise<boolean>;
}
