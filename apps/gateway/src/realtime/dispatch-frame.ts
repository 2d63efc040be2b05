/**
 * A dispatch encoded once for every session that receives it. The JSON of the event is built once per
 * packet; a socket's frame adds at most its own `{"seq":N,` in front. On a websocket the shared text goes
 * out as one UTF-8 buffer shared by every socket (engine.io's pre-encoded frame path, which socket.io's own
 * room broadcasts use): no per-socket JSON or string encoding.
 *
 * Frames without a number of their own are the same for every socket, and are built once per packet:
 * ephemeral dispatches (`seq: null`) and, in protocol 2, the next dispatch of a session (no `seq`, see
 * libs/contracts realtime.ts), alone or as a `dispatches` batch.
 */
export interface EncodedDispatch {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** `"type":…,"data":…}`: the dispatch object after its `{` and its sequence number, if any. */
  readonly body: string;
  /** `body` + `]` in UTF-8, made by the first websocket write and shared by the rest. */
  bodyBytes: Buffer | undefined;
  /** The frames every socket shares, made by the first write that needs each. */
  shared: { ephemeral?: SharedFrame; next?: SharedFrame } | undefined;
}

/** A packet's text and its websocket frame, as engine.io's `write` takes them. */
export interface SharedFrame {
  readonly text: string;
  readonly options: { wsPreEncodedFrame: [Buffer, Buffer] };
}

/** What socket.io's parser writes for `emit('dispatch', {…})` on the main namespace: an EVENT packet. */
const FRAME_HEAD = '2["dispatch",{';
/** The same for `emit('dispatches', [{…}, …])`. */
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
    body: `"type":${JSON.stringify(type)},"data":${JSON.stringify(packet.data ?? null)}}`,
    bodyBytes: undefined,
    shared: undefined,
  };
}

/** The socket.io packet (engine.io message) of the dispatch with this sequence number (null: ephemeral). */
export function dispatchFrame(dispatch: EncodedDispatch, seq: number | null): string {
  return numberedHead(seq) + dispatch.body + ']';
}

/** A `dispatch` packet up to its body, with this sequence number. */
function numberedHead(seq: number | null): string {
  return `${FRAME_HEAD}"seq":${String(seq)},`;
}

/** One `dispatches` packet carrying these dispatches, in order (entries without seq: protocol 2's next). */
export function batchFrame(entries: readonly { seq?: number; dispatch: EncodedDispatch }[]): string {
  let frame = BATCH_HEAD;
  for (let index = 0; index < entries.length; index++) {
    const { seq, dispatch } = entries[index]!;
    frame += batchEntryHead(index, seq) + dispatch.body;
  }
  return frame + BATCH_END;
}

/** What comes before an entry's shared body in a `dispatches` packet. */
function batchEntryHead(index: number, seq: number | undefined): string {
  const head = seq === undefined ? '{' : `{"seq":${String(seq)},`;
  return index === 0 ? head : ',' + head;
}

/**
 * The websocket frame of a `dispatch` packet, as engine.io's pre-encoded frame: [header and the packet's
 * head (`42["dispatch",{` and this socket's `"seq":N,`, if any), the shared body]. engine.io writes it as
 * is to a websocket without permessage-deflate, and sends the packet's text otherwise (polling,
 * compression).
 */
function dispatchWsFrame(
  dispatch: EncodedDispatch,
  packetHead: string,
  alloc = Buffer.allocUnsafe,
): [Buffer, Buffer] {
  const bodyBytes = bodyBytesOf(dispatch);
  const prefix = ENGINE_MESSAGE + packetHead;
  const payloadLength = prefix.length + bodyBytes.length;
  const headerLength = wsHeaderLength(payloadLength);
  const head = alloc(headerLength + prefix.length);
  writeWsTextHeader(head, payloadLength);
  head.write(prefix, headerLength, 'latin1');
  return [head, bodyBytes];
}

/** The websocket frame of a `dispatches` packet: [header, the packet], the shared parts copied in. */
function batchWsFrame(entries: readonly { seq?: number; dispatch: EncodedDispatch }[]): [Buffer, Buffer] {
  const prefixes = entries.map(({ seq }, index) => batchEntryHead(index, seq));
  const head = ENGINE_MESSAGE + BATCH_HEAD;
  let payloadLength = head.length + BATCH_END.length;
  for (let index = 0; index < entries.length; index++) {
    // A dispatch's shared bytes end in the `]` of a single frame, which a batch leaves out.
    payloadLength += prefixes[index]!.length + bodyBytesOf(entries[index]!.dispatch).length - 1;
  }
  const header = Buffer.allocUnsafe(wsHeaderLength(payloadLength));
  writeWsTextHeader(header, payloadLength);
  const payload = Buffer.allocUnsafe(payloadLength);
  let offset = payload.write(head, 0, 'latin1');
  for (let index = 0; index < entries.length; index++) {
    offset += payload.write(prefixes[index]!, offset, 'latin1');
    const bodyBytes = entries[index]!.dispatch.bodyBytes!;
    offset += bodyBytes.copy(payload, offset, 0, bodyBytes.length - 1);
  }
  payload.write(BATCH_END, offset, 'latin1');
  return [header, payload];
}

function bodyBytesOf(dispatch: EncodedDispatch): Buffer {
  return (dispatch.bodyBytes ??= Buffer.from(dispatch.body + ']'));
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

/** Writes the dispatch with this number as socket.io's own emit would (dropped once the transport closed). */
export function writeDispatch(transport: FrameTransport, dispatch: EncodedDispatch, seq: number): boolean {
  if (transport.readyState !== 'open') return false;
  const head = numberedHead(seq);
  // The text is a rope of three strings, only flattened when the frame cannot be used.
  transport.write(head + dispatch.body + ']', { wsPreEncodedFrame: dispatchWsFrame(dispatch, head) });
  return true;
}

/** Writes an ephemeral dispatch (`seq: null`): the same frame for every socket. */
export function writeEphemeral(transport: FrameTransport, dispatch: EncodedDispatch): boolean {
  return writeShared(transport, (sharedOf(dispatch).ephemeral ??= singleFrame(dispatch, numberedHead(null))));
}

/** Protocol 2: writes the session's next dispatch without its number: the same frame for every socket. */
export function writeNextDispatch(transport: FrameTransport, dispatch: EncodedDispatch): boolean {
  return writeShared(transport, (sharedOf(dispatch).next ??= singleFrame(dispatch, FRAME_HEAD)));
}

/** Writes numbered dispatches as one `dispatches` packet (dropped once the transport closed). */
export function writeBatch(
  transport: FrameTransport,
  entries: readonly { seq: number; dispatch: EncodedDispatch }[],
): boolean {
  if (transport.readyState !== 'open' || entries.length === 0) return false;
  transport.write(batchFrame(entries), { wsPreEncodedFrame: batchWsFrame(entries) });
  return true;
}

/**
 * Protocol 2: writes a session's next dispatches as one `dispatches` packet without numbers. The sessions
 * of a room collect the same dispatches in a batch window, so `batches` (one per round of writes) builds
 * each distinct batch once and shares it.
 */
export function writeNextBatch(
  transport: FrameTransport,
  dispatches: readonly EncodedDispatch[],
  batches: SharedBatches,
): boolean {
  if (dispatches.length === 0) return false;
  return writeShared(transport, batches.frameOf(dispatches));
}

/** How many distinct batches starting with the same dispatch one round keeps for sharing. */
const MAX_BATCHES_PER_FIRST = 16;

/**
 * The numberless batches of one round of writes, each built once (see writeNextBatch). Kept for the round
 * only: a batch copies its dispatches' bytes, which the replay rings should not hold twice.
 */
export class SharedBatches {
  /** By first dispatch: the batches built so far that start with it (made by the first batch). */
  private byFirst: Map<
    EncodedDispatch,
    { dispatches: readonly EncodedDispatch[]; frame: SharedFrame }[]
  > | null = null;
  frameOf(dispatches: readonly EncodedDispatch[]): SharedFrame {
    const first = dispatches[0]!;
    this.byFirst ??= new Map();
    let built = this.byFirst.get(first);
    if (!built) this.byFirst.set(first, (built = []));
    for (const candidate of built) {
      if (sameDispatches(candidate.dispatches, dispatches)) return candidate.frame;
    }
    const frame = batchFrameOf(dispatches);
    // Sessions whose batches all differ (each in other rooms) would make every lookup a long scan.
    if (built.length < MAX_BATCHES_PER_FIRST) built.push({ dispatches, frame });
    return frame;
  }
}

function sameDispatches(a: readonly EncodedDispatch[], b: readonly EncodedDispatch[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function sharedOf(dispatch: EncodedDispatch): NonNullable<EncodedDispatch['shared']> {
  return (dispatch.shared ??= {});
}

function singleFrame(dispatch: EncodedDispatch, packetHead: string): SharedFrame {
  // Kept as long as the dispatch is (replay rings): its own allocation, not a slice of a pooled slab.
  const wsPreEncodedFrame = dispatchWsFrame(dispatch, packetHead, Buffer.alloc);
  return { text: packetHead + dispatch.body + ']', options: { wsPreEncodedFrame } };
}

function batchFrameOf(dispatches: readonly EncodedDispatch[]): SharedFrame {
  const entries = dispatches.map((dispatch) => ({ dispatch }));
  return { text: batchFrame(entries), options: { wsPreEncodedFrame: batchWsFrame(entries) } };
}

function writeShared(transport: FrameTransport, frame: SharedFrame): boolean {
  if (transport.readyState !== 'open') return false;
  transport.write(frame.text, frame.options);
  return true;
}
