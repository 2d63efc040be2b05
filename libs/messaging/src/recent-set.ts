/**
 * The last `capacity` distinct keys added: adding one more forgets the oldest. For "have I handled this
 * lately?" checks on a stream that may repeat itself (a redelivered event, a row published twice), where
 * remembering everything would grow without bound. A JavaScript Set keeps insertion order, so the oldest
 * key is its first.
 */
export class RecentSet<T> {
  private readonly keys = new Set<T>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RecentSet capacity must be a positive integer, got ${capacity}`);
    }
  }

  get size(): number {
    return this.keys.size;
  }

  has(key: T): boolean {
    return this.keys.has(key);
  }

  /** Remembers the key; answers false when it was already remembered (it keeps its place). */
  add(key: T): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value as T);
    return true;
  }
}
