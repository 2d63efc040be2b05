import { FailureCounterStore, type WindowState } from './failure-counter.store';

/**
 * Fixed windows and blocks in this process's memory (the standalone shape, where one process is the only
 * auth replica). An entry is dropped when it is next read after its end; `now` is injectable for unit tests.
 */
export class InMemoryFailureCounterStore extends FailureCounterStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private readonly blocks = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async peek(key: string): Promise<WindowState> {
    return this.state(key);
  }

  async increment(key: string, windowSeconds: number): Promise<WindowState> {
    this.sweep();
    const current = this.live(key);
    if (current) current.count++;
    else this.windows.set(key, { count: 1, endsAt: this.now() + windowSeconds * 1000 });
    return this.state(key);
  }

  async block(key: string, seconds: number): Promise<void> {
    this.sweep();
    const until = this.now() + seconds * 1000;
    if ((this.blocks.get(key) ?? 0) < until) this.blocks.set(key, until);
  }

  async blockedFor(key: string): Promise<number> {
    const until = this.blocks.get(key);
    if (until === undefined) return 0;
    if (until <= this.now()) {
      this.blocks.delete(key);
      return 0;
    }
    return Math.ceil((until - this.now()) / 1000);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
    this.blocks.delete(key);
  }

  private live(key: string) {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private state(key: string): WindowState {
    const window = this.live(key);
    if (!window) return { count: 0, resetsInSeconds: 0 };
    return { count: window.count, resetsInSeconds: Math.ceil((window.endsAt - this.now()) / 1000) };
  }

  // Entries of keys never read again (one-off IPs, login names) would otherwise stay forever.
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    for (const [key, until] of this.blocks) if (until <= now) this.blocks.delete(key);
  }
}
