import { type GuildsState, initialGuilds } from './slices/guilds';
import { initialMessages, type MessagesState } from './slices/messages';
import { initialPresence, type PresenceSliceState } from './slices/presence';
import { initialReadStates, type ReadStatesState } from './slices/read-states';
import { initialSession, type SessionState } from './slices/session';
import { initialThreads, type ThreadsState } from './slices/threads';
import { initialVoice, type VoiceSliceState } from './slices/voice';

/** The app's state: each slice module owns its part and the pure updates of it. */
export interface AppState
  extends
    SessionState,
    GuildsState,
    PresenceSliceState,
    ReadStatesState,
    MessagesState,
    VoiceSliceState,
    ThreadsState {}

export function initialState(): AppState {
  return {
    ...initialSession(),
    ...initialGuilds(),
    ...initialPresence(),
    ...initialReadStates(),
    ...initialMessages(),
    ...initialVoice(),
    ...initialThreads(),
  };
}

/** A slice update's result laid over the state; the very same state when nothing in it changed. */
export function patch(state: AppState, next: Partial<AppState>): AppState {
  for (const key of Object.keys(next) as (keyof AppState)[]) {
    if (next[key] !== state[key]) return { ...state, ...next };
  }
  return state;
}

export type Update = (state: AppState) => Partial<AppState>;

/**
 * Applies updates one after the other, each to the state the previous one left. (Slice updates receive the
 * whole state and may return it whole, so their results cannot simply be spread together.)
 */
export function chain(state: AppState, ...updates: Update[]): AppState {
  return updates.reduce<AppState>((current, update) => patch(current, update(current)), state);
}

type Listener = () => void;

/** Holds the state and tells subscribers (`useAppState`) when it changes. */
export class StateContainer {
  private state: AppState = initialState();
  private readonly listeners = new Set<Listener>();

  getState = (): AppState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies a pure update (a slice's, or one across slices) and notifies when it changed anything. */
  update(change: Update): void {
    const next = patch(this.state, change(this.state));
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
