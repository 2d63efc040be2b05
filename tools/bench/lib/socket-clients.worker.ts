/**
 * A child process holding many socket.io clients for the realtime and presence benchmarks (forked by
 * `ClientWorker.fork(probe)` in client-worker.ts with `--import tsx` and `serialization: 'advanced'`).
 * Clients live in child processes so their file descriptors and their CPU (one JSON decode per dispatch)
 * are not the bench process's, and so two of them can use both cores.
 *
 * The probe (first argument) says which dispatches carry a measurement:
 *   message   message.created whose content is `rt|<phase>|<index>|<send epoch ms>`
 *   presence  presence.updated whose custom status text is `pb|<phase>|<index>|<send epoch ms>`; a
 *             client of the user whose presence changed counts it apart, as `self`
 *
 * Parent → worker: { id, op, ... } requests, each answered by { id, ... }:
 *   connect  { url, clients: {token, userId?, channel?}[], concurrency }  one client per entry (websocket
 *            transport, no reconnection, `auth: {token, channel?}` — `channel` names the bare server's room),
 *            waits for `ready` or `connect_error`; answers counts and the connect times
 *   phase    { phase, capacity, maxSamples? }  starts recording the probe's dispatches (index < capacity)
 *   stats    { phase }   per-client received counts, per-update delivery counts, self, duplicates, bins
 *   samples  { phase }   the latency samples (Float64Array) of that phase
 *   status   {}         open/ready clients, disconnects by reason, pings, RSS, CPU
 *   close    {}         disconnects every client
 * Latency = receive time − the send time in the text, both `performance.timeOrigin + now()`
 * (same machine, same clock).
 *
 * BENCH_BATCH=1 (environment): clients ask for dispatch batches (`auth.batch: true`, as the SDK does) and
 * unpack `dispatches` frames; the bare server ignores the field and keeps sending single events.
 *
 * BENCH_PROTOCOL=1|2 (environment, default 2 as the SDK): the realtime protocol version the clients ask for
 * (`auth.protocol`; libs/contracts realtime.ts). In 2, the gateway writes each live dispatch of a room as one
 * frame shared by every socket; in 1, every socket's frame carries its own seq. The bare server ignores it.
 *
 * BENCH_CLIENT=lean (environment): the clients are LeanSockets (lean-socket.ts: the same protocol, decoded
 * with less CPU) instead of socket.io-client's, so the servers under test get more of the shared cores.
 */
import { io as connect } from 'socket.io-client';
import { LatencyRecorder } from './histogram';
import { LeanSocket } from './lean-socket';

export type Probe = 'message' | 'presence';

const BATCH = process.env['BENCH_BATCH'] === '1';
const LEAN = process.env['BENCH_CLIENT'] === 'lean';
const PROTOCOL = Number(process.env['BENCH_PROTOCOL'] ?? '2');

interface Dispatch {
  type: string;
  data: {
    message?: { content?: string };
    userId?: string;
    customStatus?: { text?: string } | null;
  };
}

/** Where each probe finds its measurement text and whose change it reports. */
const PROBES: Record<Probe, { event: string; prefix: string; text: (data: Dispatch['data']) => unknown }> = {
  message: { event: 'message.created', prefix: 'rt|', text: (data) => data.message?.content },
  presence: { event: 'presence.updated', prefix: 'pb|', text: (data) => data.customStatus?.text },
};

interface Request {
  id: number;
  op: 'connect' | 'phase' | 'stats' | 'samples' | 'status' | 'close';
  [key: string]: unknown;
}

interface Phase {
  capacity: number;
  /** received[client * capacity + index] = 1 once that client got update `index` */
  received: Uint8Array;
  /** per client: updates received (of other users, for the presence probe) */
  counts: Uint32Array;
  /** per update: clients that received it (of other users, for the presence probe) */
  perUpdate: Uint16Array;
  /** deliveries to a client of the user whose presence changed */
  self: number;
  duplicates: number;
  unknown: number;
  latency: LatencyRecorder;
  /** deliveries per 100 ms of receive time, keyed by floor(epochMs / 100) */
  bins: Map<number, number>;
}

/** What the worker uses of a client socket: socket.io-client's, or a LeanSocket. */
interface ClientSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  once(event: string, listener: (...args: never[]) => void): unknown;
  disconnect(): unknown;
}

/** A client socket, and a way to hear the server's pings (socket.io-client reports them on its manager). */
function openSocket(
  url: string,
  auth: object,
): { socket: ClientSocket; onPing: (listener: () => void) => void } {
  if (LEAN) {
    const socket = new LeanSocket(url, { path: '/realtime', auth });
    return { socket, onPing: (listener) => socket.on('ping', listener) };
  }
  const socket = connect(url, {
    path: '/realtime',
    transports: ['websocket'],
    auth,
    reconnection: false,
    timeout: 60_000,
  });
  return { socket, onPing: (listener) => socket.io.on('ping', listener) };
}

interface Client {
  socket: ClientSocket;
  userId: string | undefined;
  ready: boolean;
  pings: number;
}

const probeName = process.argv[2] as Probe;
const probe = PROBES[probeName];
if (!probe) throw new Error(`socket-clients.worker: unknown probe ${JSON.stringify(probeName)}`);

const clients: Client[] = [];
const phases = new Map<string, Phase>();
const disconnects: Record<string, number> = {};
const serverSignals: Record<string, number> = {};
let pings = 0;
const now = () => performance.timeOrigin + performance.now();

function onDispatch(clientIndex: number, dispatch: Dispatch) {
  if (dispatch.type !== probe.event) return;
  const text = probe.text(dispatch.data);
  if (typeof text !== 'string' || !text.startsWith(probe.prefix)) return;
  const received = now();
  const [, tag, indexText, sentText] = text.split('|');
  const phase = phases.get(tag!);
  if (!phase) return;
  if (dispatch.data.userId !== undefined && dispatch.data.userId === clients[clientIndex]!.userId) {
    phase.self++;
    return;
  }
  const index = Number(indexText);
  if (!(index >= 0 && index < phase.capacity)) {
    phase.unknown++;
    return;
  }
  const slot = clientIndex * phase.capacity + index;
  if (phase.received[slot]! > 0) {
    phase.duplicates++;
    return;
  }
  phase.received[slot] = 1;
  phase.counts[clientIndex]!++;
  phase.perUpdate[index]!++;
  phase.latency.record(received - Number(sentText));
  const bin = Math.floor(received / 100);
  phase.bins.set(bin, (phase.bins.get(bin) ?? 0) + 1);
}

interface Entry {
  token: string;
  userId?: string;
  channel?: string;
}

function open(url: string, entry: Entry): Promise<{ ok: boolean; error?: string; ms: number }> {
  const { token, userId, channel } = entry;
  const started = performance.now();
  const { socket, onPing } = openSocket(url, {
    token,
    ...(channel === undefined ? {} : { channel }),
    ...(BATCH ? { batch: true } : {}),
    protocol: PROTOCOL,
  });
  const client: Client = { socket, userId, ready: false, pings: 0 };
  const index = clients.push(client) - 1;
  socket.on('dispatch', (dispatch: Dispatch) => onDispatch(index, dispatch));
  socket.on('dispatches', (batch: Dispatch[]) => {
    for (const dispatch of batch) onDispatch(index, dispatch);
  });
  onPing(() => {
    client.pings++;
    pings++;
  });
  socket.on('reconnect', (payload: { reason?: string }) => {
    const key = `reconnect:${payload?.reason ?? '?'}`;
    serverSignals[key] = (serverSignals[key] ?? 0) + 1;
  });
  socket.on('auth.expired', () => (serverSignals['auth.expired'] = (serverSignals['auth.expired'] ?? 0) + 1));
  socket.on('disconnect', (reason: string) => {
    if (reason === 'io client disconnect') return;
    disconnects[reason] = (disconnects[reason] ?? 0) + 1;
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!ok) socket.disconnect();
      resolve({ ok, ...(error === undefined ? {} : { error }), ms: performance.now() - started });
    };
    // a server that accepts the socket but never sends `ready` (or drops it first) must not hang the bench
    const timer = setTimeout(() => settle(false, 'no ready within 60 s'), 60_000);
    socket.once('ready', () => {
      client.ready = true;
      settle(true);
    });
    socket.once('connect_error', (error: Error) => settle(false, error.message));
    socket.once('disconnect', (reason: string) => settle(false, `disconnected before ready: ${reason}`));
  });
}

async function connectAll(url: string, entries: Entry[], concurrency: number) {
  const latency = new LatencyRecorder();
  const errors: Record<string, number> = {};
  let ok = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, entries.length) }, async () => {
      while (next < entries.length) {
        const entry = entries[next++]!;
        const result = await open(url, entry);
        latency.record(result.ms);
        if (result.ok) ok++;
        else errors[result.error ?? '?'] = (errors[result.error ?? '?'] ?? 0) + 1;
      }
    }),
  );
  return { ok, errors, seconds: (performance.now() - started) / 1000, latency: latency.summary() };
}

const cpuStart = process.cpuUsage();
const startedAt = performance.now();

async function handle(request: Request): Promise<object> {
  switch (request.op) {
    case 'connect':
      return connectAll(
        request['url'] as string,
        request['clients'] as Entry[],
        request['concurrency'] as number,
      );
    case 'phase': {
      const capacity = request['capacity'] as number;
      phases.set(request['phase'] as string, {
        capacity,
        received: new Uint8Array(clients.length * capacity),
        counts: new Uint32Array(clients.length),
        perUpdate: new Uint16Array(capacity),
        self: 0,
        duplicates: 0,
        unknown: 0,
        latency: new LatencyRecorder((request['maxSamples'] as number | undefined) ?? 2_000_000),
        bins: new Map(),
      });
      return {};
    }
    case 'stats': {
      const phase = phases.get(request['phase'] as string);
      if (!phase) {
        return {
          counts: new Uint32Array(0),
          received: new Uint8Array(0),
          perUpdate: new Uint16Array(0),
          self: 0,
          duplicates: 0,
          unknown: 0,
          bins: [],
        };
      }
      return {
        counts: phase.counts,
        received: phase.received,
        perUpdate: phase.perUpdate,
        self: phase.self,
        duplicates: phase.duplicates,
        unknown: phase.unknown,
        bins: [...phase.bins.entries()],
      };
    }
    case 'samples': {
      const phase = phases.get(request['phase'] as string);
      return { samples: phase ? phase.latency.storedSamples() : new Float64Array(0) };
    }
    case 'status': {
      const cpu = process.cpuUsage(cpuStart);
      return {
        clients: clients.length,
        connected: clients.filter((client) => client.socket.connected).length,
        ready: clients.filter((client) => client.ready).length,
        disconnects,
        serverSignals,
        pings,
        minPings: clients.reduce((min, client) => Math.min(min, client.pings), Infinity),
        rssMiB: process.memoryUsage.rss() / 2 ** 20,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        uptimeSeconds: (performance.now() - startedAt) / 1000,
      };
    }
    case 'close': {
      for (const client of clients) client.socket.disconnect();
      clients.length = 0;
      phases.clear();
      return {};
    }
  }
}

process.on('message', (request: Request) => {
  handle(request).then(
    (answer) => process.send?.({ id: request.id, ...answer }),
    (error: unknown) => process.send?.({ id: request.id, error: String(error) }),
  );
});
// the parent went away (finished, crashed or killed): close everything and leave
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, started: true });
