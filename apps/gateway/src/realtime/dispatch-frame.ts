/**
 * A dispatch encoded once for every session that receives it. A session's frame differs only in its
 * sequence number, so the JSON of the event is built once per packet and each socket gets the shared
 * text behind its own `{"seq":N` — no per-socket JSON encoding.
 */
export interface EncodedDispatch {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** `,"type":…,"data":…}`: the dispatch object after its sequence number. */
  readonly tail: string;
}

/** What socket.io's parser writes for `emit('dispatch', {seq, …})` on the main namespace: an EVENT packet. */
const FRAME_HEAD = '2["dispatch",{"seq":';
/** The same for `emit('dispatches', [{seq, …}, …])`. */
const BATCH_HEAD = '2["dispatches",[';

/** An event as the sessions see it: its id, dispatch type and payload. */
export interface DispatchSource {
  readonly id: string;
  readonly type: string | null;
  readonly data: unknown;
}

export function encodeDispatch(packet: DispatchSource): EncodedDispatch {
  const type = packet.type ?? '';
  return {
    id: packet.id,
    type,
    data: packet.data,
    tail: `,"type":${JSON.stringify(type)},"data":${JSON.stringify(packet.data ?? null)}}`,
  };
}

/** The socket.io packet (engine.io message) of the dispatch with this sequence number (null: ephemeral). */
export function dispatchFrame(dispatch: EncodedDispatch, seq: number | null): string {
  return FRAME_HEAD + String(seq) + dispatch.tail + ']';
}

/** One `dispatches` packet carrying these sequenced dispatches, in order. */
export function batchFrame(entries: readonly { seq: number; dispatch: EncodedDispatch }[]): string {
  let frame = BATCH_HEAD;
  for (let index = 0; index < entries.length; index++) {
    const { seq, dispatch } = entries[index]!;
    frame += (index === 0 ? '{"seq":' : ',{"seq":') + String(seq) + dispatch.tail;
  }
  return frame + ']]';
}

/** The transport under a socket.io socket, as far as writing pre-encoded packets needs it. */
interface FrameTransport {
  readyState: string;
  write(data: string): unknown;
}

/** Writes the dispatch to the socket's transport as socket.io's own emit would (dropped once it closed). */
export function writeDispatch(
  transport: FrameTransport,
  dispatch: EncodedDispatch,
  seq: number | null,
): boolean {
  if (transport.readyState !== 'open') return false;
  transport.write(dispatchFrame(dispatch, seq));
  return true;
}

/** Writes sequenced dispatches as one `dispatches` packet (dropped once the transport closed). */
export function writeBatch(
  transport: FrameTransport,
  entries: readonly { seq: number; dispatch: EncodedDispatch }[],
): boolean {
  if (transport.readyState !== 'open' || entries.length === 0) return false;
  transport.write(batchFrame(entries));
  return true;
}
