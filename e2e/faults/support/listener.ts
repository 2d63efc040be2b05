import {
  type DispatchFrame,
  dispatchSeq,
  type EventData,
  type Message,
  REALTIME_PATH,
  REALTIME_PROTOCOL_LATEST,
  type ReadyPayload,
  type ResyncPayload,
} from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { Api } from '../../support/api';

/** One message.created a listener got, live (a dispatch) or from history after a resync. */
interface Received {
  id: string;
  channelId: string;
  at: number;
  via: 'live' | 'history';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A realtime client that behaves as the SDK does (libs/sdk/src/realtime/realtime-client.ts), with its own
 * socket.io wiring so the suite chooses the gateway of every attempt: it keeps the session id and the
 * highest seq, resumes with them after any disconnect it did not ask for (retrying with a backoff, to its
 * own gateway or the other one), drops dispatches whose seq it has already seen, and after a `resync`
 * fills the gap from history (`after` the newest message it had per channel), as an app would.
 */
export class Listener {
  /** Every message.created kept (after seq deduplication), in arrival order. */
  readonly received: Received[] = [];
  /** Dispatches dropped because their seq was not above the highest seen (replays the SDK ignores). */
  replayedDropped = 0;
  /** Sequenced dispatches that skipped a number (seq > last + 1) within one session. */
  seqGaps = 0;
  resumes = 0;
  resyncs: ResyncPayload['reason'][] = [];
  disconnects = 0;
  /** When the last disconnect happened and when the connection came back after it. */
  lastDisconnectAt: number | null = null;
  lastReconnectAt: number | null = null;
  connectErrors: string[] = [];
  historyFills = 0;
  private socket: Socket | null = null;
  /** The gateway of the current socket. */
  private url = '';
  private sessionId: string | null = null;
  private lastSeq = 0;
  private wanted = true;
  private connected = false;
  private resyncPending = false;
  private attempt = 0;
  /** The newest message id seen per channel (history fills start after it). */
  private readonly newest = new Map<string, bigint>();

  constructor(
    readonly name: string,
    private readonly token: string,
    readonly channelIds: string[],
    /** The gateways, in the order this client tries them (its own first). */
    private readonly gateways: () => string[],
    /** Whether a reconnect tries the other gateway first (else its own first). */
    private readonly otherFirst: boolean,
  ) {}

  get isConnected(): boolean {
    return this.connected;
  }

  /** Connects (a fresh session) and resolves on `ready`. */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const socket = this.open(this.gateways()[0] ?? '');
      socket.once('connect_error', reject);
      socket.once('ready', () => resolve());
    });
  }

  stop(): void {
    this.wanted = false;
    this.socket?.disconnect();
    this.socket = null;
  }

  /** The ids of the messages kept, with how many times each came live. */
  liveCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.received) {
      if (entry.via === 'live') counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
    }
    return counts;
  }

  /** Ids seen at all (live or history). */
  seen(): Set<string> {
    return new Set(this.received.map((entry) => entry.id));
  }

  /** Live deliveries that came with a lower id than the previous live one of the same channel. */
  outOfOrder(): number {
    const last = new Map<string, bigint>();
    let count = 0;
    for (const entry of this.received) {
      if (entry.via !== 'live') continue;
      const id = BigInt(entry.id);
      const previous = last.get(entry.channelId);
      if (previous !== undefined && id < previous) count++;
      if (previous === undefined || id > previous) last.set(entry.channelId, id);
    }
    return count;
  }

  private open(url: string): Socket {
    const socket = connect(url, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: {
        token: this.token,
        batch: true,
        protocol: REALTIME_PROTOCOL_LATEST,
        ...(this.sessionId ? { sessionId: this.sessionId, lastSeq: this.lastSeq } : {}),
      },
    });
    this.socket = socket;
    this.url = url;
    socket.on('ready', (ready: ReadyPayload) => this.onReady(ready));
    socket.on('resumed', () => {
      this.resumes++;
      this.onConnected();
    });
    socket.on('resync', (payload: ResyncPayload) => {
      this.resyncs.push(payload.reason);
      this.resyncPending = true;
    });
    socket.on('dispatch', (dispatch: DispatchFrame) => this.onDispatch(dispatch));
    socket.on('dispatches', (batch: DispatchFrame[]) =>
      batch.forEach((dispatch) => this.onDispatch(dispatch)),
    );
    socket.on('connect_error', (error: Error) => {
      this.connectErrors.push(error.message);
      if (this.socket === socket) this.scheduleReconnect();
    });
    socket.on('disconnect', () => {
      if (this.socket !== socket) return;
      if (this.connected) {
        this.disconnects++;
        this.lastDisconnectAt = Date.now();
      }
      this.connected = false;
      if (this.wanted) this.scheduleReconnect();
    });
    return socket;
  }

  private onReady(ready: ReadyPayload): void {
    const fresh = this.sessionId === null;
    if (fresh) {
      // Where history fills start for a channel this client has not had a message of yet.
      for (const channel of ready.guilds.flatMap((guild) => guild.channels)) {
        if (channel.lastMessageId && !this.newest.has(channel.id)) {
          this.newest.set(channel.id, BigInt(channel.lastMessageId));
        }
      }
    }
    this.sessionId = ready.sessionId;
    this.lastSeq = 0;
    this.onConnected();
    // A new session after one that existed (resync, or a resume refused at the handshake): fill the gap.
    // Where it starts is taken now, before the new session's first live message moves `newest`.
    if (!fresh || this.resyncPending) void this.fillFromHistory(new Map(this.newest));
    this.resyncPending = false;
  }

  private onConnected(): void {
    if (this.lastDisconnectAt !== null) this.lastReconnectAt = Date.now();
    this.connected = true;
    this.attempt = 0;
  }

  private onDispatch(dispatch: DispatchFrame): void {
    // Between a gap and the resume that fills it (the rest of the batch that showed the gap).
    if (this.socket === null) return;
    // Protocol 2, as the SDK speaks it: a sequenced dispatch without seq is the next one.
    const seq = dispatchSeq(dispatch, this.lastSeq);
    if (seq !== null) {
      if (seq <= this.lastSeq) {
        this.replayedDropped++;
        return;
      }
      if (seq > this.lastSeq + 1) {
        // What lies between never came: resume from the last seq, as the SDK does (the session replays it).
        this.seqGaps++;
        this.scheduleReconnect();
        return;
      }
      this.lastSeq = seq;
    }
    if (dispatch.type !== 'message.created') return;
    this.keep((dispatch.data as EventData<'message.created'>).message, 'live');
  }

  private keep(message: Pick<Message, 'id' | 'channelId'>, via: Received['via']): void {
    if (!this.channelIds.includes(message.channelId)) return;
    this.received.push({ id: message.id, channelId: message.channelId, at: Date.now(), via });
    const id = BigInt(message.id);
    if ((this.newest.get(message.channelId) ?? 0n) < id) this.newest.set(message.channelId, id);
  }

  /** After a resync: every message after the newest one kept, per channel, through REST (paged). */
  private async fillFromHistory(from: Map<string, bigint>): Promise<void> {
    this.historyFills++;
    const deadline = Date.now() + 30_000;
    for (const channelId of this.channelIds) {
      let cursor = from.get(channelId);
      for (;;) {
        const api = new Api(this.url, this.token);
        const query = cursor === undefined ? 'limit=100' : `limit=100&after=${cursor}`;
        const page = await api
          .get<Message[]>(`/api/v1/channels/${channelId}/messages?${query}`)
          .catch(() => ({ status: 0, body: [] as Message[] }));
        if (page.status !== 200) {
          if (Date.now() > deadline) break;
          await sleep(500);
          continue;
        }
        const known = this.seen();
        // Pages come newest first; keep them oldest first.
        for (const message of [...page.body].reverse()) {
          if (!known.has(message.id)) this.keep(message, 'history');
        }
        if (page.body.length < 100 || cursor === undefined) break;
        cursor = page.body.reduce(
          (max, message) => (BigInt(message.id) > max ? BigInt(message.id) : max),
          0n,
        );
      }
    }
  }

  private scheduleReconnect(): void {
    if (!this.wanted) return;
    const previous = this.socket;
    this.socket = null;
    previous?.removeAllListeners();
    previous?.disconnect();
    this.attempt++;
    const gateways = this.gateways();
    const index = (this.attempt - 1 + (this.otherFirst ? 1 : 0)) % gateways.length;
    const delay = Math.min(200 * 2 ** Math.min(this.attempt - 1, 4), 2_000) + Math.random() * 100;
    setTimeout(() => {
      if (this.wanted && this.socket === null) this.open(gateways[index] ?? '');
    }, delay).unref();
  }
}

/** Resumes and resyncs of all the listeners so far. */
export function listenerTotals(listeners: readonly Listener[]): { resumes: number; resyncs: number } {
  return {
    resumes: listeners.reduce((sum, listener) => sum + listener.resumes, 0),
    resyncs: listeners.reduce((sum, listener) => sum + listener.resyncs.length, 0),
  };
}
