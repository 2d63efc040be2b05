import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { BonfireClient } from '@bonfire/sdk';
import type { AppState, AppStore } from './store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside the signed-in app');
  return store;
}

/** For hooks (.ts) that wire an SDK feature; components go through the store (lint `no-sdk-client-in-components`). */
export function useClient(): BonfireClient {
  return useStore().client;
}

/** Reads a slice of the app state; re-renders only when the slice changes (by reference). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useStore();
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  return useSyncExternalStore(store.subscribe, () => selectorRef.current(store.getState()));
}
