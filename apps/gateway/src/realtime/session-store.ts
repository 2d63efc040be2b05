export interface StoredSession {
  userId: string;
  seq: number;
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

export interface SessionStoreOptions {
  /** How long a session (and its buffer) lives after its last refresh. */
  windowSeconds: number;
  /** Dispatches kept per session: the newest this many. */
  bufferSize: number;
}

/**
 * The realtime state all gateways share, so a client can resume on any of them:
 * - sessions {userId, seq, owner}: `owner` is `<nodeId>/<socketId>` of the one connection allowed to
 *   append; `seq` the last sequence number given out;
 * - each session's replay buffer: its newest `bufferSize` dispatches with their sequence numbers.
 * A session and its buffer expire together `windowSeconds` after the last refresh; live connections
 * refresh them, detached sessions do not (they keep buffering until they expire or are resumed).
 * - gateway heartbeats: a session whose owner gateway died lost the events since, so resuming it
 *   answers resync rather than a silent gap;
 * - the typing throttle (one typing.started per user and channel per interval);
 * - each user's live connections on every gateway (the per-user cap) and handshake count (the per-user
 *   handshake rate).
 * Each method is atomic: the compare-and-set on `owner` is what makes a takeover safe, the count-and-add of
 * claimConnection what keeps the cap under parallel handshakes on any number of gateways.
 */
export abstract class SessionStore {
  /** Starts a session at seq 0, owned by `owner`. */
  abstract create(sessionId: string, userId: string, owner: string): Promise<void>;

  /** The session, or null when it does not exist (never did, expired or was forgotten). */
  abstract get(sessionId: string): Promise<StoredSession | null>;

  /**
   * Appends one dispatch (`entry`: `{id, type, data}` as JSON) with the next sequence number and returns it,
   * or -1 when `owner` no longer holds the session. `refresh` restarts the session's window.
   */
  abstract append(sessionId: string, owner: string, entry: string, refresh: boolean): Promise<number>;

  /** Moves the session to a new connection if `expectedOwner` still holds it: the current seq, or -1. */
  abstract takeover(sessionId: string, expectedOwner: string, owner: string): Promise<number>;

  /**
   * Ends a session this connection still owns: after a delivery it could not buffer, resuming must
   * answer resync instead of replaying a buffer with a hole in it.
   */
  abstract forget(sessionId: string, owner: string): Promise<void>;

  /** The session's buffered dispatches, oldest first (empty when the session is gone). */
  abstract buffer(sessionId: string): Promise<BufferedDispatch[]>;

  /** Keeps live sessions alive (in one go for all of a gateway's connections). */
  abstract refresh(sessionIds: readonly string[]): Promise<void>;

  /** Marks gateway `nodeId` alive for `ttlSeconds`. */
  abstract heartbeat(nodeId: string, ttlSeconds: number): Promise<void>;

  abstract isNodeAlive(nodeId: string): Promise<boolean>;

  abstract forgetNode(nodeId: string): Promise<void>;

  /** True if the user may send typing in the channel now (and starts an interval of `seconds`). */
  abstract claimTyping(userId: string, channelId: string, seconds: number): Promise<boolean>;

  /**
   * Holds a connection of the user if the user holds fewer than `cap` live ones (on every gateway): true,
   * and the connection counts for `ttlSeconds` unless refreshed or released; false, and nothing changes.
   * Check and add are one atomic step, so parallel handshakes cannot overshoot the cap. Claiming a
   * connection already held refreshes it. Connections of a gateway that died lapse after `ttlSeconds`.
   */
  abstract claimConnection(
    userId: string,
    connectionId: string,
    cap: number,
    ttlSeconds: number,
  ): Promise<boolean>;

  /** The connection no longer counts (idempotent). */
  abstract releaseConnection(userId: string, connectionId: string): Promise<void>;

  /** Keeps held connections counted for another `ttlSeconds` (released or lapsed ones stay gone). */
  abstract refreshConnections(connections: readonly HeldConnection[], ttlSeconds: number): Promise<void>;

  /**
   * Counts one handshake (connect or resume) of the user in the current `windowSeconds`-long slice of the
   * clock, on every gateway: true while the count is at most `limit`.
   */
  abstract claimHandshake(userId: string, limit: number, windowSeconds: number): Promise<boolean>;
}

/** A buffered entry back as the dispatch it was. */
export function parseDispatch(seq: number, entry: string): BufferedDispatch {
  const body = JSON.parse(entry) as { id: string; type: string; data: unknown };
  return { seq, ...body };
}

export type ReplayPlan = { ok: true; entries: BufferedDispatch[] } | { ok: false; reason: 'BUFFER_EXCEEDED' };

/**
 * What a client that saw everything up to `lastSeq` is missing, given the session's seq when it was
 * taken over and the buffer read after that. The buffer must reach back to `lastSeq + 1` (when anything
 * was missed at all) and `lastSeq` cannot be ahead of the session; otherwise the client must resync.
 * Entries appended after the takeover (seq > currentSeq) are part of the replay too.
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
