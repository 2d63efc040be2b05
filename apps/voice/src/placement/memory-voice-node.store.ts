import { Injectable } from '@nestjs/common';
import { type VoiceNode, VoiceNodeStore } from './voice-node.store';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/**
 * Placement in memory (the standalone shape: this process is the only voice node). Registrations and
 * reaping claims carry their expiry time and are checked (and dropped) when read; every method reads and
 * writes without awaiting in between, so pins and claims are atomic by construction.
 */
@Injectable()
export class InMemoryVoiceNodeStore extends VoiceNodeStore {
  /** Every node that registered and was not forgotten, live or lapsed (like the Redis `nodes` set). */
  private readonly nodeIds = new Set<string>();
  private readonly registrations = new Map<string, Expiring<VoiceNode>>();
  private readonly pins = new Map<string, string>();
  private readonly rooms = new Map<string, Set<string>>();
  private readonly reaping = new Map<string, Expiring<string>>();

  async register(node: VoiceNode, ttlMs: number): Promise<void> {
    this.registrations.set(node.nodeId, { value: structuredClone(node), expiresAt: Date.now() + ttlMs });
    this.nodeIds.add(node.nodeId);
  }

  async node(nodeId: string): Promise<VoiceNode | null> {
    return this.live(nodeId);
  }

  async liveNodes(): Promise<VoiceNode[]> {
    return [...this.nodeIds].map((id) => this.live(id)).filter((node): node is VoiceNode => node !== null);
  }

  async deadNodeIds(): Promise<string[]> {
    return [...this.nodeIds].filter((id) => this.live(id) === null);
  }

  async pinnedNodeId(channelId: string): Promise<string | null> {
    return this.pins.get(channelId) ?? null;
  }

  async pin(channelId: string, nodeId: string): Promise<boolean> {
    if (this.pins.has(channelId)) return false;
    this.pins.set(channelId, nodeId);
    let rooms = this.rooms.get(nodeId);
    if (!rooms) this.rooms.set(nodeId, (rooms = new Set()));
    rooms.add(channelId);
    return true;
  }

  async releasePin(channelId: string, nodeId: string): Promise<void> {
    if (this.pins.get(channelId) === nodeId) this.pins.delete(channelId);
  }

  async unpin(channelId: string): Promise<void> {
    const nodeId = this.pins.get(channelId);
    if (nodeId === undefined) return;
    this.pins.delete(channelId);
    const rooms = this.rooms.get(nodeId);
    rooms?.delete(channelId);
    if (rooms?.size === 0) this.rooms.delete(nodeId);
  }

  async roomsOf(nodeId: string): Promise<string[]> {
    return [...(this.rooms.get(nodeId) ?? [])];
  }

  async forget(nodeId: string): Promise<void> {
    for (const channelId of this.rooms.get(nodeId) ?? []) {
      if (this.pins.get(channelId) === nodeId) this.pins.delete(channelId);
    }
    this.rooms.delete(nodeId);
    this.registrations.delete(nodeId);
    this.nodeIds.delete(nodeId);
  }

  async claimReaping(deadNodeId: string, reaperId: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    for (const [id, claim] of this.reaping) if (claim.expiresAt <= now) this.reaping.delete(id);
    if (this.reaping.has(deadNodeId)) return false;
    this.reaping.set(deadNodeId, { value: reaperId, expiresAt: now + ttlMs });
    return true;
  }

  private live(nodeId: string): VoiceNode | null {
    const registration = this.registrations.get(nodeId);
    if (!registration) return null;
    if (registration.expiresAt <= Date.now()) {
      this.registrations.delete(nodeId);
      return null;
    }
    return structuredClone(registration.value);
  }
}
