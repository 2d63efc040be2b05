import type { Dispatch, RealtimeHandshakeAuth, ReadyPayload } from '@bonfire/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthSession } from '../auth/auth-session';
import { MemoryTokenStore } from '../auth/token-store';
import { BonfireApiError } from '../errors';
import { RealtimeClient } from './realtime-client';
import type { RealtimeSocket, RealtimeSocketOptions } from './realtime-client-types';

type Handler = (...args: never[]) => void;

/** Stands in for socket.io-client's Socket: records handshakes and emits, lets the test play the server. */
class FakeSocket implements RealtimeSocket {
  connected = false;
  active = false;
  readonly handshakes: RealtimeHandshakeAuth[] = [];
  readonly emitted: { event: string; payload: unknown; ack: (answer: unknown) => void }[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  constructor(readonly options: RealtimeSocketOptions) {}

  on(event: string, listener: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, payload: unknown, ack: (answer: unknown) => void): this {
    this.emitted.push({ event, payload, ack });
    return this;
  }

  connect(): this {
    this.active = true;
    this.options.auth((auth) => {
      this.handshakes.push(auth);
      this.connected = true;
      this.server('connect');
    });
    return this;
  }

  disconnect(): this {
    this.active = false;
    this.connected = false;
    return this;
  }

  /** The server sends an event. */
  server(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }

  /** The server closes the socket ('io server disconnect': socket.io does not reconnect by itself). */
  serverClose(): void {
    this.active = false;
    this.connected = false;
    this.server('disconnect', 'io server disconnect');
  }

  /** The network drops: socket.io's manager reconnects by itself. */
  networkDrop(): void {
    this.connected = false;
    this.server('disconnect', 'transport close');
  }
}

const ready = (sessionId: string): ReadyPayload => ({
  sessionId,
  seq: 0,
  resumeWindowSeconds: 120,
  user: { id: '1' },
  guilds: [],
  dms: [],
  readStates: [],
  presences: [],
  presence: { status: 'online', customStatus: null },
});

const message = (seq: number, id: string): Dispatch =>
  ({ seq, type: 'message.created', data: { message: { id, content: `m${id}` } } }) as unknown as Dispatch;

async function setup(
  exchange = vi.fn(async () => ({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 })),
) {
  const session = new AuthSession({ store: new MemoryTokenStore(), exchange, proactiveRefresh: false });
  await session.setTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
  const sockets: FakeSocket[] = [];
  const client = new RealtimeClient({
    baseUrl: 'http://gw.test',
    session,
    socketFactory: (_url, options) => {
      const socket = new FakeSocket(options);
      sockets.push(socket);
      return socket;
    },
    random: () => 1,
    minReconnectDelayMs: 10,
  });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { client, session, sockets, flush, exchange };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeClient', () => {
  it('connects with the access token, resolves on ready and keeps the session id', async () => {
    const { client, sockets, flush } = await setup();
    const states: string[] = [];
    client.on('state', (state) => states.push(state));
    const connected = client.connect();
    await flush();
    const socket = sockets[0]!;
    expect(socket.options.path).toBe('/realtime');
    expect(socket.handshakes).toEqual([{ token: 'a1', batch: true, protocol: 2 }]);

    socket.server('ready', ready('s1'));
    await connected;

    expect(client.sessionId).toBe('s1');
    expect(client.state).toBe('connected');
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('delivers typed dispatches once: repeated or older seqs are dropped, typing (seq null) always passes', async () => {
    const { client, sockets, flush } = await setup();
    const received: string[] = [];
    client.on('message.created', (data, meta) => received.push(`${data.message.id}@${meta.seq}`));
    const typing = vi.fn();
    client.on('typing.started', typing);
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));

    socket.server('dispatch', message(1, '10'));
    socket.server('dispatch', message(2, '11'));
    socket.server('dispatch', message(2, '11'));
    socket.server('dispatch', message(1, '10'));
    socket.server('dispatch', { seq: null, type: 'typing.started', data: { channelId: '5' } });
    socket.server('dispatch', { seq: null, type: 'typing.started', data: { channelId: '5' } });
    socket.server('dispatch', message(3, '12'));

    expect(received).toEqual(['10@1', '11@2', '12@3']);
    expect(typing).toHaveBeenCalledTimes(2);
    expect(client.lastSeq).toBe(3);
  });

  it('unpacks `dispatches` batches into the same dispatches, in order, with the same dedup', async () => {
    const { client, sockets, flush } = await setup();
    const received: string[] = [];
    client.on('message.created', (data, meta) => received.push(`${data.message.id}@${meta.seq}`));
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));
    socket.server('dispatches', [message(1, '10'), message(2, '11')]);
    socket.server('dispatches', [message(2, '11'), message(3, '12')]);
    socket.server('dispatch', message(4, '13'));

    expect(received).toEqual(['10@1', '11@2', '12@3', '13@4']);
    expect(client.lastSeq).toBe(4);
  });

  it('protocol 2: counts dispatches that come without seq, takes a seq as given, and resumes from its count', async () => {
    const { client, sockets, flush } = await setup();
    const received: string[] = [];
    client.on('message.created', (data, meta) => received.push(`${data.message.id}@${meta.seq}`));
    const all = vi.fn();
    client.on('dispatch', all);
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', { ...ready('s1'), protocol: 2 });
    const unnumbered = (id: string) => ({ type: 'message.created', data: { message: { id, content: id } } });
    socket.server('dispatch', unnumbered('10'));
    socket.server('dispatch', { seq: null, type: 'typing.started', data: { channelId: '5' } });
    socket.server('dispatches', [unnumbered('11'), unnumbered('12')]);
    socket.server('dispatch', message(3, '12'));
    socket.server('dispatch', message(4, '13'));
    socket.server('dispatch', unnumbered('14'));

    expect(received).toEqual(['10@1', '11@2', '12@3', '13@4', '14@5']);
    expect(all.mock.calls[0]![0]).toMatchObject({ seq: 1, type: 'message.created' });
    socket.networkDrop();
    socket.connect();
    await flush();
    expect(socket.handshakes.at(-1)).toMatchObject({ sessionId: 's1', lastSeq: 5, protocol: 2 });
    socket.server('resumed', { sessionId: 's1', protocol: 2, replayed: 1 });
    socket.server('dispatch', unnumbered('15'));
    expect(received.at(-1)).toBe('15@6');
    expect(client.lastSeq).toBe(6);
  });

  it('resumes with sessionId and lastSeq after a network drop, dropping replayed duplicates', async () => {
    const { client, sockets, flush } = await setup();
    const received: string[] = [];
    client.on('message.created', (data) => received.push(data.message.id));
    const states: string[] = [];
    client.on('state', (state) => states.push(state));
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));
    socket.server('dispatch', message(1, '10'));
    socket.server('dispatch', message(2, '11'));

    socket.networkDrop();
    expect(client.state).toBe('reconnecting');
    socket.connect(); // socket.io's manager reconnecting
    await flush();
    expect(socket.handshakes.at(-1)).toEqual({
      token: 'a1',
      batch: true,
      protocol: 2,
      sessionId: 's1',
      lastSeq: 2,
    });
    const resumed = vi.fn();
    client.on('resumed', resumed);
    socket.server('resumed', { sessionId: 's1', replayed: 2 });
    socket.server('dispatch', message(2, '11'));
    socket.server('dispatch', message(3, '12'));

    expect(resumed).toHaveBeenCalledWith({ sessionId: 's1', replayed: 2 });
    expect(received).toEqual(['10', '11', '12']);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('resumes at once when a seq is skipped, and gets what it missed replayed in order', async () => {
    const { client, sockets, flush } = await setup();
    const received: string[] = [];
    client.on('message.created', (data) => received.push(data.message.id));
    const reconnecting = vi.fn();
    client.on('reconnecting', reconnecting);
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));
    socket.server('dispatches', [message(1, '10'), message(4, '13'), message(5, '14')]);

    expect(received).toEqual(['10']);
    expect(client.lastSeq).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reconnecting).toHaveBeenCalledWith({ attempt: 1, delayMs: 0, reason: 'SEQ_GAP' });
    expect(socket.handshakes.at(-1)).toEqual({
      token: 'a1',
      batch: true,
      protocol: 2,
      sessionId: 's1',
      lastSeq: 1,
    });
    socket.server('resumed', { sessionId: 's1', replayed: 4 });
    socket.server(
      'dispatches',
      [2, 3, 4, 5].map((seq) => message(seq, String(9 + seq))),
    );

    expect(received).toEqual(['10', '11', '12', '13', '14']);
    expect(client.lastSeq).toBe(5);
  });

  it('starts over after resync: the next ready resets lastSeq and seq 1 is delivered again', async () => {
    const { client, sockets, flush } = await setup();
    const received: string[] = [];
    client.on('message.created', (data) => received.push(data.message.id));
    const resync = vi.fn();
    client.on('resync', resync);
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));
    socket.server('dispatch', message(1, '10'));
    socket.server('resync', { reason: 'BUFFER_EXCEEDED' });
    socket.server('ready', ready('s2'));
    socket.server('dispatch', message(1, '20'));

    expect(resync).toHaveBeenCalledWith({ reason: 'BUFFER_EXCEEDED' });
    expect(client.sessionId).toBe('s2');
    expect(received).toEqual(['10', '20']);
  });

  it('reconnects and resumes after the server asks to (reconnect {SHUTTING_DOWN})', async () => {
    const { client, sockets, flush } = await setup();
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));
    socket.server('dispatch', message(1, '10'));
    const reconnecting = vi.fn();
    client.on('reconnecting', reconnecting);

    socket.server('reconnect', { reason: 'SHUTTING_DOWN' });
    socket.serverClose();
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(reconnecting).toHaveBeenCalledWith({ attempt: 1, delayMs: 0, reason: 'SHUTTING_DOWN' });
    expect(socket.handshakes.at(-1)).toEqual({
      token: 'a1',
      batch: true,
      protocol: 2,
      sessionId: 's1',
      lastSeq: 1,
    });
  });

  it('refreshes the token after auth.expired and reconnects with the new one', async () => {
    const { client, sockets, flush, exchange } = await setup();
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));

    socket.server('auth.expired', { reason: 'TOKEN_EXPIRED' });
    socket.serverClose();
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(exchange).toHaveBeenCalledTimes(1);
    expect(socket.handshakes.at(-1)).toEqual({
      token: 'a2',
      batch: true,
      protocol: 2,
      sessionId: 's1',
      lastSeq: 0,
    });
  });

  it('pushes a refreshed token to the open connection with auth.refresh', async () => {
    const { client, session, sockets, flush } = await setup();
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));

    await session.refresh();

    const push = socket.emitted.find((entry) => entry.event === 'auth.refresh');
    expect(push?.payload).toEqual({ token: 'a2' });
    push?.ack({ ok: true });
  });

  it('retries a handshake refused with TOKEN_EXPIRED after refreshing; gives up for TOKEN_MISSING', async () => {
    const { client, sockets, flush, exchange } = await setup();
    const connected = client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.active = false;
    socket.server('connect_error', new Error('TOKEN_EXPIRED'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(socket.handshakes.at(-1)).toEqual({ token: 'a2', batch: true, protocol: 2 });
    socket.server('ready', ready('s1'));
    await connected;

    const other = await setup();
    const failing = other.client.connect();
    await other.flush();
    other.sockets[0]!.active = false;
    other.sockets[0]!.server('connect_error', new Error('TOKEN_MISSING'));
    await expect(failing).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
    expect(other.client.state).toBe('disconnected');
  });

  it('disconnects for good when the session ends during a refresh', async () => {
    const refused = new BonfireApiError(401, 'REFRESH_TOKEN_REUSED', 'reused');
    const { client, sockets, flush } = await setup(vi.fn(async () => Promise.reject(refused)));
    const disconnected = vi.fn();
    client.on('disconnected', disconnected);
    void client.connect();
    await flush();
    sockets[0]!.server('ready', ready('s1'));
    sockets[0]!.server('auth.expired', {});
    sockets[0]!.serverClose();
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(disconnected).toHaveBeenCalledWith({ reason: 'TOKEN_EXPIRED', willReconnect: false });
    expect(client.state).toBe('disconnected');
  });

  it('sends typing and idle with acknowledgements and reports refusals', async () => {
    const { client, sockets, flush } = await setup();
    void client.connect();
    await flush();
    const socket = sockets[0]!;
    socket.server('ready', ready('s1'));

    const typing = client.startTyping('42');
    const sent = socket.emitted.at(-1)!;
    expect(sent.event).toBe('typing.start');
    expect(sent.payload).toEqual({ channelId: '42' });
    sent.ack({ ok: false, code: 'MISSING_PERMISSION', message: 'no' });
    await expect(typing).rejects.toMatchObject({ code: 'MISSING_PERMISSION' });

    const idle = client.setIdle(true);
    expect(socket.emitted.at(-1)!.payload).toEqual({ idle: true });
    socket.emitted.at(-1)!.ack({ ok: true });
    await expect(idle).resolves.toBeUndefined();

    client.disconnect();
    await expect(client.setIdle(false)).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
