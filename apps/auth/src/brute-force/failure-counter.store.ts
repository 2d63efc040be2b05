/** A fixed-window counter: how many failures so far, and how long until the window closes. */
export interface WindowState {
  count: number;
  /** Whole seconds until the window resets (0 when there is no open window). */
  resetsInSeconds: number;
}

/**
 * Where failed-login counters and back-off blocks live (the DI token): Redis in the distributed shape, so
 * every auth replica enforces the same limits; memory in the standalone one.
 */
export abstract class FailureCounterStore {
  abstract peek(key: string): Promise<WindowState>;
  /** Adds one failure; the first failure opens a window of `windowSeconds` that later ones do not extend. */
  abstract increment(key: string, windowSeconds: number): Promise<WindowState>;
  /** Blocks the key for at least `seconds` from now; a longer block already in place is kept. */
  abstract block(key: string, seconds: number): Promise<void>;
  /** Whole seconds until the key's block ends (0 when it is not blocked). */
  abstract blockedFor(key: string): Promise<number>;
  /** Forgets the key's window, its failures and its block. */
  abstract reset(key: string): Promise<void>;
}
