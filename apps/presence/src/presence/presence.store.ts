import type { ChosenPresenceStatus, CustomStatus } from '@bonfire/contracts';
import type { AggregatedPresence, ConnectionActivity } from './aggregate';

/** One live connection (a device) of a user on a gateway. */
export interface PresenceConnection {
  connectionId: string;
  userId: string;
  activity: ConnectionActivity;
}

export type ConnectionRef = Pick<PresenceConnection, 'connectionId' | 'userId'>;

/** Everything a user's presence is aggregated from, and what was last shown of it. */
export interface PresenceInputsRecord {
  /** The activity of each of the user's connections, on every gateway. */
  connections: ConnectionActivity[];
  chosen: ChosenPresenceStatus;
  customStatus: CustomStatus | null;
  /** The presence last saved for the user (null when offline). */
  shown: AggregatedPresence | null;
}

/** A change to what the user set: `customStatus: null` clears it, an absent field stays. */
export interface PreferenceChange {
  chosen?: ChosenPresenceStatus;
  customStatus?: CustomStatus | null;
}

/**
 * Presence state (the DI token): gateways and their connections, what users set, and the presence last
 * shown of each user. Redis in the distributed shape (shared by every presence replica), memory in the
 * standalone one.
 */
export abstract class PresenceStore {
  /** The connections a gateway holds, by connection id. */
  abstract gatewayConnections(gatewayId: string): Promise<Map<string, PresenceConnection>>;
  /**
   * Adds or updates, and removes, connections of a gateway in one step, and marks the gateway alive for
   * `aliveForSeconds` (every request of a gateway proves it alive).
   */
  abstract applyConnections(
    gatewayId: string,
    upsert: readonly PresenceConnection[],
    remove: readonly ConnectionRef[],
    aliveForSeconds: number,
  ): Promise<void>;
  /** Removes a gateway and all its connections; answers the connections it held. */
  abstract forgetGateway(gatewayId: string): Promise<PresenceConnection[]>;
  /** Gateways that reported connections and have not been heard from within their liveness time. */
  abstract deadGateways(): Promise<string[]>;
  /** Takes the sweeper's lock for `ms` unless someone holds it (one sweeper across replicas). */
  abstract tryLockSweep(ms: number): Promise<boolean>;

  abstract updatePreference(userId: string, change: PreferenceChange): Promise<void>;
  /** Users whose custom status expired by `now`, each answered once (they are taken off the schedule). */
  abstract takeExpiredCustomStatuses(now: number): Promise<string[]>;

  /** The aggregation inputs of each user, in order. */
  abstract inputs(userIds: readonly string[]): Promise<PresenceInputsRecord[]>;
  /**
   * A deleted account (user.deleted): its connections on every gateway, what it set and its custom-status
   * expiry are forgotten. What is shown of it goes with the next recompute (offline).
   */
  abstract forgetUser(userId: string): Promise<void>;
  /** Saves what is shown of users: an offline presence is dropped, the others kept. */
  abstract saveShown(changes: readonly { userId: string; presence: AggregatedPresence }[]): Promise<void>;
  /** Of `userIds`, the presences of those not offline (one read, however many users). */
  abstract shown(userIds: readonly string[]): Promise<Map<string, AggregatedPresence>>;
}
