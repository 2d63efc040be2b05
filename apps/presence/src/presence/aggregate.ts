import type {
  ChosenPresenceStatus,
  CustomStatus,
  Presence,
  PresenceStatus,
  PublicPresenceStatus,
} from '@bonfire/contracts';

/** A device's own activity, as its gateway reports it. */
export type ConnectionActivity = 'online' | 'idle';

interface PresenceInputs {
  /** What the user chose (PATCH /users/@me/presence); `online` means automatic. */
  chosen: ChosenPresenceStatus;
  customStatus: CustomStatus | null;
  /** One entry per live connection (device) of the user, on any gateway. */
  connections: readonly ConnectionActivity[];
}

/** A user's presence: what they see themselves, and what everyone else sees. */
export interface AggregatedPresence {
  self: { status: PresenceStatus; customStatus: CustomStatus | null };
  public: { status: PublicPresenceStatus; customStatus: CustomStatus | null };
}

export const OFFLINE: AggregatedPresence = {
  self: { status: 'offline', customStatus: null },
  public: { status: 'offline', customStatus: null },
};

/** Whether a custom status still shows at `now` (no expiry, or an expiry in the future). */
export function customStatusActive(customStatus: CustomStatus | null, now: number): boolean {
  if (!customStatus) return false;
  if (!customStatus.expiresAt) return true;
  return Date.parse(customStatus.expiresAt) > now;
}

/**
 * Discord's rules, across devices:
 * - no live connection → offline, for everyone (the custom status hides with the user);
 * - a chosen `invisible` → the user sees `invisible`, everyone else `offline` without custom status;
 * - a chosen `dnd` or `idle` wins over what the devices do;
 * - otherwise (automatic): any active device → `online`, all devices idle → `idle`.
 */
export function aggregatePresence(inputs: PresenceInputs, now = Date.now()): AggregatedPresence {
  if (inputs.connections.length === 0) return OFFLINE;
  const customStatus = customStatusActive(inputs.customStatus, now) ? inputs.customStatus : null;
  if (inputs.chosen === 'invisible') {
    return { self: { status: 'invisible', customStatus }, public: { status: 'offline', customStatus: null } };
  }
  let status: PublicPresenceStatus;
  if (inputs.chosen === 'dnd' || inputs.chosen === 'idle') status = inputs.chosen;
  else status = inputs.connections.includes('online') ? 'online' : 'idle';
  return { self: { status, customStatus }, public: { status, customStatus } };
}

/** Two presences are the same to every viewer (nothing to publish). */
export function samePresence(a: AggregatedPresence, b: AggregatedPresence): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What `viewerId` sees of `userId` (self view for oneself). */
export function presenceFor(userId: string, viewerId: string | null, presence: AggregatedPresence): Presence {
  const view = viewerId === userId ? presence.self : presence.public;
  return { userId, status: view.status, customStatus: view.customStatus };
}

/**
 * Which gateways are dead: those registered with presence whose liveness key has expired (no heartbeat,
 * sync or report within the TTL). `alive[i]` answers for `gatewayIds[i]`.
 */
export function deadGateways(gatewayIds: readonly string[], alive: readonly boolean[]): string[] {
  return gatewayIds.filter((_, index) => alive[index] !== true);
}

/** Custom statuses due to disappear: the users whose expiry time has passed. */
export function dueExpiries(
  entries: readonly { userId: string; expiresAt: number }[],
  now: number,
): string[] {
  return entries.filter((entry) => entry.expiresAt <= now).map((entry) => entry.userId);
}

/**
 * A gateway's full connection list against what presence holds for it: which connections to add (or
 * whose activity changed) and which to remove. This is how a heartbeat repairs drift and how presence
 * rebuilds after a Redis restart (then everything is "added").
 */
export function diffConnections(
  held: ReadonlyMap<string, { userId: string; activity: ConnectionActivity }>,
  reported: readonly { connectionId: string; userId: string; activity: ConnectionActivity }[],
): {
  upsert: { connectionId: string; userId: string; activity: ConnectionActivity }[];
  remove: { connectionId: string; userId: string }[];
} {
  const seen = new Set<string>();
  const upsert: { connectionId: string; userId: string; activity: ConnectionActivity }[] = [];
  for (const connection of reported) {
    seen.add(connection.connectionId);
    const current = held.get(connection.connectionId);
    if (!current || current.userId !== connection.userId || current.activity !== connection.activity) {
      upsert.push(connection);
    }
  }
  const remove: { connectionId: string; userId: string }[] = [];
  for (const [connectionId, current] of held) {
    if (!seen.has(connectionId)) remove.push({ connectionId, userId: current.userId });
  }
  return { upsert, remove };
}
