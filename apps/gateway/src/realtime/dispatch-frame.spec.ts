import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  batchFrame,
  dispatchFrame,
  encodeDispatch,
  SharedBatches,
  writeBatch,
  writeDispatch,
  writeEphemeral,
  writeNextBatch,
  writeNextDispatch,
} from './dispatch-frame';

const dispatch = (id: string, data: unknown = { id }) =>
  encodeDispatch({ id, type: 'message.created', data });

describe('dispatch frames', () => {
  it('encodes what socket.io would for emit("dispatch", {seq, type, data})', () => {
    const encoded = encodeDispatch({ id: 'x', type: 'message.created', data: { content: 'a "quoted" é' } });
    const frame = dispatchFrame(encoded, 42);
    expect(frame.startsWith('2')).toBe(true);
    expect(JSON.parse(frame.slice(1))).toEqual([
      'dispatch',
      { seq: 42, type: 'message.created', data: { content: 'a "quoted" é' } },
    ]);
    expect(JSON.parse(dispatchFrame(encoded, null).slice(1))[1].seq).toBeNull();
  });

  it('encodes what socket.io would for emit("dispatches", [{seq, type, data}, …])', () => {
    const a = encodeDispatch({ id: 'a', type: 'message.created', data: { content: 'x]},{' } });
    const b = encodeDispatch({ id: 'b', type: 'message.deleted', data: null });
    expect(
      JSON.parse(
        batchFrame([
          { seq: 7, dispatch: a },
          { seq: 8, dispatch: b },
        ]).slice(1),
      ),
    ).toEqual([
      'dispatches',
      [
        { seq: 7, type: 'message.created', data: { content: 'x]},{' } },
        { seq: 8, type: 'message.deleted', data: null },
      ],
    ]);
    expect(JSON.parse(batchFrame([{ seq: 1, dispatch: a }]).slice(1))[1]).toHaveLength(1);
  });

  it('encodes the frames without a number of their own once, for every socket', () => {
    const recorder = () => {
      const writes: { text: string; frame: unknown }[] = [];
      const transport = {
        readyState: 'open',
        write: (text: string, options?: { wsPreEncodedFrame?: unknown }) =>
          writes.push({ text, frame: options?.wsPreEncodedFrame }),
      };
      return { transport, writes };
    };
    const [a, b] = [recorder(), recorder()];
    const x = dispatch('x');
    const y = dispatch('y');
    for (const { transport } of [a, b]) {
      writeNextDispatch(transport, x);
      writeEphemeral(transport, x);
    }
    const round = new SharedBatches();
    writeNextBatch(a.transport, [x, y], round);
    writeNextBatch(b.transport, [x, y], round);
    writeNextBatch(b.transport, [x], round);
    writeNextBatch(a.transport, [y], round);
    writeNextBatch(b.transport, [y], round);
    expect(a.writes.map(({ text }) => JSON.parse(text.slice(1)))).toEqual([
      ['dispatch', { type: 'message.created', data: { id: 'x' } }],
      ['dispatch', { seq: null, type: 'message.created', data: { id: 'x' } }],
      [
        'dispatches',
        [
          { type: 'message.created', data: { id: 'x' } },
          { type: 'message.created', data: { id: 'y' } },
        ],
      ],
      ['dispatches', [{ type: 'message.created', data: { id: 'y' } }]],
    ]);
    a.writes.slice(0, 3).forEach((write, index) => expect(write.frame).toBe(b.writes[index]!.frame));
    expect(JSON.parse(b.writes[3]!.text.slice(1))[1]).toHaveLength(1);
    expect(b.writes[3]!.frame).not.toBe(b.writes[2]!.frame);
    expect(a.writes[3]!.frame).toBe(b.writes[4]!.frame);
    // A batch is shared within its round only: the replay rings do not keep a copy.
    writeNextBatch(a.transport, [x, y], new SharedBatches());
    writeNextBatch(a.transport, [y], new SharedBatches());
    expect(a.writes[4]!.frame).not.toBe(b.writes[2]!.frame);
    expect(a.writes[5]!.frame).not.toBe(b.writes[4]!.frame);
  });

  it('writes only to an open transport', () => {
    const written: string[] = [];
    const open = { readyState: 'open', write: (data: string) => written.push(data) };
    expect(writeDispatch(open, dispatch('a'), 1)).toBe(true);
    expect(writeDispatch({ ...open, readyState: 'closing' }, dispatch('b'), 2)).toBe(false);
    expect(written).toHaveLength(1);
    expect(writeBatch(open, [])).toBe(false);
    expect(writeBatch({ ...open, readyState: 'closing' }, [{ seq: 1, dispatch: dispatch('c') }])).toBe(false);
    expect(writeBatch(open, [{ seq: 1, dispatch: dispatch('c') }])).toBe(true);
    expect(written).toHaveLength(2);
  });
});

/**
 * The pre-encoded websocket frames through a real socket.io server and client: every payload length
 * class of RFC 6455 (7-bit, 16-bit, 64-bit lengths), multi-byte UTF-8, and the text fallbacks.
 */
describe('dispatch frames on real sockets', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function connectedPair(
    options: Partial<ServerOptions>,
    transports: ('websocket' | 'polling')[],
  ): Promise<{ server: Socket; received: { event: string; payload: unknown }[] }> {
    const httpServer = createServer();
    const io = new Server(httpServer, { path: '/realtime', ...options });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => io.close(() => resolve())));
    const connection = new Promise<Socket>((resolve) => io.on('connection', resolve));
    const client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, {
      path: '/realtime',
      transports,
      reconnection: false,
    });
    closers.unshift(async () => void client.close());
    const received: { event: string; payload: unknown }[] = [];
    client.onAny((event: string, payload: unknown) => received.push({ event, payload }));
    await new Promise<void>((resolve) => client.on('connect', () => resolve()));
    return { server: await connection, received };
  }

  async function until(check: () => boolean): Promise<void> {
    for (let waited = 0; !check(); waited += 10) {
      if (waited > 5_000) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const contents = ['short', 'é'.repeat(100), `${'😀'.repeat(20_000)}x`, 'a'.repeat(70_000)];

  for (const [name, options, transports] of [
    ['websocket', {}, ['websocket']],
    [
      'websocket with permessage-deflate (the text path)',
      { perMessageDeflate: { threshold: 0 } },
      ['websocket'],
    ],
    ['polling (the text path)', {}, ['polling']],
  ] as const) {
    it(`a client on ${name} gets every dispatch and batch intact`, async () => {
      const { server, received } = await connectedPair(options, [...transports]);
      const dispatches = contents.map((content, index) => dispatch(`d${index}`, { content }));
      dispatches.forEach((encoded, index) => writeDispatch(server.conn, encoded, index + 1));
      writeEphemeral(server.conn, dispatches[0]!);
      writeBatch(
        server.conn,
        dispatches.map((encoded, index) => ({ seq: 10 + index, dispatch: encoded })),
      );
      writeBatch(server.conn, [{ seq: 20, dispatch: dispatches[1]! }]);
      writeNextDispatch(server.conn, dispatches[2]!);
      writeNextBatch(server.conn, dispatches, new SharedBatches());
      writeNextBatch(server.conn, [dispatches[1]!], new SharedBatches());
      writeEphemeral(server.conn, dispatches[3]!);
      await until(() => received.length === contents.length + 7);
      const expected = (seq: number | null | undefined, content: string) => ({
        ...(seq === undefined ? {} : { seq }),
        type: 'message.created',
        data: { content },
      });
      expect(received).toEqual([
        ...contents.map((content, index) => ({ event: 'dispatch', payload: expected(index + 1, content) })),
        { event: 'dispatch', payload: expected(null, contents[0]!) },
        { event: 'dispatches', payload: contents.map((content, index) => expected(10 + index, content)) },
        { event: 'dispatches', payload: [expected(20, contents[1]!)] },
        { event: 'dispatch', payload: expected(undefined, contents[2]!) },
        { event: 'dispatches', payload: contents.map((content) => expected(undefined, content)) },
        { event: 'dispatches', payload: [expected(undefined, contents[1]!)] },
        { event: 'dispatch', payload: expected(null, contents[3]!) },
      ]);
    });
  }
});
