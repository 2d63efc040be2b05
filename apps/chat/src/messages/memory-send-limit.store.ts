import { SendLimitStore, type SendWindow, type SlowmodeSlot } from './send-limit.store';

/**
 * Send limits in this process's memory (the standalone shape, where one process is the only chat
 * replica). Entries end at a timestamp, checked on read and swept now and then.
 */
export class InMemorySendLimitStore extends SendLimitStore {
  private readonly slowmodeEnds = new Map<string, number>();
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async startSlowmode(slot: SlowmodeSlot, waitMs: number): Promise<number> {
    this.sweep();
    const key = slotKey(slot);
    const now = this.now();
    const endsAt = this.slowmodeEnds.get(key);
    if (endsAt !== undefined && endsAt > now) return endsAt - now;
    this.slowmodeEnds.set(key, now + waitMs);
    return 0;
  }

  async cancelSlowmode(slot: SlowmodeSlot): Promise<void> {
    this.slowmodeEnds.delete(slotKey(slot));
  }

  async countSend(userId: string, windowMs: number): Promise<SendWindow> {
    this.sweep();
    const now = this.now();
    let window = this.windows.get(userId);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(userId, window);
    }
    window.count++;
    return { count: window.count, resetsInMs: window.endsAt - now };
  }

  // Entries of users and channels that go quiet would otherwise stay forever.
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, endsAt] of this.slowmodeEnds) if (endsAt <= now) this.slowmodeEnds.delete(key);
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

function slotKey(slot: SlowmodeSlot): string {
  return `${slot.channelId}:${slot.userId}`;
}
