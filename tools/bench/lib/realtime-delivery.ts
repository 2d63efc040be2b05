/**
 * Shared pieces of the realtime benches (realtime, realtime-baseline, realtime-scale): socket.io clients
 * held in child processes (socket-clients.worker.ts), an open-loop sender (paceSends) of
 * `POST /api/v1/channels/{id}/messages` (sendAtRate: one channel, or several round-robin; bus-feed.ts publishes
 * to Kafka instead), and one delivery phase (send
 * at a rate, wait for the deliveries, merge latency / received / CPU figures; every client expects every
 * message, or only those its `audience` says). The server under test only has to take that POST (201) and
 * emit `dispatch` message.created to the channel's sockets: Bonfire's gateway, or the bare socket.io server
 * of bare-socketio.server.ts (whose clients name their channel in `auth.channel`). Also the figures both
 * baseline benches print: CPU µs per delivery, the Bonfire/bare ratio, waiting for a server to go idle.
 */
import { Agent, request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import type { Api, AuthResult } from '../../../e2e/support/api';
import { ClientWorker, type ConnectAnswer, type WorkerStats, type WorkerStatus } from './client-worker';
import { LatencyRecorder, type LatencySummary } from './histogram';
import { assertLoopback } from './load';
import { ProcessSampler, type ProcessStats, readCpuSeconds, type WatchedProcess } from './process-stats';
import { table } from './report';

/** The clients' kind and protocol, as the benches' notes print them (socket-clients.worker.ts reads the same). */
export function clientsNote(workerCount: number): string {
  const kind = process.env['BENCH_CLIENT'] === 'lean' ? 'lean sockets' : 'socket.io-client';
  const protocol = process.env['BENCH_PROTOCOL'] ?? '2';
  return `clients: ${workerCount} child processes per target (${kind}, websocket, realtime protocol ${protocol})`;
}

export const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const now = () => performance.timeOrigin + performance.now();
export const MiB = (kib: number) => kib / 1024;

export async function inBatches<T, R>(
  items: T[],
  limit: number,
  action: (item: T, index: number) => Promise<R>,
) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(
      ...(await Promise.all(items.slice(start, start + limit).map((item, i) => action(item, start + i)))),
    );
  }
  return results;
}

export async function retry<T>(
  what: string,
  action: () => Promise<{ status: number; body: T }>,
  signal: AbortSignal,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const reply = await action();
    if (reply.status < 300) return reply.body;
    if (Date.now() > deadline || signal.aborted)
      throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    await sleep(200);
  }
}

// ------------------------------------------------------------------ client workers

/**
 * Opens `tokens.length` clients spread over the workers in chunks: worker w gets clients
 * [w × share, (w + 1) × share), in order, so a client's index across the workers is the index of its token
 * (what `deliveryPhase`'s `audience` is given). `channels[i]`, when given, goes to the server in
 * `auth.channel` (the bare server's room; Bonfire's gateway ignores it).
 */
export async function connectClients(
  workers: ClientWorker[],
  url: string,
  tokens: string[],
  concurrency: number,
  channels?: string[],
) {
  const share = Math.ceil(tokens.length / workers.length);
  const started = performance.now();
  const answers = await Promise.all(
    workers.map((worker, index) => {
      const first = index * share;
      const mine = tokens.slice(first, first + share);
      worker.clients += mine.length;
      return worker.request<ConnectAnswer>('connect', {
        url,
        clients: mine.map((token, offset) => {
          const channel = channels?.[first + offset];
          return channel === undefined ? { token } : { token, channel };
        }),
        concurrency,
      });
    }),
  );
  const errors: Record<string, number> = {};
  for (const answer of answers)
    for (const [code, count] of Object.entries(answer.errors)) errors[code] = (errors[code] ?? 0) + count;
  return {
    ok: answers.reduce((sum, answer) => sum + answer.ok, 0),
    errors,
    seconds: (performance.now() - started) / 1000,
    connectP50: Math.max(...answers.map((answer) => answer.latency.p50)),
    connectP95: Math.max(...answers.map((answer) => answer.latency.p95)),
  };
}

export async function statusOf(workers: ClientWorker[]) {
  const all = await Promise.all(workers.map((worker) => worker.request<WorkerStatus>('status')));
  const merge = (pick: (status: WorkerStatus) => Record<string, number>) => {
    const merged: Record<string, number> = {};
    for (const status of all)
      for (const [key, count] of Object.entries(pick(status))) merged[key] = (merged[key] ?? 0) + count;
    return merged;
  };
  return {
    clients: all.reduce((sum, status) => sum + status.clients, 0),
    connected: all.reduce((sum, status) => sum + status.connected, 0),
    ready: all.reduce((sum, status) => sum + status.ready, 0),
    pings: all.reduce((sum, status) => sum + status.pings, 0),
    minPings: Math.min(...all.map((status) => status.minPings)),
    disconnects: merge((status) => status.disconnects),
    serverSignals: merge((status) => status.serverSignals),
    rssMiB: all.map((status) => status.rssMiB),
    cpuSeconds: all.reduce((sum, status) => sum + status.cpuSeconds, 0),
  };
}

export const recordText = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key}×${count}`)
    .join(' ') || '0';

// ------------------------------------------------------------------ sender

export interface SendResult {
  tag: string;
  offeredRate: number;
  /** Sends issued / accepted (the POST's 201, or the broker's acknowledgement). */
  issued: number;
  ok: number;
  /** Ticks where `maxInFlight` sends were already waiting: the message was not sent (open loop kept). */
  skipped: number;
  okIndexes: Uint8Array;
  errors: Record<string, number>;
  http: LatencySummary;
  startedAt: number;
  endedAt: number;
}

/** What every sender is told: message i of `tag`, at `rate`/s for `seconds`, at most `maxInFlight` waiting. */
export interface PaceOptions {
  tag: string;
  rate: number;
  seconds: number;
  capacity: number;
  signal: AbortSignal;
  /** Most sends outstanding; a tick finding this many waiting skips its message. */
  maxInFlight: number;
}

/** One message on its way: resolves once the server accepted it, rejects with the reason it did not. */
type SendOne = (index: number, message: { content: string; nonce: string }) => Promise<void>;

/**
 * The open loop every sender shares: message i is due at i / rate s, whatever the earlier ones are doing.
 * Content `rt|<tag>|<index>|<send ms>` (the clients time the delivery from it), a nonce on every send as
 * the SDK and the web client send one.
 */
export async function paceSends(options: PaceOptions, sendOne: SendOne): Promise<SendResult> {
  const accepted = new LatencyRecorder();
  const okIndexes = new Uint8Array(options.capacity);
  const errors: Record<string, number> = {};
  let issued = 0;
  let ok = 0;
  let skipped = 0;
  let inFlight = 0;
  const total = Math.min(options.capacity, Math.round(options.rate * options.seconds));
  const startedAt = now();
  let settle!: () => void;
  const allDone = new Promise<void>((done) => (settle = done));
  const start = (index: number) => {
    const sentAt = now();
    inFlight++;
    const message = {
      content: `rt|${options.tag}|${index}|${sentAt.toFixed(3)}`,
      nonce: `${options.tag}|${index}`.slice(-64),
    };
    sendOne(index, message)
      .then(
        () => {
          ok++;
          okIndexes[index] = 1;
          accepted.record(now() - sentAt);
        },
        (error: NodeJS.ErrnoException) => {
          const reason = error.code ?? error.message;
          errors[reason] = (errors[reason] ?? 0) + 1;
        },
      )
      .finally(() => {
        inFlight--;
        if (issued + skipped >= total && inFlight === 0) settle();
      });
  };
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((now() - startedAt) / 1000) * options.rate));
    while (issued + skipped < due) {
      if (inFlight >= options.maxInFlight) skipped++;
      else start(issued++ + skipped);
    }
    if (issued + skipped >= total || options.signal.aborted) {
      clearInterval(timer);
      if (inFlight === 0) settle();
    }
  }, 2);
  await allDone;
  return {
    tag: options.tag,
    offeredRate: options.rate,
    issued,
    ok,
    skipped,
    okIndexes,
    errors,
    http: accepted.summary(),
    startedAt,
    endedAt: now(),
  };
}

/**
 * Open-loop sender of `POST /api/v1/channels/{id}/messages` through the gateway: `rate` messages/s into one
 * channel (or message i into `channelIds[i % channelIds.length]`), rotating over the users' tokens (token
 * i % tokens.length).
 */
export function sendAtRate(
  options: PaceOptions & {
    gatewayUrl: string;
    channelId: string;
    /** Several channels, round-robin by message index (then `channelId` is not used). */
    channelIds?: string[];
    tokens: string[];
    agent: Agent;
  },
): Promise<SendResult> {
  const url = assertLoopback(options.gatewayUrl);
  const channelIds = options.channelIds?.length ? options.channelIds : [options.channelId];
  const paths = channelIds.map((id) => `/api/v1/channels/${id}/messages`);
  return paceSends(
    options,
    (index, message) =>
      new Promise((accepted, refused) => {
        const body = JSON.stringify(message);
        const req = httpRequest(
          {
            agent: options.agent,
            hostname: url.hostname,
            port: url.port,
            method: 'POST',
            path: paths[index % paths.length],
            headers: {
              authorization: `Bearer ${options.tokens[index % options.tokens.length]}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 201) accepted();
              else refused(new Error(String(res.statusCode)));
            });
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error('ETIMEDOUT')));
        req.on('error', refused);
        req.end(body);
      }),
  );
}

export interface DeliveryFigures {
  name: string;
  clients: number;
  offeredRate: number;
  sentOk: number;
  sendSeconds: number;
  sentRate: number;
  skipped: number;
  sendErrors: Record<string, number>;
  httpSend: LatencySummary;
  expectedDeliveries: number;
  delivered: number;
  /** Deliveries with receive time inside the send window, per second. */
  deliveredPerSecondInWindow: number;
  expectedPerSecond: number;
  /** Largest delivery count over any 1-s window (from 100-ms bins). */
  peakOneSecond: number;
  /** Deliveries / (last receive − first send): the whole phase's rate including the drain. */
  overallPerSecond: number;
  drainSeconds: number;
  latency: LatencySummary;
  fractionMin: number;
  fractionMean: number;
  clientsComplete: number;
  duplicates: number;
  /** Deliveries to clients outside the message's `audience` (a visibility leak; 0 without an audience). */
  unexpected: number;
  processes: ProcessStats[];
  machineCpuPercent: number;
  workerCpuPercent: number;
}

/** Sends at `rate` for `sendSeconds` (after a tagged warm-up), waits for the deliveries, merges the figures. */
export async function deliveryPhase(options: {
  name: string;
  tag: string;
  rate: number;
  warmupSeconds: number;
  sendSeconds: number;
  drainLimitSeconds: number;
  workers: ClientWorker[];
  clients: number;
  send: (tag: string, rate: number, seconds: number, capacity: number) => Promise<SendResult>;
  watch: WatchedProcess[];
  log: (text: string) => void;
  /**
   * Whether client `client` (its index across the workers, see connectClients) should receive message
   * `index`; every client every message when absent.
   */
  audience?: (client: number, index: number) => boolean;
}): Promise<DeliveryFigures> {
  const { workers, tag } = options;
  if (options.warmupSeconds > 0) {
    const capacity = Math.ceil(options.rate * options.warmupSeconds) + 10;
    await Promise.all(workers.map((worker) => worker.request('phase', { phase: `${tag}w`, capacity })));
    await options.send(`${tag}w`, options.rate, options.warmupSeconds, capacity);
  }
  const capacity = Math.ceil(options.rate * options.sendSeconds) + 10;
  await Promise.all(workers.map((worker) => worker.request('phase', { phase: tag, capacity })));
  const sampler = new ProcessSampler(options.watch);
  const workerCpuBefore = (await statusOf(workers)).cpuSeconds;
  sampler.start();
  const sent = await options.send(tag, options.rate, options.sendSeconds, capacity);
  const sendEnded = now();
  const audience = options.audience;
  let expected = sent.ok * options.clients;
  if (audience) {
    expected = 0;
    for (let client = 0; client < options.clients; client++)
      for (let index = 0; index < capacity; index++)
        if (sent.okIndexes[index] && audience(client, index)) expected++;
  }
  // wait for the deliveries (bounded)
  const drainDeadline = sendEnded + options.drainLimitSeconds * 1000;
  let delivered = 0;
  for (;;) {
    const stats = await Promise.all(
      workers.map((worker) => worker.request<WorkerStats>('stats', { phase: tag })),
    );
    delivered = stats.reduce((sum, s) => sum + s.counts.reduce((a, b) => a + b, 0), 0);
    if (delivered >= expected || now() > drainDeadline) break;
    await sleep(250);
  }
  const drained = (now() - sendEnded) / 1000;
  const processes = sampler.stop();
  const elapsedSeconds = (now() - sent.startedAt) / 1000;
  const workerCpuPercent = (((await statusOf(workers)).cpuSeconds - workerCpuBefore) / elapsedSeconds) * 100;
  const stats = await Promise.all(
    workers.map((worker) => worker.request<WorkerStats>('stats', { phase: tag })),
  );
  const samples = await Promise.all(
    workers.map((worker) => worker.request<{ samples: Float64Array }>('samples', { phase: tag })),
  );
  const latency = new LatencyRecorder(4_000_000);
  for (const { samples: values } of samples) for (const value of values) latency.record(value);

  // per client: messages answered 201 that reached it
  const fractions: number[] = [];
  let deliveredOk = 0;
  let unexpected = 0;
  let first = 0;
  for (const worker of stats) {
    const perClient = worker.counts.length;
    for (let client = 0; client < perClient; client++) {
      let got = 0;
      let owed = 0;
      for (let index = 0; index < capacity; index++) {
        if (!sent.okIndexes[index]) continue;
        if (audience && !audience(first + client, index)) {
          if (worker.received[client * capacity + index]) unexpected++;
          continue;
        }
        owed++;
        if (worker.received[client * capacity + index]) got++;
      }
      deliveredOk += got;
      fractions.push(owed ? got / owed : NaN);
    }
    first += perClient;
  }
  const bins = new Map<number, number>();
  for (const worker of stats)
    for (const [bin, count] of worker.bins) bins.set(bin, (bins.get(bin) ?? 0) + count);
  const sortedBins = [...bins.keys()].sort((a, b) => a - b);
  let inWindow = 0;
  for (const [bin, count] of bins)
    if (bin * 100 >= sent.startedAt && bin * 100 < sent.endedAt) inWindow += count;
  let peakOneSecond = 0;
  for (const first of sortedBins) {
    let sum = 0;
    for (let bin = first; bin < first + 10; bin++) sum += bins.get(bin) ?? 0;
    peakOneSecond = Math.max(peakOneSecond, sum);
  }
  const lastReceive = sortedBins.length ? (sortedBins.at(-1)! + 1) * 100 : sent.endedAt;
  const sendSeconds = (sent.endedAt - sent.startedAt) / 1000;
  const figures: DeliveryFigures = {
    name: options.name,
    clients: options.clients,
    offeredRate: options.rate,
    sentOk: sent.ok,
    sendSeconds,
    sentRate: sent.ok / sendSeconds,
    skipped: sent.skipped,
    sendErrors: sent.errors,
    httpSend: sent.http,
    expectedDeliveries: expected,
    delivered: deliveredOk,
    deliveredPerSecondInWindow: inWindow / sendSeconds,
    expectedPerSecond: expected / sendSeconds,
    peakOneSecond,
    overallPerSecond: deliveredOk / ((lastReceive - sent.startedAt) / 1000),
    drainSeconds: drained,
    latency: latency.summary(),
    fractionMin: Math.min(...fractions),
    fractionMean: fractions.reduce((a, b) => a + b, 0) / fractions.length,
    clientsComplete: fractions.filter((fraction) => fraction === 1).length,
    duplicates: stats.reduce((sum, s) => sum + s.duplicates, 0),
    unexpected,
    processes,
    machineCpuPercent: sampler.machineCpuPercent,
    workerCpuPercent,
  };
  options.log(
    `   ${options.name}: sent ${sent.ok} ok (${fixed(figures.sentRate, 1)}/s, skipped ${sent.skipped}, ` +
      `errors ${recordText(sent.errors)}), delivered ${deliveredOk}/${expected} ` +
      `(${fixed((100 * deliveredOk) / Math.max(1, expected), 2)} %) after a drain of ${fixed(drained, 1)} s, ` +
      `latency p50/p95/p99 ${fixed(figures.latency.p50, 1)}/${fixed(figures.latency.p95, 1)}/${fixed(figures.latency.p99, 1)} ms`,
  );
  return figures;
}

export function deliveryTable(rows: DeliveryFigures[]): string {
  return table(
    [
      'phase',
      'clients',
      'msg/s offered',
      'sent ok/s',
      'expected deliv/s',
      'delivered/s in window',
      'peak 1 s',
      'drain s',
      'received %',
      'clients 100 %',
      'dups',
      'p50 ms',
      'p95',
      'p99',
      'max',
      'send HTTP p50/p95',
    ],
    rows.map((row) => [
      row.name,
      String(row.clients),
      String(row.offeredRate),
      fixed(row.sentRate, 1),
      fixed(row.expectedPerSecond, 0),
      fixed(row.deliveredPerSecondInWindow, 0),
      String(row.peakOneSecond),
      fixed(row.drainSeconds, 1),
      `${fixed(100 * (row.delivered / Math.max(1, row.expectedDeliveries)), 2)} (min ${fixed(100 * row.fractionMin, 1)})`,
      `${row.clientsComplete}/${row.clients}`,
      String(row.duplicates),
      fixed(row.latency.p50, 1),
      fixed(row.latency.p95, 1),
      fixed(row.latency.p99, 1),
      fixed(row.latency.max, 0),
      `${fixed(row.httpSend.p50, 1)}/${fixed(row.httpSend.p95, 1)}`,
    ]),
  );
}

export function cpuTable(
  rows: { name: string; processes: ProcessStats[]; machineCpuPercent: number; workerCpuPercent: number }[],
) {
  const names = rows[0]?.processes.map((process) => process.name) ?? [];
  return table(
    ['phase', ...names.map((name) => `${name} CPU`), 'client workers', 'machine', 'gateway RSS MiB'],
    rows.map((row) => [
      row.name,
      ...row.processes.map((process) => fixed(process.cpuPercent, 0)),
      fixed(row.workerCpuPercent, 0),
      fixed(row.machineCpuPercent, 0),
      fixed(row.processes.find((process) => process.name === 'gateway')?.rssPeakMiB ?? NaN, 0),
    ]),
  );
}

/** Waits until `pid` uses < 10 % of a core over 1 s (at most `limitSeconds`); the seconds waited. */
export async function waitIdle(pid: number, limitSeconds: number, signal: AbortSignal): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = readCpuSeconds(pid);
    await sleep(1_000);
    const busy = (readCpuSeconds(pid) - before) * 100;
    if (busy < 10 || performance.now() - started > limitSeconds * 1000 || signal.aborted) break;
  }
  return (performance.now() - started) / 1000;
}

/** `×<bonfire / bare>`, or `-` when either is missing. */
export const ratio = (bonfire: number, bare: number) =>
  Number.isFinite(bonfire) && Number.isFinite(bare) && bare !== 0 ? `×${fixed(bonfire / bare, 2)}` : '-';

/** CPU time of the watched process `name` per delivery during a phase, in µs. */
export function cpuMicrosPerDelivery(
  figures: DeliveryFigures,
  name: string,
  part: 'all' | 'kernel' = 'all',
): number {
  const process = figures.processes.find((entry) => entry.name === name);
  if (!process || figures.delivered === 0) return NaN;
  const seconds = figures.sendSeconds + figures.drainSeconds;
  const percent = part === 'kernel' ? process.cpuKernelPercent : process.cpuPercent;
  return ((percent / 100) * seconds * 1e6) / figures.delivered;
}

/** Write system calls of a watched process per delivery (1: one write per socket per dispatch). */
export function writesPerDelivery(figures: DeliveryFigures, name: string): number {
  const process = figures.processes.find((entry) => entry.name === name);
  if (!process || figures.delivered === 0) return NaN;
  return process.writeCalls / figures.delivered;
}

/** CPU % of the machine not used by the watched processes nor the client workers (the sender, other work). */
export function othersCpu(figures: DeliveryFigures): number {
  const watched = figures.processes.reduce(
    (sum, entry) => sum + (Number.isFinite(entry.cpuPercent) ? entry.cpuPercent : 0),
    0,
  );
  return figures.machineCpuPercent - watched - figures.workerCpuPercent;
}

/** `p50/p95/p99` in ms, one decimal. */
export const latencyText = (figures: DeliveryFigures) =>
  `${fixed(figures.latency.p50, 1)}/${fixed(figures.latency.p95, 1)}/${fixed(figures.latency.p99, 1)}`;

/** % of the expected deliveries that arrived. */
export const deliveredPercent = (figures: DeliveryFigures) =>
  (100 * figures.delivered) / Math.max(1, figures.expectedDeliveries);

export const fdCount = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
};

/**
 * A guild owned by the first user with the others joined through an invite (retried while chat has not yet
 * learnt the users from auth's events); its first text channel. Undefined for no users.
 */
export async function guildWithMembers(api: Api, users: AuthResult[], name: string, signal: AbortSignal) {
  if (users.length === 0) return undefined;
  const owner = api.withToken(users[0]!.accessToken);
  // chat learns users from auth's Kafka events: retry until it knows the owner
  const guild = await retry(
    'create guild',
    () => owner.post<{ id: string }>('/api/v1/guilds', { name }),
    signal,
  );
  const channels = await retry(
    'list channels',
    () => owner.get<{ id: string; type: string }[]>(`/api/v1/guilds/${guild.id}/channels`),
    signal,
  );
  const invite = await retry(
    'invite',
    () => owner.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, { maxUses: users.length + 10 }),
    signal,
  );
  await inBatches(users.slice(1), 10, (user) =>
    retry('join', () => api.withToken(user.accessToken).post(`/api/v1/invites/${invite.code}`), signal),
  );
  return { guildId: guild.id, channelId: channels.find((channel) => channel.type === 'text')!.id };
}

const VIEW_CHANNEL = String(1n << 10n);

/**
 * `count` text channels in `guildId`, created by its owner, channel i visible only to `memberIds[i % n]`
 * (@everyone — the role whose id is the guild's — denied VIEW_CHANNEL, that member allowed it): each member's
 * sessions sit in their own channels' rooms and receive only those channels' messages. Their ids, in order.
 */
export async function privateChannels(
  api: Api,
  ownerToken: string,
  guildId: string,
  memberIds: string[],
  count: number,
  signal: AbortSignal,
) {
  const owner = api.withToken(ownerToken);
  const channels = await inBatches(Array.from({ length: count }), 4, (_, index) =>
    retry(
      'create channel',
      () =>
        owner.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
          name: `spread-${index}`,
          permissionOverwrites: [
            { id: guildId, type: 'role', deny: VIEW_CHANNEL },
            { id: memberIds[index % memberIds.length]!, type: 'member', allow: VIEW_CHANNEL },
          ],
        }),
      signal,
    ),
  );
  return channels.map((channel) => channel.id);
}
