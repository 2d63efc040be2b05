/**
 * A dispatch encoded once for every session that receives it. A session's frame differs only in its
 * sequence number, so the JSON of the event is built once per packet and each socket gets the shared
 * text behind its own `{"seq":N` — no per-socket JSON encoding. On a websocket the shared text goes out
 * as one UTF-8 buffer shared by every socket, behind a few bytes of frame header and prefix of its own
 * (engine.io's pre-encoded frame path, which socket.io's own room broadcasts use): no per-socket
 * string encoding either.
 */
export interface EncodedDispatch {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** `,"type":…,"data":…}`: the dispatch object after its sequence number. */
  readonly tail: string;
  /** `tail` + `]` in UTF-8, made by the first websocket write and shared by the rest. */
  tailBytes: Buffer | undefined;
}

/** What socket.io's parser writes for `emit('dispatch', {seq, …})` on the main namespace: an EVENT packet. */
const FRAME_HEAD = '2["dispatch",{"seq":';
/** The same for `emit('dispatches', [{seq, …}, …])`. */
const BATCH_HEAD = '2["dispatches",[';
const BATCH_END = ']]';
/** engine.io's type of a message packet, which carries a socket.io packet on a websocket. */
const ENGINE_MESSAGE = '4';

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
    tailBytes: undefined,
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
    frame += batchEntryHead(index, seq) + dispatch.tail;
  }
  return frame + BATCH_END;
}

/** What comes before an entry's shared tail in a `dispatches` packet. */
function batchEntryHead(index: number, seq: number): string {
  return (index === 0 ? '{"seq":' : ',{"seq":') + String(seq);
}

/**
 * The websocket frame of the dispatch's packet, as engine.io's pre-encoded frame: [header and this
 * socket's `42["dispatch",{"seq":N`, the shared rest]. engine.io writes it as is to a websocket without
 * permessage-deflate, and sends the packet's text otherwise (polling, compression).
 */
function dispatchWsFrame(dispatch: EncodedDispatch, seq: number | null): [Buffer, Buffer] {
  const tailBytes = tailBytesOf(dispatch);
  const prefix = ENGINE_MESSAGE + FRAME_HEAD + String(seq);
  const payloadLength = prefix.length + tailBytes.length;
  const headerLength = wsHeaderLength(payloadLength);
  const head = Buffer.allocUnsafe(headerLength + prefix.length);
  writeWsTextHeader(head, payloadLength);
  head.write(prefix, headerLength, 'latin1');
  return [head, tailBytes];
}

/** The websocket frame of a `dispatches` packet: [header, the packet], the shared parts copied in. */
function batchWsFrame(entries: readonly { seq: number; dispatch: EncodedDispatch }[]): [Buffer, Buffer] {
  const prefixes = entries.map(({ seq }, index) => batchEntryHead(index, seq));
  const head = ENGINE_MESSAGE + BATCH_HEAD;
  let payloadLength = head.length + BATCH_END.length;
  for (let index = 0; index < entries.length; index++) {
    // A dispatch's shared bytes end in the `]` of a single frame, which a batch leaves out.
    payloadLength += prefixes[index]!.length + tailBytesOf(entries[index]!.dispatch).length - 1;
  }
  const header = Buffer.allocUnsafe(wsHeaderLength(payloadLength));
  writeWsTextHeader(header, payloadLength);
  const payload = Buffer.allocUnsafe(payloadLength);
  let offset = payload.write(head, 0, 'latin1');
  for (let index = 0; index < entries.length; index++) {
    offset += payload.write(prefixes[index]!, offset, 'latin1');
    const tailBytes = entries[index]!.dispatch.tailBytes!;
    offset += tailBytes.copy(payload, offset, 0, tailBytes.length - 1);
  }
  payload.write(BATCH_END, offset, 'latin1');
  return [header, payload];
}

function tailBytesOf(dispatch: EncodedDispatch): Buffer {
  return (dispatch.tailBytes ??= Buffer.from(dispatch.tail + ']'));
}

function wsHeaderLength(payloadLength: number): number {
  if (payloadLength < 126) return 2;
  return payloadLength < 65_536 ? 4 : 10;
}

/** RFC 6455 §5.2: a final, unmasked text frame of `payloadLength` bytes (server to client). */
function writeWsTextHeader(target: Buffer, payloadLength: number): void {
  target[0] = 0x81;
  if (payloadLength < 126) {
    target[1] = payloadLength;
  } else if (payloadLength < 65_536) {
    target[1] = 126;
    target.writeUInt16BE(payloadLength, 2);
  } else {
    target[1] = 127;
    target.writeUInt32BE(Math.floor(payloadLength / 2 ** 32), 2);
    target.writeUInt32BE(payloadLength >>> 0, 6);
  }
}

/** The engine.io socket under a socket.io socket, as far as writing pre-encoded packets needs it. */
interface FrameTransport {
  readyState: string;
  /** engine.io's `SendOptions`, plus the frame its websocket transport takes untyped. */
  write(data: string, options?: { compress?: boolean; wsPreEncodedFrame?: [Buffer, Buffer] }): unknown;
}

/** Writes the dispatch to the socket's transport as socket.io's own emit would (dropped once it closed). */
export function writeDispatch(
  transport: FrameTransport,
  dispatch: EncodedDispatch,
  seq: number | null,
): boolean {
  if (transport.readyState !== 'open') return false;
  // The text is a rope of three strings, only flattened when the frame cannot be used.
  transport.write(dispatchFrame(dispatch, seq), { wsPreEncodedFrame: dispatchWsFrame(dispatch, seq) });
  return true;
}

/** Writes sequenced dispatches as one `dispatches` packet (dropped once the transport closed). */
export function writeBatch(
  transport: FrameTransport,
  entries: readonly { seq: number; dispatch: EncodedDispatch }[],
): boolean {
  if (transport.readyState !== 'open' || entries.length === 0) return false;
  transport.write(batchFrame(entries), { wsPreEncodedFrame: batchWsFrame(entries) });
  return true;
}
