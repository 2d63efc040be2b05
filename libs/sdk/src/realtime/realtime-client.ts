import {
  REALTIME_CLOSE_REASONS,
  REALTIME_ERROR_CODES,
  REALTIME_PATH,
  REALTIME_PROTOCOL_LATEST,
  type Dispatch,
  type DispatchFrame,
  dispatchSeq,
  type DispatchType,
  type IntentName,
  type RealtimeAck,
  type RealtimeHandshakeAuth,
  type ReadyPayload,
  type ResumedPayload,
  type ResyncPayload,
  type SessionEndedPayload,
} from '@bonfire/contracts';
import { TypedEmitter } from './emitter';
import type {
  ConnectionState,
  DispatchMeta,
  RealtimeEvents,
  RealtimeOptions,
  RealtimeSocket,
} from './realtime-client-types';

/** The `reconnecting` reason when the client itself resumes after a skipped seq. */
const SEQ_GAP = 'SEQ_GAP';

/** What a bot receives unless it declares its intents. */
const DEFAULT_BOT_INTENTS: readonly IntentName[] = ['GUILDS', 'GUILD_MESSAGES'];

/** Handshake refusals worth retrying after a pause. */
const TRANSIENT_REFUSALS = new Set<string>([
  REALTIME_ERROR_CODES.unavailable,
  REALTIME_ERROR_CODES.rateLimited,
  REALTIME_ERROR_CODES.tooManyConnections,
]);

/**
 * The realtime connection: socket.io to the gateway at REALTIME_PATH. Keeps the session id and the
 * highest dispatch seq, presents them on every reconnect (resume), drops dispatches it has already seen,
 * pushes refreshed tokens (`auth.refresh`) and reconnects after `reconnect`, `auth.expired` or a lost
 * connection.
 */
export class RealtimeClient extends TypedEmitter<RealtimeEvents> {
  private socket: RealtimeSocket | null = null;
  private sessionIdValue: string | null = null;
  private lastSeqValue = 0;
  private stateValue: ConnectionState = 'disconnected';
  private wanted = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingServerReason: string | null = null;
  /** A seq was skipped: the connection is being replaced by a resume; dispatches until then are ignored. */
  private recoveringGap = false;
  /** The reason of the server's `session.ended`, until the disconnect that follows. */
  private endedReason: string | null = null;
  private unsubscribeToken: (() => void) | null = null;

  constructor(private readonly options: RealtimeOptions) {
    super();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  /** The session being resumed on reconnect (null before the first `ready`). */
  get sessionId(): string | null {
    return this.sessionIdValue;
  }

  /** The highest dispatch seq received in this session. */
  get lastSeq(): number {
    return this.lastSeqValue;
  }

  /**
   * Opens the connection (no-op when already open). Resolves on `ready` or `resumed`; rejects when the
   * first handshake is refused for good (no session, invalid token).
   */
  connect(): Promise<void> {
    this.wanted = true;
    if (this.socket && this.stateValue !== 'disconnected') return this.waitUntilConnected();
    this.unsubscribeToken ??= this.options.session.onTokenRefreshed((token) => this.pushToken(token));
    this.setState('connecting');
    this.emit('connecting');
    const waiting = this.waitUntilConnected();
    void this.open();
    return waiting;
  }

  /** Closes the connection and stops reconnecting. The session stays resumable for the resume window. */
  disconnect(): void {
    this.wanted = false;
    this.clearRetry();
    this.unsubscribeToken?.();
    this.unsubscribeToken = null;
    const socket = this.socket;
    this.socket = null;
    socket?.disconnect();
    if (this.stateValue !== 'disconnected') {
      this.setState('disconnected');
      this.emit('disconnected', { reason: 'CLIENT', willReconnect: false });
    }
  }

  /** Forgets the session so the next connect starts fresh (`ready` instead of resume). */
  resetSession(): void {
    this.sessionIdValue = null;
    this.lastSeqValue = 0;
  }

  /** Tells the others in the channel the user is typing (the server rate-limits repeats). */
  startTyping(channelId: string): Promise<void> {
    return this.request('typing.start', { channelId });
  }

  /** Marks this device idle (no input for a while) or active again. */
  setIdle(idle: boolean): Promise<void> {
    return this.request('presence.idle', { idle });
  }

  /** Sends an access token to the open connection (done automatically after every refresh). */
  refreshToken(token: string): Promise<void> {
    return this.request('auth.refresh', { token });
  }

  private async open(): Promise<void> {
    const socket = this.options.socketFactory(this.options.baseUrl || undefined, {
      path: REALTIME_PATH,
      auth: (callback) => {
        void this.handshakeAuth().then(callback, () => callback({ token: '' }));
      },
    });
    this.socket = socket;
    this.bind(socket);
    socket.connect();
  }

  private async handshakeAuth(): Promise<RealtimeHandshakeAuth> {
    const batch = this.options.batch ?? true;
    const bot = this.options.botToken;
    const token = bot !== undefined ? `Bot ${bot}` : ((await this.options.session.getAccessToken()) ?? '');
    const intents =
      bot === undefined
        ? {}
        : {
            intents:
              typeof this.options.intents === 'number'
                ? this.options.intents
                : [...(this.options.intents ?? DEFAULT_BOT_INTENTS)],
          };
    const protocol = REALTIME_PROTOCOL_LATEST;
    if (this.sessionIdValue === null) return { token, batch, protocol, ...intents };
    return {
      token,
      batch,
      protocol,
      ...intents,
      sessionId: this.sessionIdValue,
      lastSeq: this.lastSeqValue,
    };
  }

  private bind(socket: RealtimeSocket): void {
    // Each handler runs only while this socket is the client's (a replaced one may still deliver).
    const handlers: Record<string, (...args: never[]) => void> = {
      ready: (payload: ReadyPayload) => this.onReady(payload),
      resumed: (payload: ResumedPayload) => this.onResumed(payload),
      resync: (payload: ResyncPayload) => this.onResync(payload),
      dispatch: (dispatch: DispatchFrame) => this.onDispatch(dispatch),
      dispatches: (dispatches: DispatchFrame[]) => {
        for (const dispatch of dispatches) this.onDispatch(dispatch);
      },
      reconnect: (payload: { reason?: string }) => {
        this.pendingServerReason = payload?.reason ?? 'RECONNECT';
      },
      'session.ended': (payload: SessionEndedPayload) => {
        this.pendingServerReason = REALTIME_CLOSE_REASONS.sessionEnded;
        this.endedReason = payload?.reason ?? REALTIME_ERROR_CODES.sessionRevoked;
      },
      'auth.expired': () => {
        this.pendingServerReason = REALTIME_CLOSE_REASONS.tokenExpired;
      },
      connect_error: (error: Error) => this.onConnectError(socket, error),
      disconnect: (reason: string) => this.onDisconnect(socket, reason),
    };
    for (const [event, handler] of Object.entries(handlers)) {
      socket.on(event, ((...args: never[]) => {
        if (this.socket === socket) handler(...args);
      }) as (...args: never[]) => void);
    }
  }

  private onReady(payload: ReadyPayload): void {
    this.recoveringGap = false;
    this.sessionIdValue = payload.sessionId;
    this.lastSeqValue = 0;
    this.attempt = 0;
    this.setState('connected');
    this.emit('ready', payload);
  }

  private onResumed(payload: ResumedPayload): void {
    this.recoveringGap = false;
    this.sessionIdValue = payload.sessionId;
    this.attempt = 0;
    this.setState('connected');
    this.emit('resumed', payload);
  }

  private onResync(payload: ResyncPayload): void {
    this.resetSession();
    this.emit('resync', payload);
  }

  /**
   * Exposed for tests through the socket port; applies the dedup rule. A sequenced dispatch without `seq`
   * (protocol 2) is the next one: the gateway leaves the number out only then.
   */
  private onDispatch(frame: DispatchFrame): void {
    // The decoded frame is this client's own: numbered in place, nothing copied per event.
    const numbered = frame as { seq?: number | null };
    numbered.seq = dispatchSeq(frame, this.lastSeqValue);
    const dispatch = frame as Dispatch;
    if (dispatch.seq !== null) {
      if (this.recoveringGap || dispatch.seq <= this.lastSeqValue) return;
      if (dispatch.seq > this.lastSeqValue + 1) {
        this.recoverGap();
        return;
      }
      this.lastSeqValue = dispatch.seq;
    }
    this.emit('dispatch', dispatch);
    (this.emit as (event: DispatchType, data: unknown, meta: DispatchMeta) => void)(
      dispatch.type,
      dispatch.data,
      { seq: dispatch.seq },
    );
  }

  /**
   * A dispatch came with a seq past the next one: what lies between never arrived. The session still holds
   * it, so the client resumes at once from the last seq it has (the server replays the rest, in order).
   */
  private recoverGap(): void {
    const socket = this.socket;
    if (!socket) return;
    this.recoveringGap = true;
    this.pendingServerReason = SEQ_GAP;
    socket.disconnect();
    this.pendingServerReason = null;
    this.scheduleReconnect(SEQ_GAP, 0);
  }

  private onConnectError(socket: RealtimeSocket, error: Error): void {
    const code = error?.message ?? 'CONNECT_ERROR';
    if (socket.active) {
      // A transport failure: socket.io's manager retries by itself.
      this.attempt++;
      this.setState('reconnecting');
      this.emit('reconnecting', { attempt: this.attempt, delayMs: 0, reason: code });
      return;
    }
    if (code === REALTIME_ERROR_CODES.tokenExpired || code === REALTIME_ERROR_CODES.tokenInvalid) {
      // Refresh once, then retry; a refused refresh ends the session (and the connection below).
      this.options.session.refresh().then(
        () => this.scheduleReconnect(code, 0),
        () => this.fail(socket, code),
      );
      return;
    }
    if (code === REALTIME_ERROR_CODES.sessionRevoked) {
      this.endSession(socket, code);
      return;
    }
    if (TRANSIENT_REFUSALS.has(code)) {
      this.emit('error', { code, message: `The realtime handshake was refused (${code}); retrying.` });
      this.scheduleReconnect(code);
      return;
    }
    this.fail(socket, code);
  }

  private onDisconnect(socket: RealtimeSocket, reason: string): void {
    const serverReason = this.pendingServerReason;
    this.pendingServerReason = null;
    if (!this.wanted || serverReason === SEQ_GAP) return;
    if (serverReason === REALTIME_CLOSE_REASONS.sessionEnded) {
      this.endSession(socket, this.endedReason ?? REALTIME_ERROR_CODES.sessionRevoked);
      return;
    }
    if (serverReason === REALTIME_CLOSE_REASONS.sessionTaken) this.resetSession();
    if (socket.active) {
      this.attempt++;
      this.setState('reconnecting');
      this.emit('reconnecting', { attempt: this.attempt, delayMs: 0, reason });
      return;
    }
    if (serverReason === REALTIME_CLOSE_REASONS.tokenExpired) {
      this.options.session.refresh().then(
        () => this.scheduleReconnect(serverReason, 0),
        () => this.fail(socket, serverReason),
      );
      return;
    }
    // The server closed the socket (going away, slow consumer, session taken…): reconnect and resume.
    this.scheduleReconnect(
      serverReason ?? reason,
      serverReason === REALTIME_CLOSE_REASONS.shuttingDown ? 0 : undefined,
    );
  }

  private scheduleReconnect(reason: string, fixedDelayMs?: number): void {
    if (!this.wanted) return;
    this.clearRetry();
    this.attempt++;
    const min = this.options.minReconnectDelayMs ?? 500;
    const max = this.options.maxReconnectDelayMs ?? 30_000;
    const random = this.options.random ?? Math.random;
    const delayMs =
      fixedDelayMs ?? Math.round(Math.min(max, min * 2 ** (this.attempt - 1)) * (0.5 + random() / 2));
    this.setState('reconnecting');
    this.emit('reconnecting', { attempt: this.attempt, delayMs, reason });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted && this.socket) this.socket.connect();
    }, delayMs);
  }

  /** The sign-in session is over (logout elsewhere, revoked, password changed): stop and end it. */
  private endSession(socket: RealtimeSocket, reason: string): void {
    this.endedReason = null;
    this.resetSession();
    this.fail(socket, reason);
    void this.options.session.end(reason).catch(() => undefined);
  }

  private fail(socket: RealtimeSocket, reason: string): void {
    if (this.socket !== socket) return;
    this.wanted = false;
    this.clearRetry();
    this.socket = null;
    socket.disconnect();
    this.setState('disconnected');
    this.emit('disconnected', { reason, willReconnect: false });
  }

  private pushToken(token: string): void {
    if (!this.socket?.connected) return;
    this.refreshToken(token).catch((error: { code?: string; message?: string }) => {
      this.emit('error', {
        code: error.code ?? 'AUTH_REFRESH_FAILED',
        message: error.message ?? String(error),
      });
    });
  }

  private request(event: string, payload: unknown): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) {
      return Promise.reject(
        new RealtimeRequestError('NOT_CONNECTED', 'The realtime connection is not open.'),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new RealtimeRequestError('TIMEOUT', `No answer to ${event}.`)),
        this.options.ackTimeoutMs ?? 10_000,
      );
      socket.emit(event, payload, (ack: RealtimeAck) => {
        clearTimeout(timer);
        if (ack?.ok) resolve();
        else reject(new RealtimeRequestError(ack?.code ?? 'INVALID_REQUEST', ack?.message ?? 'Refused.'));
      });
    });
  }

  private waitUntilConnected(): Promise<void> {
    if (this.stateValue === 'connected') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const offs = [
        this.on('ready', () => done()),
        this.on('resumed', () => done()),
        this.on('disconnected', (event) => {
          if (event.willReconnect) return;
          offs.forEach((off) => off());
          reject(new RealtimeRequestError(event.reason, `The realtime connection failed: ${event.reason}.`));
        }),
      ];
      const done = () => {
        offs.forEach((off) => off());
        resolve();
      };
    });
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.emit('state', state);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

/** A client → server realtime event was refused or not answered. */
export class RealtimeRequestError extends Error {
  override readonly name = 'RealtimeRequestError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
