/**
 * A child process holding the socket.io clients of presence.bench.ts (forked with `--import tsx` and
 * `serialization: 'advanced'`), so the clients' JSON decoding is not the sender's CPU.
 *
 * Parent → worker: { id, op, ... } requests, each answered by { id, ... }:
 *   connect  { url, clients: {token, userId}[], concurrency }  one client per entry (websocket, no
 *            reconnection), waits for `ready` or `connect_error`
 *   phase    { phase, capacity }  starts recording presence.updated dispatches whose custom status text is
 *            `pb|<phase>|<index>|<send epoch ms>` (index < capacity), at clients of OTHER users than the
 *            one whose presence changed (the sender's own sessions are counted apart, as `self`)
 *   stats    { phase }  per-client received counts, per-update delivery counts, duplicates, 100-ms bins
 *   samples  { phase }  the update→delivery latency samples (Float64Array)
 *   status   {}        open/ready clients, disconnects, RSS, CPU
 *   close    {}        disconnects every client
 * Latency = receive time − the send time in the text, both `performance.timeOrigin + now()` (same clock).
 */
import { io as connect, type Socket } from 'socket.io-client';
import { LatencyRecorder } from './histogram';

interface Request {
  id: number;
  op: 'connect' | 'phase' | 'stats' | 'samples' | 'status' | 'close';
  [key: string]: unknown;
}

interface Phase {
  capacity: number;
  /** received[client * capacity + index] = 1 once that client got update `index` */
  received: Uint8Array;
  /** per client: updates of other users received */
  counts: Uint32Array;
  /** per update: clients (of other users) that received it */
  perUpdate: Uint16Array;
  self: number;
  duplicates: number;
  unknown: number;
  latency: LatencyRecorder;
  /** deliveries per 100 ms of receive time, keyed by floor(epochMs / 100) */
  bins: Map<number, number>;
}

interface Client {
  socket: Socket;
  userId: string;
  ready: boolean;
}

interface PresenceDispatch {
  type: string;
  data: { userId?: string; customStatus?: { text?: string } | null };
}

const clients: Client[] = [];
const phases = new Map<string, Phase>();
const disconnects: Record<string, number> = {};
const now = () => performance.timeOrigin + performance.now();

function onDispatch(clientIndex: number, dispatch: PresenceDispatch) {
  if (dispatch.type !== 'presence.updated') return;
  const text = dispatch.data.customStatus?.text;
  if (!text?.startsWith('pb|')) return;
  const received = now();
  const [, tag, indexText, sentText] = text.split('|');
  const phase = phases.get(tag!);
  if (!phase) return;
  if (dispatch.data.userId === clients[clientIndex]!.userId) {
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

function open(url: string, token: string, userId: string): Promise<{ ok: boolean; error?: string }> {
  const socket = connect(url, {
    path: '/realtime',
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
    timeout: 60_000,
  });
  const client: Client = { socket, userId, ready: false };
  const index = clients.push(client) - 1;
  socket.on('dispatch', (dispatch: PresenceDispatch) => onDispatch(index, dispatch));
  socket.on('disconnect', (reason: string) => {
    if (reason === 'io client disconnect') return;
    disconnects[reason] = (disconnects[reason] ?? 0) + 1;
  });
  return new Promise((resolve) => {
    socket.once('ready', () => {
      client.ready = true;
      resolve({ ok: true });
    });
    socket.once('connect_error', (error: Error) => {
      socket.close();
      resolve({ ok: false, error: error.message });
    });
  });
}

async function connectAll(url: string, entries: { token: string; userId: string }[], concurrency: number) {
  const errors: Record<string, number> = {};
  let ok = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, entries.length) }, async () => {
      while (next < entries.length) {
        const entry = entries[next++]!;
        const result = await open(url, entry.token, entry.userId);
        if (result.ok) ok++;
        else errors[result.error ?? '?'] = (errors[result.error ?? '?'] ?? 0) + 1;
      }
    }),
  );
  return { ok, errors };
}

const cpuStart = process.cpuUsage();

async function handle(request: Request): Promise<object> {
  switch (request.op) {
    case 'connect':
      return connectAll(
        request['url'] as string,
        request['clients'] as { token: string; userId: string }[],
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
        latency: new LatencyRecorder(4_000_000),
        bins: new Map(),
      });
      return {};
    }
    case 'stats': {
      const phase = phases.get(request['phase'] as string);
      if (!phase)
        return {
          counts: new Uint32Array(0),
          perUpdate: new Uint16Array(0),
          self: 0,
          duplicates: 0,
          bins: [],
        };
      return {
        counts: phase.counts,
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
        rssMiB: process.memoryUsage.rss() / 2 ** 20,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
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
