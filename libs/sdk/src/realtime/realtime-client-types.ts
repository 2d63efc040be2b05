import type {
  Dispatch,
  DispatchEvents,
  DispatchType,
  IntentName,
  RealtimeHandshakeAuth,
  ReadyPayload,
  ResumedPayload,
  ResyncPayload,
} from '@bonfire/contracts';
import type { AuthSession } from '../auth/auth-session';

/** The part of a socket.io-client Socket the realtime client uses (a port, so tests can fake it). */
export interface RealtimeSocket {
  readonly connected: boolean;
  /** socket.io-client: true while the manager will reconnect by itself. */
  readonly active: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface RealtimeSocketOptions {
  path: string;
  /** Called on every (re)connect so a resume presents the latest sessionId, lastSeq and token. */
  auth: (callback: (auth: RealtimeHandshakeAuth) => void) => void;
}

export type RealtimeSocketFactory = (
  url: string | undefined,
  options: RealtimeSocketOptions,
) => RealtimeSocket;

export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

export interface DispatchMeta {
  /** The dispatch's sequence number; null for ephemeral events (typing). */
  seq: number | null;
}

export interface DisconnectedEvent {
  /** Why: `CLIENT` (disconnect() called), a REALTIME_ERROR_CODES code, or socket.io's reason. */
  reason: string;
  /** Whether the client will try again by itself. */
  willReconnect: boolean;
}

export interface ReconnectingEvent {
  /** Attempt number since the connection was lost (1 = first). */
  attempt: number;
  /** Milliseconds until the attempt. */
  delayMs: number;
  reason: string;
}

/** Connection lifecycle events. */
export interface ConnectionEvents {
  /** A connection attempt starts (first connect; reconnects emit `reconnecting` first). */
  connecting: [];
  /** A fresh session: the whole state. Replace any local state with it (also after `resync`). */
  ready: [payload: ReadyPayload];
  /** The previous session resumed: the missed dispatches follow, nothing was lost. */
  resumed: [payload: ResumedPayload];
  /** The session could not be resumed: drop local state; a `ready` follows on the same connection. */
  resync: [payload: ResyncPayload];
  reconnecting: [event: ReconnectingEvent];
  disconnected: [event: DisconnectedEvent];
  /** Every state change, for UIs that show one indicator. */
  state: [state: ConnectionState];
  /** Every dispatch, after deduplication. */
  dispatch: [dispatch: Dispatch];
  /** A failure that did not end the connection (an auth.refresh refused, a transient handshake refusal). */
  error: [error: { code: string; message: string }];
}

export type DispatchListenerEvents = { [K in DispatchType]: [data: DispatchEvents[K], meta: DispatchMeta] };
export type RealtimeEvents = ConnectionEvents & DispatchListenerEvents;

export interface RealtimeOptions {
  /** Gateway origin (e.g. http://localhost:8080); empty for the page's origin in a browser. */
  baseUrl: string;
  session: AuthSession;
  socketFactory: RealtimeSocketFactory;
  /** Acknowledgement wait for client → server events. Default 10 s. */
  ackTimeoutMs?: number;
  /** Backoff bounds for reconnects the client schedules itself. Default 500 ms – 30 s. */
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /**
   * Ask the gateway for `dispatches` batches (several dispatches per frame, within a few ms): less work per
   * event on both sides. Default true; a gateway that does not batch sends single dispatches, handled alike.
   */
  batch?: boolean;
  /** Bot mode: the handshake presents `Bot <token>` instead of an access token. */
  botToken?: string;
  /** Bot mode: the gateway intents (a bitfield of INTENTS or their names); default GUILDS | GUILD_MESSAGES. */
  intents?: number | readonly IntentName[];
  random?: () => number;
}
