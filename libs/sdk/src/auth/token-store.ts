/**
 * Where the refresh token lives between runs. The SDK keeps the access token in memory only; the refresh
 * token is long-lived (30 days by default) and rotates on every refresh, so the store must accept writes.
 *
 * Browsers: `localStorageTokenStore()` from `@bonfire/sdk/browser`. React Native: wrap a secure store
 * (Keychain / Keystore). Node: the default memory store, or a file.
 */
export interface TokenStore {
  getRefreshToken(): Promise<string | null> | string | null;
  /** `null` clears it (logout, session ended). */
  setRefreshToken(token: string | null): Promise<void> | void;
}

/** Keeps the refresh token in memory: the session ends with the process. */
export class MemoryTokenStore implements TokenStore {
  private token: string | null;

  constructor(initial: string | null = null) {
    this.token = initial;
  }

  getRefreshToken(): string | null {
    return this.token;
  }

  setRefreshToken(token: string | null): void {
    this.token = token;
  }
}
