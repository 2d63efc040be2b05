import {
  type HandOver,
  type HandshakeClaim,
  type HandshakeLimits,
  type HeldConnection,
  parseDispatch,
  serializeDispatch,
  SessionStore,
  type SessionStoreOptions,
  type StoredSession,
} from './session-store';

const SWEEP_INTERVAL_MS = 30_000;

interface SessionRecord {
  userId: string;
  owner: string;
  /** What the previous owner handed over: the buffer stays serialized so a read never shares objects. */
  handed: { to: string; seq: number; lines: string[] } | null;
  expiresAt: number;
}

/**
 * Realtime sessions in this process's memory (the standalone shape, where this is the only gateway).
 * Same answers as the Redis adapter; every method runs without awaiting in between, so each is atomic.
 * Entries are dropped when read after they expired, and a sweep now and then drops those never read
 * again. `now` is injectable for unit tests.
 */
export class InMemorySessionStore extends SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  /** Heartbeats and typing throttles: key → expiry. */
  private readonly marks = new Map<string, number>();
  /** Per user: connection id → expiry. */
  private readonly connections = new Map<string, Map<string, number>>();
  /** Handshake counters: `<userId>:<window>` → {count, expiry}. */
  private readonly handshakes = new Map<string, { count: number; expiresAt: number }>();
  private lastSweep = 0;

  constructor(
    private readonly options: SessionStoreOptions,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** Sessions, heartbeats, typing throttles, users' connections and handshake counters held (expired ones
   * included until swept). */
  get size(): number {
    return this.sessions.size + this.marks.size + this.connections.size + this.handshakes.size;
  }

  async create(sessionId: string, userId: string, owner: string): Promise<void> {
    this.sweep();
    this.sessions.set(sessionId, { userId, owner, handed: null, expiresAt: this.windowEnd() });
  }

  async get(sessionId: string): Promise<StoredSession | null> {
    const session = this.live(sessionId);
    return session ? { userId: session.userId, owner: session.owner } : null;
  }

  async takeover(sessionId: string, expectedOwner: string, owner: string): Promise<boolean> {
    const session = this.live(sessionId);
    if (session?.owner !== expectedOwner) return false;
    session.owner = owner;
    session.handed = null;
    session.expiresAt = this.windowEnd();
    return true;
  }

  async handOver(sessionId: string, owner: string, { seq, entries }: HandOver): Promise<boolean> {
    const session = this.live(sessionId);
    if (session?.owner !== owner) return false;
    session.handed = { to: owner, seq, lines: entries.map(serializeDispatch) };
    session.expiresAt = this.windowEnd();
    return true;
  }

  async handedOver(sessionId: string, owner: string): Promise<HandOver | null> {
    const session = this.live(sessionId);
    if (session?.owner !== owner || session.handed?.to !== owner) return null;
    return { seq: session.handed.seq, entries: session.handed.lines.map(parseDispatch) };
  }

  async forget(sessionId: string, owner: string): Promise<void> {
    if (this.live(sessionId)?.owner === owner) this.sessions.delete(sessionId);
  }

  async refresh(sessionIds: readonly string[]): Promise<void> {
    for (const id of sessionIds) {
      const session = this.live(id);
      if (session) session.expiresAt = this.windowEnd();
    }
  }

  async heartbeat(nodeId: string, ttlSeconds: number): Promise<void> {
    this.sweep();
    this.marks.set(`node:${nodeId}`, this.now() + ttlSeconds * 1000);
  }

  async isNodeAlive(nodeId: string): Promise<boolean> {
    return this.marked(`node:${nodeId}`);
  }

  async forgetNode(nodeId: string): Promise<void> {
    this.marks.delete(`node:${nodeId}`);
  }

  async claimTyping(userId: string, channelId: string, seconds: number): Promise<boolean> {
    this.sweep();
    const key = `typing:${userId}:${channelId}`;
    if (this.marked(key)) return false;
    this.marks.set(key, this.now() + seconds * 1000);
    return true;
  }

  async claimHandshake(
    userId: string,
    connectionId: string,
    limits: HandshakeLimits,
  ): Promise<HandshakeClaim> {
    this.sweep();
    const now = this.now();
    const window = Math.floor(now / 1000 / limits.windowSeconds);
    const key = `${userId}:${window}`;
    const counter = this.handshakes.get(key) ?? {
      count: 0,
      expiresAt: (window + 1) * limits.windowSeconds * 1000,
    };
    counter.count++;
    this.handshakes.set(key, counter);
    if (counter.count > limits.perWindow) return 'rate-limited';
    const held = this.liveConnections(userId);
    if (!held.has(connectionId) && held.size >= limits.cap) return 'too-many-connections';
    held.set(connectionId, now + limits.ttlSeconds * 1000);
    this.connections.set(userId, held);
    return 'claimed';
  }

  async releaseConnection(userId: string, connectionId: string): Promise<void> {
    const held = this.connections.get(userId);
    held?.delete(connectionId);
    if (held?.size === 0) this.connections.delete(userId);
  }

  async refreshConnections(connections: readonly HeldConnection[], ttlSeconds: number): Promise<void> {
    const expiresAt = this.now() + ttlSeconds * 1000;
    for (const { userId, connectionId } of connections) {
      const held = this.liveConnections(userId);
      if (held.has(connectionId)) held.set(connectionId, expiresAt);
    }
  }

  /** The user's connections still counted (lapsed ones dropped). */
  private liveConnections(userId: string): Map<string, number> {
    const held = this.connections.get(userId) ?? new Map<string, number>();
    const now = this.now();
    for (const [connectionId, expiresAt] of held) if (expiresAt <= now) held.delete(connectionId);
    if (held.size === 0) this.connections.delete(userId);
    return held;
  }

  private windowEnd(): number {
    return this.now() + this.options.windowSeconds * 1000;
  }

  private live(sessionId: string): SessionRecord | undefined {
    const session = this.sessions.get(sessionId);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return session;
  }

  private marked(key: string): boolean {
    const expiresAt = this.marks.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt > this.now()) return true;
    this.marks.delete(key);
    return false;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
    for (const [key, expiresAt] of this.marks) if (expiresAt <= now) this.marks.delete(key);
    for (const userId of [...this.connections.keys()]) this.liveConnections(userId);
    for (const [key, counter] of this.handshakes) if (counter.expiresAt <= now) this.handshakes.delete(key);
  }
}
