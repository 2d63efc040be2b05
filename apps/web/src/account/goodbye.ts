import { useSyncExternalStore } from 'react';

/**
 * Whether this tab just deleted its account: the goodbye screen shows above whatever the app renders once
 * the session has ended (the settings that asked for the deletion are gone by then).
 */
let deleted = false;
const listeners = new Set<() => void>();

function set(value: boolean): void {
  deleted = value;
  for (const listener of listeners) listener();
}

export const markAccountDeleted = (): void => set(true);
export const dismissGoodbye = (): void => set(false);

export function useAccountDeleted(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => deleted,
  );
}
