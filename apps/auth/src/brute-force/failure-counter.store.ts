/** A fixed-window counter: how many failures so far, and how long until the window closes. */
export interface WindowState {
  count: number;
  /** Whole seconds until the window resets (0 when there is no open window). */
  resetsInSeconds: number;
}

/**
 * Where failed-login counters live (the DI token): Redis in the distributed shape, so every auth replica
 * enforces the same limits; memory in the standalone one.
 */
export abstract class FailureCounterStore {
  abstract peek(key: string): Promise<WindowState>;
  /** Adds one failure; the first failure opens a window of `windowSeconds` that later ones do not extend. */
  abstract increment(key: string, windowSeconds: number): Promise<WindowState>;
  /** Forgets the key's window and its failures. */
  abstract reset(key: string): Promise<void>;
}
