import { Agent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { LatencyRecorder, type LatencySummary } from './histogram';
import { ProcessSampler, type ProcessStats, type WatchedProcess } from './process-stats';

/** One HTTP request to send; `body` objects are sent as JSON. */
export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export interface LoadOptions {
  /** Scenario name, used in the report. */
  name: string;
  /** Base URL of the server under load: only http://127.0.0.1:<port> is accepted. */
  target: string;
  /**
   * The request, or a function giving the n-th request (for tokens that change, rotating ids, …). It
   * also gets the index of the connection (0 … connections − 1) sending it, so each connection can act
   * as one client (one user, one channel).
   */
  request: RequestSpec | ((sequence: number, connection: number) => RequestSpec);
  /** Concurrent keep-alive connections, each running one request at a time (closed loop). */
  connections: number;
  /** Requests during warm-up are sent but not recorded. Default 3 s. */
  warmupSeconds?: number;
  /** Length of the measured phase. Default 10 s; capped at 300 s. */
  durationSeconds?: number;
  /** Optional cap on the number of measured requests (the phase ends at whichever comes first). */
  maxRequests?: number;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  /** Statuses that count as success. Default: any 2xx. */
  expectStatus?: number | number[];
  /** Server processes whose RSS and CPU are sampled during the measured phase. */
  watch?: WatchedProcess[];
  /** RSS sampling interval. Default 250 ms. */
  sampleIntervalMs?: number;
  /** Stops the load at once (in-flight requests are dropped); the figures so far are returned. */
  signal?: AbortSignal;
}

export interface LoadResult {
  name: string;
  target: string;
  method: string;
  path: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Actual length of the measured phase, from its start to the last measured response. */
  elapsedSeconds: number;
  warmupRequests: number;
  /** Measured requests that got an answer or failed. */
  requests: number;
  /** Measured requests answered with an expected status. */
  ok: number;
  /** Successful requests per second over the measured phase. */
  throughput: number;
  /** Latency of successful measured requests, ms. */
  latency: LatencySummary;
  errors: { total: number; byStatus: Record<string, number>; byCode: Record<string, number> };
  socketsOpened: number;
  bytesReceived: number;
  processes: ProcessStats[];
  /** The load generator's own CPU use during the measured phase (% of one core) and RSS. */
  loadGenerator: { cpuPercent: number; rssMiB: number };
  /** Busy CPU of the whole machine during the measured phase (% of one core; cores × 100 = saturated). */
  machineCpuPercent: number;
}

const MAX_DURATION_SECONDS = 300;

/** Refuses anything but the loopback address: benchmarks never load a remote host. */
export function assertLoopback(target: string): URL {
  const url = new URL(target);
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
    throw new Error(`benchmarks only load http://127.0.0.1, not ${target}`);
  }
  return url;
}

interface Prepared {
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body?: string | Buffer;
}

function prepare(spec: RequestSpec): Prepared {
  const headers: OutgoingHttpHeaders = { ...spec.headers };
  let body: string | Buffer | undefined;
  if (spec.body !== undefined) {
    if (typeof spec.body === 'string' || Buffer.isBuffer(spec.body)) body = spec.body;
    else {
      body = JSON.stringify(spec.body);
      headers['content-type'] ??= 'application/json';
    }
    headers['content-length'] = Buffer.byteLength(body);
  }
  return { method: spec.method ?? (body === undefined ? 'GET' : 'POST'), path: spec.path, headers, body };
}

class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

function send(
  agent: Agent,
  url: URL,
  prepared: Prepared,
  timeoutMs: number,
  onSocket: (socket: Socket) => void,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        method: prepared.method,
        path: prepared.path,
        headers: prepared.headers,
      },
      (res: IncomingMessage) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('socket', onSocket);
    req.setTimeout(timeoutMs, () => req.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(prepared.body);
  });
}

/**
 * Closed-loop load: `connections` workers, each sending its next request as soon as the previous one
 * is answered, over keep-alive connections. Runs a warm-up, then a measured phase bounded in time
 * (and optionally in count), then waits for in-flight requests and returns the figures.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = assertLoopback(options.target);
  const connections = Math.max(1, Math.floor(options.connections));
  const warmupSeconds = options.warmupSeconds ?? 3;
  const durationSeconds = Math.min(options.durationSeconds ?? 10, MAX_DURATION_SECONDS);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const expected =
    options.expectStatus === undefined
      ? (status: number) => status >= 200 && status < 300
      : (
          (set: Set<number>) => (status: number) =>
            set.has(status)
        )(new Set([options.expectStatus].flat()));
  const staticRequest = typeof options.request === 'function' ? undefined : prepare(options.request);
  const nextRequest = (sequence: number, connection: number): Prepared =>
    staticRequest ??
    prepare((options.request as (sequence: number, connection: number) => RequestSpec)(sequence, connection));
  const first = nextRequest(0, 0);

  const agent = new Agent({
    keepAlive: true,
    maxSockets: connections,
    maxFreeSockets: connections,
    scheduling: 'fifo',
  });
  const sockets = new WeakSet<Socket>();
  let socketsOpened = 0;
  const onSocket = (socket: Socket) => {
    if (sockets.has(socket)) return;
    sockets.add(socket);
    socketsOpened++;
  };

  const recorder = new LatencyRecorder();
  const byStatus: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  let phase: 'warmup' | 'measure' | 'done' = warmupSeconds > 0 ? 'warmup' : 'measure';
  let sequence = 0;
  let warmupRequests = 0;
  let measuredIssued = 0;
  let measured = 0;
  let ok = 0;
  let errors = 0;
  let bytesReceived = 0;
  let measureStart = 0;
  let lastMeasuredEnd = 0;
  let cpuStart: NodeJS.CpuUsage | undefined;
  const sampler = new ProcessSampler(options.watch ?? [], options.sampleIntervalMs);

  let endTimer: NodeJS.Timeout | undefined;
  const beginMeasuring = () => {
    phase = 'measure';
    measureStart = performance.now();
    lastMeasuredEnd = measureStart;
    cpuStart = process.cpuUsage();
    sampler.start();
    endTimer = setTimeout(() => (phase = 'done'), durationSeconds * 1000);
  };
  const warmupTimer = phase === 'warmup' ? setTimeout(beginMeasuring, warmupSeconds * 1000) : undefined;
  if (phase === 'measure') beginMeasuring();
  const abort = () => {
    if (phase === 'warmup') beginMeasuring();
    phase = 'done';
    agent.destroy();
  };
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });

  const worker = async (connection: number) => {
    while (phase !== 'done') {
      const counted = phase === 'measure';
      if (counted) {
        if (options.maxRequests !== undefined && measuredIssued >= options.maxRequests) {
          phase = 'done';
          break;
        }
        measuredIssued++;
      }
      const prepared = sequence === 0 && connection === 0 ? first : nextRequest(sequence, connection);
      sequence++;
      const started = performance.now();
      try {
        const { status, bytes } = await send(agent, url, prepared, timeoutMs, onSocket);
        const ended = performance.now();
        if (!counted) {
          warmupRequests++;
          continue;
        }
        measured++;
        bytesReceived += bytes;
        if (ended > lastMeasuredEnd) lastMeasuredEnd = ended;
        if (expected(status)) {
          ok++;
          recorder.record(ended - started);
        } else {
          errors++;
          byStatus[status] = (byStatus[status] ?? 0) + 1;
        }
      } catch (error) {
        const ended = performance.now();
        if (options.signal?.aborted) break; // dropped by the abort, not the server's doing
        if (counted) {
          measured++;
          errors++;
          if (ended > lastMeasuredEnd) lastMeasuredEnd = ended;
          const code = (error as { code?: string }).code ?? (error as Error).message ?? 'unknown';
          byCode[code] = (byCode[code] ?? 0) + 1;
        } else {
          warmupRequests++;
        }
        // do not spin on a dead server
        await new Promise((wait) => setTimeout(wait, 10));
      }
    }
  };

  await Promise.all(Array.from({ length: connections }, (_, connection) => worker(connection)));
  options.signal?.removeEventListener('abort', abort);
  if (warmupTimer) clearTimeout(warmupTimer);
  if (endTimer) clearTimeout(endTimer);
  const processes = sampler.stop();
  const cpu = process.cpuUsage(cpuStart);
  agent.destroy();

  const elapsedSeconds = Math.max(1e-9, (lastMeasuredEnd - measureStart) / 1000);
  return {
    name: options.name,
    target: url.origin,
    method: first.method,
    path: first.path,
    connections,
    warmupSeconds,
    durationSeconds,
    elapsedSeconds,
    warmupRequests,
    requests: measured,
    ok,
    throughput: ok / elapsedSeconds,
    latency: recorder.summary(),
    errors: { total: errors, byStatus, byCode },
    socketsOpened,
    bytesReceived,
    processes,
    machineCpuPercent: sampler.machineCpuPercent,
    loadGenerator: {
      cpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsedSeconds) * 100,
      rssMiB: process.memoryUsage.rss() / 1024 / 1024,
    },
  };
}
