/**
 * Issue 5: the realtime edge under load, with real socket.io clients (websocket transport).
 *
 *   (c) deliveries/s: N clients (default 1,000) in ONE channel, message rate stepped up (default
 *       10, 20, 40 msg/s, 8 s each): delivered/s vs expected, latency per step
 *   (a) send→receive latency p50/p95/p99 with the same N clients at R msg/s (default 100, the issue's
 *       figure), and the fraction of the messages each client received (must be 100 %)
 *   (b) connections one gateway process holds: ramp to 5,000 then 10,000 idle clients with heartbeats
 *       running, hold each 30 s; gateway RSS per connection, disconnects, pings
 *
 * Full distributed stack from the build output (e2e/support/stack.ts): auth, chat and ONE gateway
 * process on the real Postgres, Redis and Kafka. A message goes gateway (HTTP) → chat (Postgres +
 * outbox) → Kafka → gateway consumer → Redis (one Lua append per session: seq + replay buffer) →
 * socket. Latency = receive time at the client − send time embedded in the content (same machine).
 * Clients live in child processes (lib/socket-clients.worker.ts with the message probe, 2 by default): their fds are not the
 * bench's, and they decode dispatches in parallel; they share the 2 cores with every service.
 * Users: a few (default 50 active + 50 idle) registered, many connections per user
 * (REALTIME_MAX_CONNECTIONS_PER_USER raised): registering 10,000 users would be argon2 time, not realtime.
 * Run: node tools/bench/run.mjs realtime [--clients 1000] [--users 50] [--rate 100] [--seconds 12]
 *      [--warmup 2] [--drain 30] [--steps 10,20,40] [--step-seconds 8] [--connections 5000,10000]
 *      [--hold 30] [--idle-users 50] [--ping-interval 10000] [--workers 2] [--skip-a] [--skip-b] [--skip-c]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { Stack } from '../../e2e/support/stack';
import {
  assertLoopback,
  ClientWorker,
  type ConnectAnswer,
  findListeningPid,
  LatencyRecorder,
  type LatencySummary,
  pidOfServer,
  ProcessSampler,
  type ProcessStats,
  readCpuSeconds,
  readRssKiB,
  runBench,
  table,
  type WatchedProcess,
  type WorkerStats,
  type WorkerStatus,
} from './lib';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    users: { type: 'string', default: '50' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '12' },
    warmup: { type: 'string', default: '2' },
    drain: { type: 'string', default: '30' },
    steps: { type: 'string', default: '10,20,40' },
    'step-seconds': { type: 'string', default: '8' },
    connections: { type: 'string', default: '5000,10000' },
    hold: { type: 'string', default: '30' },
    'idle-users': { type: 'string', default: '50' },
    'ping-interval': { type: 'string', default: '10000' },
    workers: { type: 'string', default: '2' },
    'max-in-flight': { type: 'string', default: '64' },
    'skip-a': { type: 'boolean', default: false },
    'skip-b': { type: 'boolean', default: false },
    'skip-c': { type: 'boolean', default: false },
  },
});
const clientCount = Number(args.clients);
const userCount = Number(args.users);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const drainSeconds = Number(args.drain);
const steps = args.steps.split(',').filter(Boolean).map(Number);
const stepSeconds = Number(args['step-seconds']);
const connectionTargets = args.connections.split(',').filter(Boolean).map(Number);
const holdSeconds = Number(args.hold);
const idleUserCount = Number(args['idle-users']);
const pingIntervalMs = Number(args['ping-interval']);
const workerCount = Number(args.workers);
const maxInFlight = Number(args['max-in-flight']);

const UNLIMITED = '1000000000';
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const now = () => performance.timeOrigin + performance.now();
const MiB = (kib: number) => kib / 1024;

/** A copy of the gateway's routing table with every per-route limit raised out of the way. */
function benchRoutesFile(directory: string): string {
  const routes = JSON.parse(readFileSync(resolve(__dirname, '../../apps/gateway/routes.json'), 'utf8')) as {
    rateLimits?: { limit: number }[];
  };
  for (const limit of routes.rateLimits ?? []) limit.limit = Number(UNLIMITED);
  const path = join(directory, 'routes.json');
  writeFileSync(path, JSON.stringify(routes, null, 2));
  return path;
}

async function inBatches<T, R>(items: T[], limit: number, action: (item: T, index: number) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(
      ...(await Promise.all(items.slice(start, start + limit).map((item, i) => action(item, start + i)))),
    );
  }
  return results;
}

async function retry<T>(
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

/** Opens `tokens.length` clients spread over the workers (round robin by chunks). */
async function connectClients(workers: ClientWorker[], url: string, tokens: string[], concurrency: number) {
  const share = Math.ceil(tokens.length / workers.length);
  const started = performance.now();
  const answers = await Promise.all(
    workers.map((worker, index) => {
      const mine = tokens.slice(index * share, (index + 1) * share);
      worker.clients += mine.length;
      return worker.request<ConnectAnswer>('connect', {
        url,
        clients: mine.map((token) => ({ token })),
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

async function statusOf(workers: ClientWorker[]) {
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

const recordText = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key}×${count}`)
    .join(' ') || '0';

// ------------------------------------------------------------------ sender

interface SendResult {
  tag: string;
  offeredRate: number;
  /** Sends issued / answered 201. */
  issued: number;
  ok: number;
  /** Ticks where `maxInFlight` requests were already waiting: the message was not sent (open loop kept). */
  skipped: number;
  okIndexes: Uint8Array;
  errors: Record<string, number>;
  http: LatencySummary;
  startedAt: number;
  endedAt: number;
}

/**
 * Open-loop sender: `rate` messages/s for `seconds` into one channel through the gateway, rotating over
 * the users' tokens, at most `maxInFlight` requests outstanding. Content `rt|<tag>|<index>|<send ms>`.
 */
async function sendAtRate(options: {
  gatewayUrl: string;
  channelId: string;
  tokens: string[];
  tag: string;
  rate: number;
  seconds: number;
  capacity: number;
  agent: Agent;
  signal: AbortSignal;
}): Promise<SendResult> {
  const url = assertLoopback(options.gatewayUrl);
  const path = `/api/v1/channels/${options.channelId}/messages`;
  const http = new LatencyRecorder();
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
  const finishOne = () => {
    inFlight--;
    if (issued + skipped >= total && inFlight === 0) settle();
  };
  const sendOne = (index: number) => {
    const sentAt = now();
    const body = JSON.stringify({ content: `rt|${options.tag}|${index}|${sentAt.toFixed(3)}` });
    inFlight++;
    const req = httpRequest(
      {
        agent: options.agent,
        hostname: url.hostname,
        port: url.port,
        method: 'POST',
        path,
        headers: {
          authorization: `Bearer ${options.tokens[index % options.tokens.length]}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 201) {
            ok++;
            okIndexes[index] = 1;
            http.record(now() - sentAt);
          } else errors[String(res.statusCode)] = (errors[String(res.statusCode)] ?? 0) + 1;
          finishOne();
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('ETIMEDOUT')));
    req.on('error', (error: NodeJS.ErrnoException) => {
      errors[error.code ?? error.message] = (errors[error.code ?? error.message] ?? 0) + 1;
      finishOne();
    });
    req.end(body);
  };
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((now() - startedAt) / 1000) * options.rate));
    while (issued + skipped < due) {
      if (inFlight >= maxInFlight) skipped++;
      else sendOne(issued++ + skipped);
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
    http: http.summary(),
    startedAt,
    endedAt: now(),
  };
}

interface DeliveryFigures {
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
  processes: ProcessStats[];
  machineCpuPercent: number;
  workerCpuPercent: number;
}

/** Sends at `rate` for `sendSeconds` (after a tagged warm-up), waits for the deliveries, merges the figures. */
async function deliveryPhase(options: {
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
  const expected = sent.ok * options.clients;
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
  for (const worker of stats) {
    const perClient = worker.counts.length;
    for (let client = 0; client < perClient; client++) {
      let got = 0;
      for (let index = 0; index < capacity; index++) {
        if (sent.okIndexes[index] && worker.received[client * capacity + index]) got++;
      }
      deliveredOk += got;
      fractions.push(sent.ok ? got / sent.ok : NaN);
    }
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

function deliveryTable(rows: DeliveryFigures[]): string {
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

function cpuTable(
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

const fdCount = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
};

// ------------------------------------------------------------------ the bench

void runBench(
  'realtime',
  {
    deadlineSeconds:
      120 +
      (args['skip-c'] && args['skip-a'] ? 0 : 40) +
      (args['skip-c'] ? 0 : steps.length * (stepSeconds + 1 + 15)) +
      (args['skip-a'] ? 0 : warmup + seconds + drainSeconds + 10) +
      (args['skip-b'] ? 0 : connectionTargets.length * (holdSeconds + 60) + 110),
    description: 'socket.io fan-out latency, deliveries/s and connections per gateway process',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));

    bench.log('starting auth + chat + gateway from apps/*/dist (build first: see tools/bench/README.md)…');
    const gatewayEnv = {
      GATEWAY_ROUTES_FILE: benchRoutesFile(directory),
      REALTIME_MAX_CONNECTIONS_PER_USER: UNLIMITED,
      // many connections per user, opened at once
      REALTIME_HANDSHAKES_PER_MINUTE: UNLIMITED,
      REALTIME_PING_INTERVAL_MS: String(pingIntervalMs),
      REALTIME_PING_TIMEOUT_MS: String(pingIntervalMs),
    };
    const stack = await Stack.start({
      services: ['auth', 'chat', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${Date.now()}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
      },
      serviceEnv: { chat: { CHAT_SEND_LIMIT_PER_10S: UNLIMITED }, gateway: gatewayEnv },
    });
    bench.onCleanup(() => stack.stop());
    const gateway = stack.gateway;
    const gatewayPid = pidOfServer(gateway.url);
    const watch: WatchedProcess[] = [
      { name: 'gateway', pid: gatewayPid },
      { name: 'chat', pid: pidOfServer(stack.service('chat').url) },
      { name: 'auth', pid: pidOfServer(stack.service('auth').url) },
    ];
    for (const [name, port, tree] of [
      ['postgres', process.env['POSTGRES_PORT'], true],
      ['redis', new URL(process.env['REDIS_URL']!).port || '6379', true],
      ['kafka', (process.env['KAFKA_BROKERS'] ?? '').split(',')[0]?.split(':')[1], false],
    ] as const) {
      const pid = port ? findListeningPid(Number(port)) : undefined;
      if (pid !== undefined) watch.push({ name, pid, tree });
    }
    const workers = Array.from({ length: workerCount }, () => ClientWorker.fork('message'));
    bench.onCleanup(() => workers.forEach((worker) => worker.stop()));
    await Promise.all(workers.map((worker) => worker.started));
    bench.note(
      `services: LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, one gateway process, rate limits raised to ` +
        `${UNLIMITED} (gateway global + per-route, chat CHAT_SEND_LIMIT_PER_10S), REALTIME_MAX_CONNECTIONS_PER_USER=${UNLIMITED}, ` +
        `REALTIME_PING_INTERVAL_MS=REALTIME_PING_TIMEOUT_MS=${pingIntervalMs}, other REALTIME_* defaults ` +
        `(replay buffer ${process.env['REALTIME_REPLAY_BUFFER_SIZE'] ?? 1000}, max pending ${process.env['REALTIME_MAX_PENDING_PACKETS'] ?? 1000}); ` +
        `clients in ${workerCount} child processes (socket.io-client, websocket transport)`,
    );

    // ---- users, guilds
    const setupStarted = performance.now();
    const api = new Api(gateway.url);
    const registered: AuthResult[] = await inBatches(
      Array.from({ length: userCount + idleUserCount }),
      8,
      () => registerUser(api),
    );
    const active = registered.slice(0, userCount);
    const idle = registered.slice(userCount);
    const makeGuild = async (users: AuthResult[], name: string) => {
      if (users.length === 0) return undefined;
      const owner = api.withToken(users[0]!.accessToken);
      // chat learns users from auth's Kafka events: retry until it knows the owner
      const guild = await retry(
        'create guild',
        () => owner.post<{ id: string }>('/api/v1/guilds', { name }),
        bench.signal,
      );
      const channels = await retry(
        'list channels',
        () => owner.get<{ id: string; type: string }[]>(`/api/v1/guilds/${guild.id}/channels`),
        bench.signal,
      );
      const invite = await retry(
        'invite',
        () =>
          owner.post<{ code: string }>(`/api/v1/guilds/${guild.id}/invites`, { maxUses: users.length + 10 }),
        bench.signal,
      );
      await inBatches(users.slice(1), 10, (user) =>
        retry(
          'join',
          () => api.withToken(user.accessToken).post(`/api/v1/invites/${invite.code}`),
          bench.signal,
        ),
      );
      return { guildId: guild.id, channelId: channels.find((channel) => channel.type === 'text')!.id };
    };
    const busy = await makeGuild(active, 'bench-busy');
    // the idle users get a guild of their own: realistic sessions (guild + channel rooms), no traffic
    await makeGuild(idle, 'bench-idle');
    bench.log(
      `set-up: ${registered.length} users registered (8 at a time) and joined to their guilds in ` +
        `${fixed((performance.now() - setupStarted) / 1000, 1)} s`,
    );
    // let the member.joined events pass before measuring
    await sleep(2_000);

    const deliveryRows: DeliveryFigures[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
    bench.onCleanup(() => agent.destroy());
    const activeTokens = active.map((user) => user.accessToken);
    const send = (tag: string, offered: number, sendSeconds: number, capacity: number) =>
      sendAtRate({
        gatewayUrl: gateway.url,
        channelId: busy!.channelId,
        tokens: activeTokens,
        tag,
        rate: offered,
        seconds: sendSeconds,
        capacity,
        agent,
        signal: bench.signal,
      });

    if (!(args['skip-a'] && args['skip-c'])) {
      const rssBefore = readRssKiB(gatewayPid);
      const tokens = Array.from(
        { length: clientCount },
        (_, index) => activeTokens[index % activeTokens.length]!,
      );
      const connected = await connectClients(workers, gateway.url, tokens, 50);
      const status = await statusOf(workers);
      bench.log(
        `   ${connected.ok}/${clientCount} clients ready in ${fixed(connected.seconds, 1)} s ` +
          `(connect→ready p50 ${fixed(connected.connectP50, 0)} ms, p95 ${fixed(connected.connectP95, 0)} ms; ` +
          `refused ${recordText(connected.errors)}); gateway RSS ${fixed(MiB(rssBefore), 0)} → ` +
          `${fixed(MiB(readRssKiB(gatewayPid)), 0)} MiB; ${status.ready} ready`,
      );
      if (connected.ok < clientCount)
        throw new Error(`only ${connected.ok} of ${clientCount} clients connected`);
      // one message first: every client's path warm (JIT, caches)
      await Promise.all(workers.map((worker) => worker.request('phase', { phase: 'first', capacity: 2 })));
      await send('first', 1, 1, 2);
      await sleep(1_000);

      if (!args['skip-c']) {
        bench.log(
          `-- (c) deliveries/s: ${clientCount} clients in one channel, rates ${steps.join(', ')} msg/s`,
        );
        for (const [index, stepRate] of steps.entries()) {
          const figures = await deliveryPhase({
            name: `(c) ${stepRate} msg/s`,
            tag: `c${index}`,
            rate: stepRate,
            warmupSeconds: 0,
            sendSeconds: stepSeconds,
            drainLimitSeconds: 15,
            workers,
            clients: clientCount,
            send,
            watch,
            log: bench.log,
          });
          deliveryRows.push(figures);
          await sleep(1_000);
          // stop stepping once the gateway no longer keeps up (deliveries left over after the window)
          if (figures.delivered < figures.expectedDeliveries || figures.latency.p95 > 2_000) break;
        }
      }
      if (!args['skip-a']) {
        bench.log(
          `-- (a) latency: ${clientCount} clients in one channel at ${rate} msg/s, ${warmup} s warm-up + ${seconds} s`,
        );
        deliveryRows.push(
          await deliveryPhase({
            name: `(a) ${rate} msg/s`,
            tag: 'a',
            rate,
            warmupSeconds: warmup,
            sendSeconds: seconds,
            drainLimitSeconds: drainSeconds,
            workers,
            clients: clientCount,
            send,
            watch,
            log: bench.log,
          }),
        );
      }
      const after = await statusOf(workers);
      bench.section(
        `== (a)/(c) delivery: ${clientCount} clients (${userCount} users × ${clientCount / userCount}) in one channel, one gateway`,
        deliveryTable(deliveryRows) +
          `\nclients' disconnects during the phases: ${recordText(after.disconnects)}; server signals ${recordText(after.serverSignals)}` +
          `\n\nCPU % of one core (the box has ${bench.machine.cpus * 100}) during each phase (send window + drain):\n` +
          cpuTable(deliveryRows),
        'delivery',
        {
          rows: deliveryRows.map(({ processes, ...row }) => ({ ...row, processes })),
          disconnects: after.disconnects,
        },
      );
      await Promise.all(workers.map((worker) => worker.request('close')));
      for (const worker of workers) worker.clients = 0;
    }

    if (!args['skip-b']) {
      bench.log(
        `-- (b) connections: ramp to ${connectionTargets.join(', ')} idle clients, hold ${holdSeconds} s each`,
      );
      // a backlog left by (a) is still being appended to the (now detached) sessions: wait until the
      // gateway is idle (< 10 % of a core over 1 s, at most 90 s) so the baseline RSS is a quiet one
      const waitStarted = performance.now();
      for (;;) {
        const cpuBefore = readCpuSeconds(gatewayPid);
        await sleep(1_000);
        const busyPercent = (readCpuSeconds(gatewayPid) - cpuBefore) * 100;
        if (busyPercent < 10 || performance.now() - waitStarted > 90_000 || bench.signal.aborted) break;
      }
      bench.log(`   gateway idle after ${fixed((performance.now() - waitStarted) / 1000, 1)} s`);
      const idleTokens = idle.map((user) => user.accessToken);
      const baseRss = readRssKiB(gatewayPid);
      const baseFds = fdCount(gatewayPid);
      const rows: Record<string, unknown>[] = [];
      let open = 0;
      for (const target of connectionTargets) {
        const tokens = Array.from(
          { length: target - open },
          (_, index) => idleTokens[(open + index) % idleTokens.length]!,
        );
        const ramp = await connectClients(workers, gateway.url, tokens, 100);
        open += ramp.ok;
        const rampRss = readRssKiB(gatewayPid);
        const before = await statusOf(workers);
        const sampler = new ProcessSampler(watch);
        sampler.start();
        await sleep(holdSeconds * 1000);
        const processes = sampler.stop();
        const held = await statusOf(workers);
        const rss = readRssKiB(gatewayPid);
        const row = {
          target,
          connectedAfterRamp: before.connected,
          rampSeconds: ramp.seconds,
          connectsPerSecond: tokens.length / ramp.seconds,
          connectP50: ramp.connectP50,
          connectP95: ramp.connectP95,
          refused: ramp.errors,
          connectedAfterHold: held.connected,
          disconnectsDuringHold: Object.fromEntries(
            Object.entries(held.disconnects).map(([key, count]) => [
              key,
              count - (before.disconnects[key] ?? 0),
            ]),
          ),
          pingsDuringHold: held.pings - before.pings,
          minPingsPerClient: held.minPings,
          gatewayRssBaseMiB: MiB(baseRss),
          gatewayRssAfterRampMiB: MiB(rampRss),
          gatewayRssAfterHoldMiB: MiB(rss),
          rssPerConnectionKiB: (rss - baseRss) / held.connected,
          gatewayFds: fdCount(gatewayPid),
          baseFds,
          gatewayCpuDuringHold: processes.find((process) => process.name === 'gateway')?.cpuPercent,
          redisCpuDuringHold: processes.find((process) => process.name === 'redis')?.cpuPercent,
          machineCpuDuringHold: sampler.machineCpuPercent,
          workerRssMiB: held.rssMiB,
          processes,
        };
        rows.push(row);
        bench.log(
          `   ${target}: ${before.connected} connected after ${fixed(ramp.seconds, 1)} s ramp ` +
            `(${fixed(row.connectsPerSecond, 0)}/s, refused ${recordText(ramp.errors)}), ${held.connected} after ` +
            `${holdSeconds} s hold; gateway RSS ${fixed(MiB(baseRss), 0)} → ${fixed(MiB(rss), 0)} MiB ` +
            `(${fixed(row.rssPerConnectionKiB, 1)} KiB/conn), fds ${row.gatewayFds}`,
        );
        if (ramp.ok < tokens.length || held.connected < open) break;
      }
      bench.section(
        '== (b) connections held by one gateway process (idle clients, heartbeats running)',
        table(
          [
            'target',
            'ramp s',
            'connects/s',
            'connect p50/p95 ms',
            'refused',
            'after ramp',
            `after ${holdSeconds} s`,
            'disconnects in hold',
            'pings in hold (min/client)',
            'gateway RSS MiB base → held',
            'KiB/conn',
            'gateway fds',
            'gateway CPU in hold',
            'client RSS MiB',
          ],
          rows.map((row) => [
            String(row['target']),
            fixed(row['rampSeconds'] as number, 1),
            fixed(row['connectsPerSecond'] as number, 0),
            `${fixed(row['connectP50'] as number, 0)}/${fixed(row['connectP95'] as number, 0)}`,
            recordText(row['refused'] as Record<string, number>),
            String(row['connectedAfterRamp']),
            String(row['connectedAfterHold']),
            recordText(row['disconnectsDuringHold'] as Record<string, number>),
            `${row['pingsDuringHold']} (${row['minPingsPerClient']})`,
            `${fixed(row['gatewayRssBaseMiB'] as number, 0)} → ${fixed(row['gatewayRssAfterHoldMiB'] as number, 0)}`,
            fixed(row['rssPerConnectionKiB'] as number, 1),
            String(row['gatewayFds']),
            fixed(row['gatewayCpuDuringHold'] as number, 1),
            (row['workerRssMiB'] as number[]).map((value) => fixed(value, 0)).join(' + '),
          ]),
        ),
        'connections',
        rows,
      );
      await Promise.all(workers.map((worker) => worker.request('close')));
    }
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
