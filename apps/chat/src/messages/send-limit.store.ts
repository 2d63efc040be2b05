/** A user's send window: sends counted so far, and how long until the window closes. */
export interface SendWindow {
  count: number;
  /** Milliseconds until the window resets. */
  resetsInMs: number;
}

/** Whose slowmode wait: one user in one channel. */
export interface SlowmodeSlot {
  channelId: string;
  userId: string;
}

/**
 * Where chat's send limits live (the DI token): Redis in the distributed shape, so every chat replica
 * enforces the same budget; memory in the standalone one.
 */
export abstract class SendLimitStore {
  /**
   * Starts the slot's slowmode wait of `waitMs` unless one is running. Answers 0 when it started, or the
   * milliseconds left of the running wait (at least 1).
   */
  abstract startSlowmode(slot: SlowmodeSlot, waitMs: number): Promise<number>;
  /** Ends the slot's wait early (the send it was started for was refused). */
  abstract cancelSlowmode(slot: SlowmodeSlot): Promise<void>;
  /** Counts one send of the user in a fixed window that the first send opens for `windowMs`. */
  abstract countSend(userId: string, windowMs: number): Promise<SendWindow>;
}
