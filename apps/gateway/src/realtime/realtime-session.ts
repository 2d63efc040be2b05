import type { RealtimeProtocolVersion } from '@bonfire/contracts';
import type { CallerIdentity } from '@bonfire/platform';
import type { DefaultEventsMap, Socket } from 'socket.io';
import {
  type EncodedDispatch,
  encodeDispatch,
  SharedBatches,
  writeBatch,
  writeDispatch,
  writeNextBatch,
  writeNextDispatch,
} from './dispatch-frame';
import type { RealtimePacket } from './realtime-packet';
import { ReplayRing, type SequencedDispatch } from './replay-ring';
import type { BufferedDispatch, HandOver } from './session-store';
import type { SnapshotCoverage } from './snapshot-coverage';

export interface SocketData {
  identity: CallerIdentity;
  /** When the access token expires, in seconds since the epoch (ConnectionService.closeExpired()). */
  tokenExp: number;
  /** Resolves once presence has this connection (so `ready` shows the user's own status). */
  presenceReported?: Promise<void>;
  session?: RealtimeSession;
  /** `<nodeId>/<socketId>`: how the user's connection cap counts this socket. */
  connectionId: string;
  /** The client asked for `dispatches` batches (and the gateway batches). */
  batching: boolean;
  /** The protocol version spoken on this connection (libs/contracts realtime.ts). */
  protocol: RealtimeProtocolVersion;
  /** Stops counting this connection against the user's cap (idempotent). */
  release: () => void;
  /** A bot's declared gateway intents (contracts INTENTS); absent for users (they get everything). */
  intents?: number;
}

export type RealtimeSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/**
 * One realtime session held by this gateway: a live socket, or a detached one that keeps buffering (so
 * the client can resume within the window) until it expires or is taken over.
 *
 * The session numbers its dispatches and keeps the newest in a ReplayRing, in this gateway's memory:
 * nothing per dispatch goes to Redis. A resume on this gateway reads the ring; a resume on another one
 * takes the session over and this gateway hands the ring over once (SessionStore.handOver).
 */
export class RealtimeSession {
  readonly rooms = new Set<string>();
  /** Per guild, the channel rooms joined for it (so leaving a guild leaves exactly those). */
  readonly guildChannels = new Map<string, Set<string>>();
  socket: RealtimeSocket | null = null;
  /** The last sequence number given out; null while a resume waits for the previous owner's buffer. */
  seq: number | null = 0;
  /** The last sequence number written to the socket. */
  private written = 0;
  /** While held, dispatches are numbered and buffered but not written: `ready` or `resumed` goes first. */
  private held = true;
  /** Dispatches that came while `seq` was unknown, numbered once the hand-over is in (adopt()). */
  private waiting: EncodedDispatch[] = [];
  private readonly ring: ReplayRing;
  /** After a resume: event ids already in the buffer (numbered by the previous owner). */
  skipIds: Set<string> | null = null;
  /**
   * While a brand-new session waits for its snapshot: every packet this gateway processes meanwhile;
   * 'overflow' when more than the server allows came.
   */
  captured: RealtimePacket[] | 'overflow' | null = null;
  /** A new session's snapshot, for a while: dispatches it already shows are not sent again. */
  coverage: SnapshotCoverage | null = null;
  dropped = false;
  detachTimer?: NodeJS.Timeout;
  /** A bot session's gateway intents (IntentsFilter); null for users. */
  intents: number | null = null;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly identity: CallerIdentity,
    /** `<nodeId>/<socketId>`: the connection that holds the session. */
    readonly owner: string,
    bufferSize: number,
  ) {
    this.ring = new ReplayRing(bufferSize);
  }

  /** Dispatches numbered but not written yet (while a window is open, held, or detached). */
  get unwritten(): number {
    return this.seq === null ? 0 : this.seq - this.written;
  }

  /** Numbers and buffers a dispatch for this session; false when the session does not take it. */
  push(dispatch: EncodedDispatch): boolean {
    if (this.dropped || this.skipIds?.has(dispatch.id) || this.coverage?.covers(dispatch)) return false;
    if (this.seq === null) {
      this.waiting.push(dispatch);
      return false;
    }
    this.seq++;
    this.ring.push(this.seq, dispatch);
    return true;
  }

  /**
   * Writes what the socket has not had yet (nothing while held or detached); answers how many. In protocol 2
   * the next dispatches go without their numbers, in the frames every socket of the room shares (`batches`:
   * those of this round of writes).
   */
  flush(batches = new SharedBatches()): number {
    const socket = this.socket;
    if (this.held || this.seq === null || this.seq === this.written || !socket?.connected) return 0;
    const { conn, data } = socket;
    const unnumbered = data.protocol >= 2;
    let count = 1;
    if (this.seq === this.written + 1) {
      // The common case, once per delivery: the ring is not read (and, unbatched, nothing is allocated).
      const dispatch = this.ring.lastDispatch()!;
      if (!data.batching) {
        if (unnumbered) writeNextDispatch(conn, dispatch);
        else writeDispatch(conn, dispatch, this.seq);
      } else if (unnumbered) writeNextBatch(conn, [dispatch], batches);
      else writeBatch(conn, [{ seq: this.seq, dispatch }]);
    } else {
      const pending = this.ring.after(this.written);
      // Numbers may skip (the ring wrapped past what the socket has): those frames carry theirs.
      const next = unnumbered && follows(pending, this.written);
      if (data.batching) {
        if (next)
          writeNextBatch(
            conn,
            pending.map(({ dispatch }) => dispatch),
            batches,
          );
        else writeBatch(conn, pending);
      } else {
        for (const { seq, dispatch } of pending) {
          if (next) writeNextDispatch(conn, dispatch);
          else writeDispatch(conn, dispatch, seq);
        }
      }
      count = pending.length;
    }
    this.written = this.seq;
    return count;
  }

  /** Lets dispatches through to the socket from `afterSeq` on (what the client already has). */
  release(afterSeq: number): number {
    this.held = false;
    this.written = afterSeq;
    return this.flush();
  }

  /** The buffer, for a resume: its dispatches oldest first. */
  buffered(): SequencedDispatch[] {
    return this.ring.entries();
  }

  /** What this session hands to the connection that took it over. */
  handOver(): HandOver {
    const entries = this.ring.entries().map(({ seq, dispatch }): BufferedDispatch => ({
      seq,
      id: dispatch.id,
      type: dispatch.type,
      data: dispatch.data,
    }));
    return { seq: this.seq ?? -1, entries };
  }

  /**
   * A resuming session takes over its previous owner's numbering and buffer, then numbers the dispatches
   * that came meanwhile (minus those the buffer already has).
   */
  adopt(seq: number, entries: readonly SequencedDispatch[]): void {
    for (const entry of entries) this.ring.push(entry.seq, entry.dispatch);
    this.skipIds = new Set(entries.map((entry) => entry.dispatch.id));
    this.seq = seq;
    const waiting = this.waiting;
    this.waiting = [];
    for (const dispatch of waiting) this.push(dispatch);
  }
}

/** Whether the entries are numbered `after` + 1, + 2, … (what a protocol 2 client counts by itself). */
function follows(entries: readonly SequencedDispatch[], after: number): boolean {
  for (let index = 0; index < entries.length; index++) {
    if (entries[index]!.seq !== after + 1 + index) return false;
  }
  return true;
}

/** A handed-over buffer back in the ring's shape. */
export function sequenced(entries: readonly BufferedDispatch[]): SequencedDispatch[] {
  return entries.map((entry) => ({ seq: entry.seq, dispatch: encodeDispatch(entry) }));
}
