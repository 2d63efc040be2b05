/**
 * @bonfire/sdk/browser — helpers that need a browser: refresh-token storage in localStorage and the
 * XMLHttpRequest upload transport (progress events).
 */
import type { TokenStore } from '../auth/token-store';

export { createXhrUploadTransport, type XhrLike } from '../upload/xhr-transport';

/**
 * Keeps the refresh token in `localStorage` under `key`. Readable by any script on the origin: pair it
 * with a strict Content-Security-Policy. Falls back to memory when storage is unavailable (private mode).
 */
export function localStorageTokenStore(key = 'bonfire.refreshToken'): TokenStore {
  let memory: string | null = null;
  const storage = (): Storage | null => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    getRefreshToken() {
      return storage()?.getItem(key) ?? memory;
    },
    setRefreshToken(token) {
      memory = token;
      const store = storage();
      if (!store) return;
      if (token === null) store.removeItem(key);
      else store.setItem(key, token);
    },
  };
}
