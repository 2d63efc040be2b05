import type { Presence } from '@bonfire/contracts';
import { type CallerIdentity, internalRequest, RequestBatch } from '@bonfire/platform';
import { internalPath } from '@bonfire/contracts';

type ReportEvent = {
  type: 'connect' | 'disconnect' | 'idle' | 'active';
  connectionId: string;
  userId: string;
};

interface PresenceReadyAnswer {
  presences: Presence[];
  self: Presence;
}

interface ReadyQuery {
  userId: string;
  userIds: readonly string[];
}

/** Presence's limit of handshakes per `ready` call (PRESENCE_LIMITS.readyQueries). */
const READY_QUERIES_PER_CALL = 200;

/**
 * The gateway's side of presence: it reports its connections to the presence service over presence's
 * internal HTTP routes (see apps/presence PresenceService for why HTTP rather than Kafka or a shared
 * Redis library).
 *
 * - connect / disconnect / idle / active are queued and sent as one batch per flush (a burst of
 *   reconnects after a deploy is a few requests, not one per socket);
 * - every `heartbeatMs` (20 s) the full connection list goes out: it keeps this gateway's liveness key
 *   alive in presence (a gateway that dies without goodbye goes offline within presence's TTL), repairs
 *   any report lost to a failure, and rebuilds presence after a Redis restart;
 * - requests go one at a time, so presence applies them in order (a heartbeat snapshot can never
 *   overtake a later connect);
 * - the presences of `ready` for the handshakes of a 2 ms window go in one call (RequestBatch): a burst
 *   of connections asks presence once, not once per socket;
 * - on shutdown, a goodbye ends this gateway's connections at once.
 * Failures are logged and never break a socket: the next heartbeat repairs the state.
 */
export class PresenceRealtimeClient {
  private readonly connections = new Map<string, { userId: string; idle: boolean }>();
  private pending: ReportEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private readonly serviceIdentity: CallerIdentity;
  private readonly readyQueries = new RequestBatch<ReadyQuery, PresenceReadyAnswer>(
    (queries) => this.readyAll(queries),
    // 2 ms: handshakes reach this point one chat answer apart, rarely in the same event-loop turn.
    { maxRequests: READY_QUERIES_PER_CALL, gatherMs: 2 },
  );

  constructor(
    private readonly options: {
      baseUrl: string | undefined;
      identitySecret: string;
      gatewayId: string;
      timeoutMs: number;
      heartbeatMs: number;
      onError: (error: unknown, what: string) => void;
    },
  ) {
    this.serviceIdentity = { userId: '0', sessionId: `gateway:${options.gatewayId}` };
  }

  get enabled(): boolean {
    return this.options.baseUrl !== undefined;
  }

  start(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    this.timer.unref();
    void this.heartbeat();
  }

  /** Resolves once presence has the connection (or the report failed). */
  connect(connectionId: string, userId: string): Promise<void> {
    this.connections.set(connectionId, { userId, idle: false });
    return this.queue({ type: 'connect', connectionId, userId });
  }

  disconnect(connectionId: string): void {
    const connection = this.connections.get(connectionId);
    if (!connection) return;
    this.connections.delete(connectionId);
    void this.queue({ type: 'disconnect', connectionId, userId: connection.userId });
  }

  activity(connectionId: string, idle: boolean): void {
    const connection = this.connections.get(connectionId);
    if (!connection || connection.idle === idle) return;
    connection.idle = idle;
    void this.queue({ type: idle ? 'idle' : 'active', connectionId, userId: connection.userId });
  }

  /** Presences for `ready`: the listed users who are online, and the user's own. */
  async ready(userId: string, userIds: readonly string[]): Promise<PresenceReadyAnswer | null> {
    if (!this.enabled) return null;
    try {
      return await this.readyQueries.ask({ userId, userIds });
    } catch (error) {
      this.options.onError(error, 'ready presences');
      return null;
    }
  }

  private async readyAll(queries: ReadyQuery[]): Promise<PresenceReadyAnswer[]> {
    const { answers } = await this.request<{ answers: PresenceReadyAnswer[] }>(
      this.serviceIdentity,
      'POST',
      internalPath('presence', 'ready'),
      { queries },
    );
    return answers;
  }

  /** Stops heartbeating and tells presence this gateway's connections are gone. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (!this.enabled) return;
    this.connections.clear();
    this.pending = [];
    await this.serial(() =>
      this.request(
        this.serviceIdentity,
        'DELETE',
        internalPath('presence', 'gateway', { gatewayId: this.options.gatewayId }),
      ),
    );
  }

  heartbeat(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    return this.serial(() => {
      // The snapshot is taken when this request's turn comes, after every earlier report.
      const connections = [...this.connections].map(([connectionId, c]) => ({
        connectionId,
        userId: c.userId,
        idle: c.idle,
      }));
      return this.request(
        this.serviceIdentity,
        'POST',
        internalPath('presence', 'heartbeat', { gatewayId: this.options.gatewayId }),
        { connections },
      );
    });
  }

  private queue(event: ReportEvent): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.pending.push(event);
    this.flushScheduled ??= this.serial(async () => {
      this.flushScheduled = null;
      const events = this.pending;
      this.pending = [];
      if (events.length === 0) return;
      await this.request(
        this.serviceIdentity,
        'POST',
        internalPath('presence', 'report', { gatewayId: this.options.gatewayId }),
        { events },
      );
    });
    return this.flushScheduled;
  }

  private serial(task: () => Promise<unknown>): Promise<void> {
    const run = this.chain.then(task).then(
      () => undefined,
      (error: unknown) => this.options.onError(error, 'presence report'),
    );
    this.chain = run;
    return run;
  }

  private async request<T>(
    identity: CallerIdentity,
    method: 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await internalRequest({
      baseUrl: this.options.baseUrl!,
      path,
      method,
      body,
      caller: identity,
      identitySecret: this.options.identitySecret,
      timeoutMs: this.options.timeoutMs,
    });
    if (response.status < 200 || response.status > 299) {
      throw new Error(`presence answered ${response.status} to ${method} ${path}`);
    }
    return response.body as T;
  }
}
