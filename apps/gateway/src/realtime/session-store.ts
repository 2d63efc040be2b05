export interface StoredSession {
  userId: string;
  owner: string;
}

export interface BufferedDispatch {
  seq: number;
  id: string;
  type: string;
  data: unknown;
}

/** A live socket.io connection of a user, counted against the user's connection cap. */
export interface HeldConnection {
  userId: string;
  /** `<nodeId>/<socketId>`: unique across gateways. */
  connectionId: string;
}

/** What a session's previous owner handed to the connection that took it over. */
export interface HandOver {
  /** The last sequence number the previous owner gave out; -1 when it no longer held the session. */
  seq: number;
  /** Its buffered dispatches, oldest first. */
  entries: BufferedDispatch[];
}

export interface SessionStoreOptions {
  /** How long a session lives after its last refresh. */
  windowSeconds: number;
}

/** What a handshake may do: per user, handshakes per window and live connections. */
export interface HandshakeLimits {
  perWindow: number;
  windowSeconds: number;
  cap: number;
  ttlSeconds: number;
}

export type HandshakeClaim = 'claimed' | 'rate-limited' | 'too-many-connections';

/**
 * The realtime state all gateways share, so a client can resume on any of them:
 * - sessions {userId, owner}: `owner` is `<nodeId>/<socketId>` of the one connection that holds the
 *   session. The owning gateway keeps the session's sequence numbers and replay buffer in its memory
 *   (nothing per dispatch reaches the store); a takeover moves them here once (handOver) for the new
 *   owner to read (handedOver);
 * - gateway heartbeats: a session whose owner gateway died cannot be handed over, so resuming it answers
 *   resync rather than a silent gap;
 * - the typing throttle (one typing.started per user and channel per interval);
 * - each user's live connections on every gateway (the per-user cap) and handshake count (the per-user
 *   handshake rate).
 * A session expires `windowSeconds` after its last refresh; live connections refresh theirs, detached
 * sessions do not. Each method is atomic: the compare-and-set on `owner` is what makes a takeover safe,
 * the count-and-add of claimHandshake what keeps the cap under parallel handshakes on any number of
 * gateways.
 */
export abstract class SessionStore {
  /** Starts a session owned by `owner`. */
  abstract create(sessionId: string, userId: string, owner: string): Promise<void>;

  /** The session, or null when it does not exist (never did, expired or was forgotten). */
  abstract get(sessionId: string): Promise<StoredSession | null>;

  /** Moves the session to a new connection if `expectedOwner` still holds it (true), else false. */
  abstract takeover(sessionId: string, expectedOwner: string, owner: string): Promise<boolean>;

  /**
   * The previous owner's half of a takeover: leaves its sequence number and buffer for `owner`, the
   * connection that took the session over (false, and nothing stored, when `owner` no longer holds it).
   */
  abstract handOver(sessionId: string, owner: string, handOver: HandOver): Promise<boolean>;

  /** What the previous owner handed to `owner`, or null while it has not (yet, or `owner` lost the session). */
  abstract handedOver(sessionId: string, owner: string): Promise<HandOver | null>;

  /** Ends a session this connection still owns: resuming it answers resync. */
  abstract forget(sessionId: string, owner: string): Promise<void>;

  /** Keeps live sessions alive (in one go for all of a gateway's connections). */
  abstract refresh(sessionIds: readonly string[]): Promise<void>;

  /** Marks gateway `nodeId` alive for `ttlSeconds`. */
  abstract heartbeat(nodeId: string, ttlSeconds: number): Promise<void>;

  abstract isNodeAlive(nodeId: string): Promise<boolean>;

  abstract forgetNode(nodeId: string): Promise<void>;

  /** True if the user may send typing in the channel now (and starts an interval of `seconds`). */
  abstract claimTyping(userId: string, channelId: string, seconds: number): Promise<boolean>;

  /** The connection no longer counts (idempotent). */
  abstract releaseConnection(userId: string, connectionId: string): Promise<void>;

  /** Keeps held connections counted for another `ttlSeconds` (released or lapsed ones stay gone). */
  abstract refreshConnections(connections: readonly HeldConnection[], ttlSeconds: number): Promise<void>;

  /**
   * A handshake (connect or resume) of the user, in one atomic step on every gateway: it is counted in the
   * current `windowSeconds`-long slice of the clock, and refused ('rate-limited') once the count is above
   * `perWindow`; else the connection is held if the user holds fewer than `cap` live ones ('claimed': it
   * counts for `ttlSeconds` unless refreshed or released; claiming a held one refreshes it), or refused
   * ('too-many-connections', nothing held). Count and add are one step, so parallel handshakes cannot
   * overshoot the cap. Connections of a gateway that died lapse after `ttlSeconds`.
   */
  abstract claimHandshake(
    userId: string,
    connectionId: string,
    limits: HandshakeLimits,
  ): Promise<HandshakeClaim>;
}

/** A buffered dispatch as one line of text (`<seq>|<json>`), for a store that keeps strings. */
export function serializeDispatch({ seq, id, type, data }: BufferedDispatch): string {
  return `${seq}|${JSON.stringify({ id, type, data })}`;
}

export function parseDispatch(line: string): BufferedDispatch {
  const bar = line.indexOf('|');
  const body = JSON.parse(line.slice(bar + 1)) as { id: string; type: string; data: unknown };
  return { seq: Number(line.slice(0, bar)), ...body };
}

type ReplayPlan = { ok: true; entries: BufferedDispatch[] } | { ok: false; reason: 'BUFFER_EXCEEDED' };

/**
 * What a client that saw everything up to `lastSeq` is missing, given the session's last sequence number
 * and its buffer. The buffer must reach back to `lastSeq + 1` (when anything was missed at all) and
 * `lastSeq` cannot be ahead of the session; otherwise the client must resync.
 */
export function planReplay(
  buffer: readonly BufferedDispatch[],
  lastSeq: number,
  currentSeq: number,
): ReplayPlan {
  if (!Number.isInteger(lastSeq) || lastSeq < 0 || lastSeq > currentSeq)
    return { ok: false, reason: 'BUFFER_EXCEEDED' };
  const missed = buffer.filter((entry) => entry.seq > lastSeq);
  if (lastSeq < currentSeq && missed[0]?.seq !== lastSeq + 1) return { ok: false, reason: 'BUFFER_EXCEEDED' };
  for (let index = 1; index < missed.length; index++) {
    if (missed[index]!.seq !== missed[index - 1]!.seq + 1) return { ok: false, reason: 'BUFFER_EXCEEDED' };
  }
  return { ok: true, entries: missed };
}
