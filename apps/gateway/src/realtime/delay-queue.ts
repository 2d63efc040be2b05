/**
 * Runs `run(value)` a fixed `delayMs` after each `add(value)`, on one timer for the whole queue. For
 * per-session clean-ups that many sessions schedule at once (a reconnect storm): a timer each would keep a
 * Timeout, a closure and its context per session for the whole delay. With one delay for every value, the
 * queue is in due order, so only its head is looked at.
 */
export class DelayQueue<T> {
  private dues: number[] = [];
  private values: T[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly run: (value: T) => void,
  ) {}

  get size(): number {
    return this.dues.length - this.head;
  }

  add(value: T, nowMs = Date.now()): void {
    this.dues.push(nowMs + this.delayMs);
    this.values.push(value);
    if (!this.timer) this.schedule(this.delayMs);
  }

  /** Runs what is due at `nowMs` (the timer calls it; tests may too). */
  runDue(nowMs = Date.now()): void {
    while (this.head < this.dues.length && this.dues[this.head]! <= nowMs) {
      const value = this.values[this.head]!;
      this.values[this.head] = undefined as T;
      this.head++;
      this.run(value);
    }
    if (this.head === this.dues.length) {
      this.dues = [];
      this.values = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.dues.length) {
      this.dues = this.dues.slice(this.head);
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
  }

  /** Drops what is queued (nothing runs) and the timer. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dues = [];
    this.values = [];
    this.head = 0;
  }

  private schedule(inMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runDue();
      if (this.size > 0) this.schedule(Math.max(0, this.dues[this.head]! - Date.now()));
    }, inMs);
    this.timer.unref();
  }
}
