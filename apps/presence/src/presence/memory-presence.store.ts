import type { ChosenPresenceStatus, CustomStatus } from '@bonfire/contracts';
import { type AggregatedPresence, type ConnectionActivity, dueExpiries } from './aggregate';
import {
  type ConnectionRef,
  type PreferenceChange,
  type PresenceConnection,
  type PresenceInputsRecord,
  PresenceStore,
} from './presence.store';

interface Preference {
  chosen?: ChosenPresenceStatus;
  custom?: CustomStatus;
}

/**
 * Presence state in this process's memory (the standalone shape, where one process is the only presence
 * replica): the same layout as Redis in Maps, liveness and locks as end timestamps checked on read.
 * Every method changes state without awaiting in between, so each is atomic.
 */
export class InMemoryPresenceStore extends PresenceStore {
  /** Gateways that reported connections → when their liveness ends (ms). */
  private readonly gateways = new Map<string, number>();
  private readonly gatewayConns = new Map<string, Map<string, PresenceConnection>>();
  /** userId → `{gateway}/{connection}` → activity. */
  private readonly userConns = new Map<string, Map<string, ConnectionActivity>>();
  private readonly preferences = new Map<string, Preference>();
  private readonly customExpiry = new Map<string, number>();
  private readonly shownPresence = new Map<string, AggregatedPresence>();
  private sweepLockEndsAt = 0;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async gatewayConnections(gatewayId: string): Promise<Map<string, PresenceConnection>> {
    const held = this.gatewayConns.get(gatewayId);
    return new Map([...(held ?? [])].map(([id, connection]) => [id, { ...connection }]));
  }

  async applyConnections(
    gatewayId: string,
    upsert: readonly PresenceConnection[],
    remove: readonly ConnectionRef[],
    aliveForSeconds: number,
  ): Promise<void> {
    this.gateways.set(gatewayId, this.now() + aliveForSeconds * 1000);
    const held = getOrCreate(this.gatewayConns, gatewayId, () => new Map<string, PresenceConnection>());
    for (const c of upsert) {
      held.set(c.connectionId, { connectionId: c.connectionId, userId: c.userId, activity: c.activity });
      getOrCreate(this.userConns, c.userId, () => new Map()).set(
        `${gatewayId}/${c.connectionId}`,
        c.activity,
      );
    }
    for (const c of remove) {
      held.delete(c.connectionId);
      this.dropUserConnection(c.userId, `${gatewayId}/${c.connectionId}`);
    }
    if (held.size === 0) this.gatewayConns.delete(gatewayId);
  }

  async forgetGateway(gatewayId: string): Promise<PresenceConnection[]> {
    const held = [...(this.gatewayConns.get(gatewayId)?.values() ?? [])];
    for (const { connectionId, userId } of held)
      this.dropUserConnection(userId, `${gatewayId}/${connectionId}`);
    this.gatewayConns.delete(gatewayId);
    this.gateways.delete(gatewayId);
    return held;
  }

  async deadGateways(): Promise<string[]> {
    const now = this.now();
    return [...this.gateways].filter(([, aliveUntil]) => aliveUntil <= now).map(([gatewayId]) => gatewayId);
  }

  async tryLockSweep(ms: number): Promise<boolean> {
    const now = this.now();
    if (this.sweepLockEndsAt > now) return false;
    this.sweepLockEndsAt = now + ms;
    return true;
  }

  async updatePreference(userId: string, change: PreferenceChange): Promise<void> {
    const preference = getOrCreate(this.preferences, userId, (): Preference => ({}));
    if (change.chosen !== undefined) preference.chosen = change.chosen;
    if (change.customStatus === null) {
      delete preference.custom;
      this.customExpiry.delete(userId);
    } else if (change.customStatus !== undefined) {
      preference.custom = { ...change.customStatus };
      if (change.customStatus.expiresAt) {
        this.customExpiry.set(userId, Date.parse(change.customStatus.expiresAt));
      } else this.customExpiry.delete(userId);
    }
  }

  async takeExpiredCustomStatuses(now: number): Promise<string[]> {
    const entries = [...this.customExpiry].map(([userId, expiresAt]) => ({ userId, expiresAt }));
    const due = dueExpiries(entries, now);
    for (const userId of due) this.customExpiry.delete(userId);
    return due;
  }

  async inputs(userIds: readonly string[]): Promise<PresenceInputsRecord[]> {
    return userIds.map((userId) => {
      const preference = this.preferences.get(userId);
      const shown = this.shownPresence.get(userId);
      return {
        connections: [...(this.userConns.get(userId)?.values() ?? [])],
        chosen: preference?.chosen ?? 'online',
        customStatus: preference?.custom ? { ...preference.custom } : null,
        shown: shown ? structuredClone(shown) : null,
      };
    });
  }

  async forgetUser(userId: string): Promise<void> {
    for (const ref of this.userConns.get(userId)?.keys() ?? []) {
      const slash = ref.indexOf('/');
      this.gatewayConns.get(ref.slice(0, slash))?.delete(ref.slice(slash + 1));
    }
    this.userConns.delete(userId);
    this.preferences.delete(userId);
    this.customExpiry.delete(userId);
  }

  async saveShown(changes: readonly { userId: string; presence: AggregatedPresence }[]): Promise<void> {
    for (const { userId, presence } of changes) {
      if (presence.self.status === 'offline') this.shownPresence.delete(userId);
      else this.shownPresence.set(userId, structuredClone(presence));
    }
  }

  async shown(userIds: readonly string[]): Promise<Map<string, AggregatedPresence>> {
    const result = new Map<string, AggregatedPresence>();
    for (const userId of userIds) {
      const presence = this.shownPresence.get(userId);
      if (presence) result.set(userId, structuredClone(presence));
    }
    return result;
  }

  private dropUserConnection(userId: string, ref: string): void {
    const connections = this.userConns.get(userId);
    connections?.delete(ref);
    if (connections?.size === 0) this.userConns.delete(userId);
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
