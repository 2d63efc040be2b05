import { BonfireApiError } from '../errors';
import type { TokenStore } from './token-store';

/** What login, register and refresh answer. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Why the session ended: the refresh error code (`REFRESH_TOKEN_REUSED`, `INVALID_REFRESH_TOKEN`, …) or `LOGGED_OUT`. */
export interface SessionEndedEvent {
  reason: string;
  error?: BonfireApiError;
}

export interface AuthSessionOptions {
  store: TokenStore;
  /** Exchanges a refresh token for a new pair (POST /auth/refresh). */
  exchange: (refreshToken: string) => Promise<TokenPair>;
  /** Refresh this many seconds before the access token expires. Default 60. */
  refreshMarginSeconds?: number;
  /** Schedule a refresh before expiry even when no request needs a token (keeps realtime alive). Default true. */
  proactiveRefresh?: boolean;
  now?: () => number;
}

/** After a refresh failed for a transient reason (network, 5xx), try again this soon. */
const TRANSIENT_RETRY_MS = 5000;

type TokenListener = (accessToken: string) => void;
type SessionEndedListener = (event: SessionEndedEvent) => void;

/**
 * Holds the access token in memory and the refresh token in the TokenStore. Refreshes are single-flight:
 * every caller asking while a refresh runs shares that one exchange, because the server rotates the
 * refresh token and presenting the old one twice is treated as theft (REFRESH_TOKEN_REUSED ends the session).
 */
export class AuthSession {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private inFlight: Promise<string> | null = null;
  /** end() ran since the last setTokens(): the server's `session.ended` and a local logout can both end it. */
  private ended = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly tokenListeners = new Set<TokenListener>();
  private readonly endedListeners = new Set<SessionEndedListener>();
  private readonly marginMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AuthSessionOptions) {
    this.marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The current access token, if one is held (it may be about to expire). */
  get currentAccessToken(): string | null {
    return this.accessToken;
  }

  /** Whether a refresh token is stored (a session can be resumed without a password). */
  async hasSession(): Promise<boolean> {
    return (await this.options.store.getRefreshToken()) !== null;
  }

  /** Takes a pair from login/register/refresh: access token into memory, refresh token into the store. */
  async setTokens(pair: TokenPair): Promise<void> {
    await this.options.store.setRefreshToken(pair.refreshToken);
    this.ended = false;
    this.accessToken = pair.accessToken;
    this.expiresAt = this.now() + pair.expiresIn * 1000;
    this.scheduleIn(pair.expiresIn * 1000 - this.marginMs);
    for (const listener of this.tokenListeners) listener(pair.accessToken);
  }

  /**
   * A usable access token: the held one while it is more than the margin away from expiry, otherwise a
   * refreshed one. `null` when there is no session at all (never logged in, or ended).
   */
  async getAccessToken(): Promise<string | null> {
    if (this.accessToken && this.now() < this.expiresAt - this.marginMs) return this.accessToken;
    if (this.inFlight) return this.inFlight;
    if ((await this.options.store.getRefreshToken()) === null) return this.accessToken;
    return this.refresh();
  }

  /**
   * Exchanges the stored refresh token now. Concurrent calls share one exchange. When `staleToken` is
   * given (the token a request was refused with) and a newer token is already held, that one is returned
   * without a new exchange.
   */
  refresh(staleToken?: string): Promise<string> {
    if (this.inFlight) return this.inFlight;
    if (staleToken !== undefined && this.accessToken && this.accessToken !== staleToken) {
      return Promise.resolve(this.accessToken);
    }
    this.inFlight = this.exchange().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Forgets both tokens (after logout) and tells `onSessionEnded` listeners (once per session). */
  async end(reason: string, error?: BonfireApiError): Promise<void> {
    this.clearTimer();
    this.accessToken = null;
    this.expiresAt = 0;
    const first = !this.ended;
    this.ended = true;
    await this.options.store.setRefreshToken(null);
    if (!first) return;
    for (const listener of this.endedListeners) listener({ reason, ...(error ? { error } : {}) });
  }

  /** Called with every new access token (login, refresh). Returns an unsubscribe function. */
  onTokenRefreshed(listener: TokenListener): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /** Called when the session cannot continue (refresh refused, logout). Returns an unsubscribe function. */
  onSessionEnded(listener: SessionEndedListener): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  /** Stops the proactive refresh timer. */
  dispose(): void {
    this.clearTimer();
  }

  private async exchange(): Promise<string> {
    const refreshToken = await this.options.store.getRefreshToken();
    if (refreshToken === null) {
      throw new BonfireApiError(401, 'NOT_AUTHENTICATED', 'There is no session: log in first.');
    }
    let pair: TokenPair;
    try {
      pair = await this.options.exchange(refreshToken);
    } catch (error) {
      // A refused refresh token (reused, revoked, expired) cannot recover; a network error or 5xx can.
      if (error instanceof BonfireApiError && (error.status === 401 || error.status === 403)) {
        await this.end(error.code, error);
      } else if (this.accessToken) {
        this.scheduleIn(TRANSIENT_RETRY_MS);
      }
      throw error;
    }
    await this.setTokens(pair);
    return pair.accessToken;
  }

  private scheduleIn(delayMs: number): void {
    this.clearTimer();
    if (this.options.proactiveRefresh === false) return;
    const delay = Math.max(1000, delayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => undefined);
    }, delay);
    // Node: a pending refresh must not keep a script alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
