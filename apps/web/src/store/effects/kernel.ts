import type { BonfireClient } from '@bonfire/sdk';
import type { AppState, Update } from '../state';

/** What an effects module works with: the SDK, the current state, and a way to apply a pure update. */
export interface StoreKernel {
  readonly client: BonfireClient;
  getState: () => AppState;
  update: (change: Update) => void;
}

/** How long after a channel appears (or a thread is unarchived) the server is asked again. */
export const CATCH_UP_DELAY_MS = 1500;
