import { type DeniedListener, type DeniedSession, SessionDenylist } from './session-denylist';

/** Sweep expired entries at most this often (reads also drop the expired entry they hit). */
const SWEEP_INTERVAL_MS = 60_000;

/** The denylist in this process's memory: a Map with expiry by timestamp, swept lazily on writes. */
export class InMemorySessionDenylist extends SessionDenylist {
  private readonly entries = new Map<string, DeniedSession>();
  private readonly listeners = new Set<DeniedListener>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  deny(entry: DeniedSession): void {
    this.sweep();
    if (entry.expiresAtMs <= this.now()) return;
    const known = this.entries.get(entry.sessionId);
    if (known) {
      if (entry.expiresAtMs > known.expiresAtMs) this.entries.set(entry.sessionId, { ...entry });
      return;
    }
    this.entries.set(entry.sessionId, { ...entry });
    for (const listener of this.listeners) listener({ ...entry });
  }

  find(sessionId: string): DeniedSession | null {
    const entry = this.entries.get(sessionId);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(sessionId);
      return null;
    }
    return entry;
  }

  onDenied(listener: DeniedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Entries held (expired ones not swept yet included); for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries) if (entry.expiresAtMs <= now) this.entries.delete(id);
  }
}
