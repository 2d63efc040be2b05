export interface EventLimits {
  /** Events per second a connection may send, sustained. */
  perSecond: number;
  /** Events a connection may send at once (the bucket's size; it starts full). */
  burst: number;
  /** Refused events within REFUSAL_WINDOW_MS after which the connection is abusive (closed). */
  maxRefused: number;
}

/** `allowed`: handle it; `limited`: refuse it (RATE_LIMITED); `abusive`: close the connection. */
type EventVerdict = 'allowed' | 'limited' | 'abusive';

/** The window refused events are counted in: a client that keeps flooding after refusals is closed. */
export const REFUSAL_WINDOW_MS = 10_000;

/**
 * One connection's event rate: a token bucket (`burst` tokens, refilled at `perSecond`), so ordinary use
 * — typing every few seconds, an idle flag, a token refresh — never meets it, while a flood is refused
 * after the burst. A client that goes on sending into refusals (more than `maxRefused` within
 * REFUSAL_WINDOW_MS) is abusive. Pure and synchronous: `now` is injectable for tests.
 */
export class EventLimiter {
  private tokens: number;
  private refilledAt: number;
  private refused = 0;
  private refusalWindowStart = 0;

  constructor(
    private readonly limits: EventLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.burst;
    this.refilledAt = now();
  }

  take(): EventVerdict {
    const now = this.now();
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.limits.perSecond,
    );
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'allowed';
    }
    if (now - this.refusalWindowStart >= REFUSAL_WINDOW_MS) {
      this.refusalWindowStart = now;
      this.refused = 0;
    }
    this.refused++;
    return this.refused > this.limits.maxRefused ? 'abusive' : 'limited';
  }
}
