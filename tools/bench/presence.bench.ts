/**
 * Issue 6: presence updates per second processed, and update→delivery latency.
 *
 *   latency     open loop at a modest rate (default 20 updates/s, rotating over the users): time from
 *               sending PATCH /api/v1/users/@me/presence to the `dispatch` presence.updated arriving at
 *               each OTHER member's client (p50/p95/p99), and the fraction delivered
 *   throughput  closed loop: every user (default 50) PATCHes its presence back to back (online ↔ dnd, a
 *               custom status text carrying the update's index and send time); updates accepted per
 *               second, presence.updated dispatches delivered per second (each update goes to the other
 *               N−1 members), latency under that load
 *   query       GET /api/v1/presences?userIds=<200 ids> (the N members + made-up ids up to 200) p50/p95
 *
 * Auth, chat, presence and ONE gateway from their build output as processes (e2e/support/stack.ts) on the
 * real Postgres, Redis and Kafka. A PATCH goes gateway (HTTP) → presence (Redis: store + recompute) →
 * Kafka presence.updates → gateway consumer → Redis (per-session sequence + replay buffer) → sockets.
 * The N users are in one guild (joined through an invite); each has one socket.io client (websocket) in a
 * child process (lib/socket-clients.worker.ts, presence probe). Every rate limit is raised out of the way.
 *   steps       the open loop again at higher rates (default 100 and 200 updates/s, 8 s each): where the
 *               delivery side stops keeping up (latency grows instead of staying flat)
 * Run: node tools/bench/run.mjs presence [--users 50] [--rate 20] [--latency-seconds 15] [--seconds 15]
 *      [--warmup 2] [--drain 20] [--steps 100,200] [--step-seconds 8] [--query-seconds 8]
 *      [--query-connections 16]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { Stack } from '../../e2e/support/stack';
import {
  assertLoopback,
  benchRoutesFile,
  ClientWorker,
  findListeningPid,
  LatencyRecorder,
  type LatencySummary,
  pidOfServer,
  ProcessSampler,
  type ProcessStats,
  runBench,
  table,
  UNLIMITED,
  type WatchedProcess,
  type WorkerStats,
} from './lib';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    rate: { type: 'string', default: '20' },
    'latency-seconds': { type: 'string', default: '15' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    drain: { type: 'string', default: '20' },
    steps: { type: 'string', default: '100,200' },
    'step-seconds': { type: 'string', default: '8' },
    'query-seconds': { type: 'string', default: '8' },
    'query-connections': { type: 'string', default: '16' },
  },
});
const userCount = Number(args.users);
const rate = Number(args.rate);
const latencySeconds = Number(args['latency-seconds']);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const drainSeconds = Number(args.drain);
const steps = args.steps.split(',').filter(Boolean).map(Number);
const stepSeconds = Number(args['step-seconds']);
const querySeconds = Number(args['query-seconds']);
const queryConnections = Number(args['query-connections']);

/** Updates recorded per phase (the closed loop stops issuing beyond it). */
const CAPACITY = 60_000;
const QUERY_IDS = 200;
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const now = () => performance.timeOrigin + performance.now();

async function inBatches<T, R>(items: T[], limit: number, action: (item: T, index: number) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(
      ...(await Promise.all(items.slice(start, start + limit).map((item, i) => action(item, start + i)))),
    );
  }
  return results;
}

async function until(what: string, check: () => Promise<boolean>, signal: AbortSignal, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline || signal.aborted) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(200);
  }
}

// ------------------------------------------------------------------ sender

interface SendResult {
  issued: number;
  ok: number;
  okIndexes: Uint8Array;
  errors: Record<string, number>;
  http: LatencySummary;
  startedAt: number;
  endedAt: number;
}

/**
 * PATCHes presences through the gateway: either open loop (`rate` updates/s, rotating over the users) or
 * closed loop (`rate` undefined: one loop per user, each sending its next PATCH when the previous is
 * answered). Text `pb|<tag>|<index>|<send ms>`; status alternates online ↔ dnd per user.
 */
function sendUpdates(options: {
  gatewayUrl: string;
  users: AuthResult[];
  tag: string;
  rate?: number;
  seconds: number;
  capacity: number;
  agent: Agent;
  signal: AbortSignal;
}): Promise<SendResult> {
  const url = assertLoopback(options.gatewayUrl);
  const http = new LatencyRecorder();
  const okIndexes = new Uint8Array(options.capacity);
  const errors: Record<string, number> = {};
  const flips = new Uint32Array(options.users.length);
  let issued = 0;
  let ok = 0;
  const startedAt = now();
  const endAt = startedAt + options.seconds * 1000;
  const patch = (user: number): Promise<void> | undefined => {
    if (issued >= options.capacity || now() >= endAt || options.signal.aborted) return undefined;
    const index = issued++;
    const sentAt = now();
    const body = JSON.stringify({
      status: (flips[user]! += 1) % 2 === 1 ? 'dnd' : 'online',
      customStatus: { text: `pb|${options.tag}|${index}|${sentAt.toFixed(2)}` },
    });
    return new Promise((done) => {
      const req = httpRequest(
        {
          agent: options.agent,
          hostname: url.hostname,
          port: url.port,
          method: 'PATCH',
          path: '/api/v1/users/@me/presence',
          headers: {
            authorization: `Bearer ${options.users[user]!.accessToken}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) {
              ok++;
              okIndexes[index] = 1;
              http.record(now() - sentAt);
            } else errors[String(res.statusCode)] = (errors[String(res.statusCode)] ?? 0) + 1;
            done();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('ETIMEDOUT')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        errors[error.code ?? error.message] = (errors[error.code ?? error.message] ?? 0) + 1;
        done();
      });
      req.end(body);
    });
  };
  const finish = (): SendResult => ({
    issued,
    ok,
    okIndexes,
    errors,
    http: http.summary(),
    startedAt,
    endedAt: now(),
  });

  if (options.rate === undefined) {
    return Promise.all(
      options.users.map(async (_, user) => {
        for (;;) {
          const sent = patch(user);
          if (!sent) return;
          await sent;
        }
      }),
    ).then(finish);
  }
  const perSecond = options.rate;
  return new Promise((done) => {
    const inFlight = new Set<Promise<void>>();
    let ticks = 0;
    const timer = setInterval(() => {
      const due = Math.floor(((now() - startedAt) / 1000) * perSecond);
      while (ticks < due) {
        const sent = patch(ticks++ % options.users.length);
        if (!sent) {
          clearInterval(timer);
          void Promise.all(inFlight).then(() => done(finish()));
          return;
        }
        inFlight.add(sent);
        void sent.then(() => inFlight.delete(sent));
      }
      if (now() >= endAt || options.signal.aborted) {
        clearInterval(timer);
        void Promise.all(inFlight).then(() => done(finish()));
      }
    }, 2);
  });
}

interface PhaseFigures {
  name: string;
  mode: string;
  members: number;
  sentOk: number;
  sendSeconds: number;
  acceptedPerSecond: number;
  sendErrors: Record<string, number>;
  httpPatch: LatencySummary;
  expectedDeliveries: number;
  delivered: number;
  /** Updates that reached every other member. */
  updatesComplete: number;
  deliveredPerSecondInWindow: number;
  /** Deliveries / (last receive − first send), the drain included. */
  deliveredPerSecondOverall: number;
  /** Updates fully delivered / the same span: presence updates processed end to end per second. */
  updatesPerSecondOverall: number;
  drainSeconds: number;
  latency: LatencySummary;
  selfDeliveries: number;
  duplicates: number;
  processes: ProcessStats[];
  machineCpuPercent: number;
  workerCpuPercent: number;
}

async function phase(options: {
  name: string;
  tag: string;
  rate?: number;
  seconds: number;
  worker: ClientWorker;
  members: number;
  send: (tag: string, rate: number | undefined, seconds: number) => Promise<SendResult>;
  watch: WatchedProcess[];
  log: (text: string) => void;
}): Promise<PhaseFigures> {
  const { worker, tag, members } = options;
  await worker.request('phase', { phase: tag, capacity: CAPACITY, maxSamples: 4_000_000 });
  const sampler = new ProcessSampler(options.watch);
  const workerCpuBefore = (await worker.request<{ cpuSeconds: number }>('status')).cpuSeconds;
  sampler.start();
  const sent = await options.send(tag, options.rate, options.seconds);
  const sendEnded = now();
  const expected = sent.ok * (members - 1);
  const drainDeadline = sendEnded + drainSeconds * 1000;
  let stats: WorkerStats;
  for (;;) {
    stats = await worker.request<WorkerStats>('stats', { phase: tag });
    const delivered = stats.counts.reduce((sum, count) => sum + count, 0);
    if (delivered >= expected || now() > drainDeadline) break;
    await sleep(250);
  }
  const drained = (now() - sendEnded) / 1000;
  const processes = sampler.stop();
  const elapsed = (now() - sent.startedAt) / 1000;
  const workerCpuPercent =
    (((await worker.request<{ cpuSeconds: number }>('status')).cpuSeconds - workerCpuBefore) / elapsed) * 100;
  const { samples } = await worker.request<{ samples: Float64Array }>('samples', { phase: tag });
  const latency = new LatencyRecorder(4_000_000);
  for (const value of samples) latency.record(value);

  let delivered = 0;
  let updatesComplete = 0;
  for (let index = 0; index < sent.issued; index++) {
    if (!sent.okIndexes[index]) continue;
    delivered += stats.perUpdate[index]!;
    if (stats.perUpdate[index]! >= members - 1) updatesComplete++;
  }
  const bins = new Map(stats.bins);
  let inWindow = 0;
  for (const [bin, count] of bins)
    if (bin * 100 >= sent.startedAt && bin * 100 < sent.endedAt) inWindow += count;
  const lastBin = Math.max(...bins.keys());
  const lastReceive = Number.isFinite(lastBin) ? (lastBin + 1) * 100 : sent.endedAt;
  const span = (Math.max(lastReceive, sent.endedAt) - sent.startedAt) / 1000;
  const sendSeconds = (sent.endedAt - sent.startedAt) / 1000;
  const figures: PhaseFigures = {
    name: options.name,
    mode: options.rate === undefined ? `closed loop, ${members} users` : `open loop ${options.rate}/s`,
    members,
    sentOk: sent.ok,
    sendSeconds,
    acceptedPerSecond: sent.ok / sendSeconds,
    sendErrors: sent.errors,
    httpPatch: sent.http,
    expectedDeliveries: expected,
    delivered,
    updatesComplete,
    deliveredPerSecondInWindow: inWindow / sendSeconds,
    deliveredPerSecondOverall: delivered / span,
    updatesPerSecondOverall: updatesComplete / span,
    drainSeconds: drained,
    latency: latency.summary(),
    selfDeliveries: stats.self,
    duplicates: stats.duplicates,
    processes,
    machineCpuPercent: sampler.machineCpuPercent,
    workerCpuPercent,
  };
  const errorText = Object.entries(sent.errors)
    .map(([key, count]) => `${key}×${count}`)
    .join(' ');
  options.log(
    `   ${options.name}: ${sent.ok} updates accepted (${fixed(figures.acceptedPerSecond, 1)}/s` +
      `${errorText ? `, errors ${errorText}` : ''}), delivered ${delivered}/${expected} ` +
      `(${fixed((100 * delivered) / Math.max(1, expected), 2)} %) after a drain of ${fixed(drained, 1)} s, ` +
      `latency p50/p95/p99 ${fixed(figures.latency.p50, 1)}/${fixed(figures.latency.p95, 1)}/` +
      `${fixed(figures.latency.p99, 1)} ms`,
  );
  return figures;
}

function phaseTable(rows: PhaseFigures[]): string {
  return table(
    [
      'phase',
      'mode',
      'updates ok',
      'accepted/s',
      'PATCH p50/p95 ms',
      'deliv/s in window',
      'deliv/s overall',
      'updates/s e2e',
      'received %',
      'drain s',
      'p50 ms',
      'p95',
      'p99',
      'max',
    ],
    rows.map((row) => [
      row.name,
      row.mode,
      String(row.sentOk),
      fixed(row.acceptedPerSecond, 1),
      `${fixed(row.httpPatch.p50, 1)}/${fixed(row.httpPatch.p95, 1)}`,
      fixed(row.deliveredPerSecondInWindow, 0),
      fixed(row.deliveredPerSecondOverall, 0),
      fixed(row.updatesPerSecondOverall, 1),
      fixed((100 * row.delivered) / Math.max(1, row.expectedDeliveries), 2),
      fixed(row.drainSeconds, 1),
      fixed(row.latency.p50, 1),
      fixed(row.latency.p95, 1),
      fixed(row.latency.p99, 1),
      fixed(row.latency.max, 1),
    ]),
  );
}

function cpuTable(rows: PhaseFigures[]): string {
  const names = rows[0]?.processes.map((process) => process.name) ?? [];
  return table(
    ['phase', ...names.map((name) => `${name} CPU % / RSS MiB`), 'client worker CPU %', 'machine CPU %'],
    rows.map((row) => [
      row.name,
      ...row.processes.map((process) => `${fixed(process.cpuPercent, 0)} / ${fixed(process.rssPeakMiB, 0)}`),
      fixed(row.workerCpuPercent, 0),
      fixed(row.machineCpuPercent, 0),
    ]),
  );
}

void runBench(
  'presence',
  {
    deadlineSeconds:
      180 +
      latencySeconds +
      seconds +
      warmup +
      2 * drainSeconds +
      (querySeconds > 0 ? 2 * querySeconds + 10 : 0),
    description: 'presence updates/s processed and update→delivery latency; GET /presences with 200 ids',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));
    const suffix = randomBytes(4).toString('hex');

    bench.log('starting auth + chat + presence + gateway from apps/*/dist…');
    const stack = await Stack.start({
      services: ['auth', 'chat', 'presence', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${Date.now()}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
        PRESENCE_KEY_PREFIX: `presence-bench-${suffix}`,
      },
      serviceEnv: {
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.bench-${suffix}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
        gateway: { GATEWAY_ROUTES_FILE: benchRoutesFile(directory) },
      },
    });
    bench.onCleanup(() => stack.stop());
    const gateway = stack.gateway;
    const watch: WatchedProcess[] = [
      { name: 'gateway', pid: pidOfServer(gateway.url) },
      { name: 'presence', pid: pidOfServer(stack.service('presence').url) },
    ];
    for (const [name, port, tree] of [
      ['redis', new URL(process.env['REDIS_URL']!).port || '6379', true],
      ['kafka', (process.env['KAFKA_BROKERS'] ?? '').split(',')[0]?.split(':')[1], false],
    ] as const) {
      const pid = port ? findListeningPid(Number(port)) : undefined;
      if (pid !== undefined) watch.push({ name, pid, tree });
    }
    bench.note(
      `services: LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, gateway rate limits raised to ${UNLIMITED}; ` +
        `${userCount} users in one guild, one socket.io client each (one child process)`,
    );

    // ---- users, one guild
    const setupStarted = performance.now();
    const api = new Api(gateway.url);
    const users: AuthResult[] = await inBatches(Array.from({ length: userCount }), 10, () =>
      registerUser(api),
    );
    const owner = api.withToken(users[0]!.accessToken);
    let guildId = '';
    await until(
      'create guild',
      async () => {
        const reply = await owner.post<{ id: string }>('/api/v1/guilds', { name: 'bench' });
        if (reply.status === 201) guildId = reply.body.id;
        return reply.status === 201;
      },
      bench.signal,
    );
    const invite = await owner.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {
      maxUses: userCount + 10,
    });
    if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`);
    await inBatches(users.slice(1), 10, (user) =>
      until(
        'join',
        async () =>
          (await api.withToken(user.accessToken).post(`/api/v1/invites/${invite.body.code}`)).status < 300,
        bench.signal,
      ),
    );

    // ---- one client per user
    const worker = ClientWorker.fork('presence');
    bench.onCleanup(async () => {
      await Promise.race([worker.request('close').catch(() => undefined), sleep(3_000)]);
      worker.stop();
    });
    const connected = await worker.request<{ ok: number; errors: Record<string, number> }>('connect', {
      url: gateway.url,
      clients: users.map((user) => ({ token: user.accessToken, userId: user.user.id })),
      concurrency: 10,
    });
    if (connected.ok !== users.length)
      throw new Error(`connected ${connected.ok}/${users.length}: ${JSON.stringify(connected.errors)}`);
    // presence has projected every membership and sees every connection
    const last = api.withToken(users.at(-1)!.accessToken);
    await until(
      'every member online in GET /presences/guilds',
      async () => {
        const reply = await last.get<{ status: string }[]>(`/api/v1/presences/guilds/${guildId}`);
        return (
          reply.status === 200 && reply.body.filter((entry) => entry.status !== 'offline').length >= userCount
        );
      },
      bench.signal,
    );
    bench.log(
      `set-up: ${users.length} users in guild ${guildId}, ${connected.ok} clients ready, ` +
        `in ${fixed((performance.now() - setupStarted) / 1000, 1)} s`,
    );

    const agent = new Agent({ keepAlive: true, maxSockets: userCount + 8 });
    bench.onCleanup(() => agent.destroy());
    const send = (tag: string, perSecond: number | undefined, length: number) =>
      sendUpdates({
        gatewayUrl: gateway.url,
        users,
        tag,
        rate: perSecond,
        seconds: length,
        capacity: CAPACITY,
        agent,
        signal: bench.signal,
      });
    const rows: PhaseFigures[] = [];
    const common = { worker, members: userCount, send, watch, log: bench.log };

    // warm-up (caches, Kafka consumers, JIT): a few seconds of the open loop, not recorded
    if (warmup > 0) await phase({ ...common, name: 'warm-up', tag: 'w', rate, seconds: warmup });
    if (latencySeconds > 0) {
      bench.log(`-- latency: ${rate} updates/s for ${latencySeconds} s`);
      rows.push(
        await phase({ ...common, name: `latency ${rate}/s`, tag: 'l', rate, seconds: latencySeconds }),
      );
    }
    for (const step of steps) {
      bench.log(`-- open loop: ${step} updates/s for ${stepSeconds} s`);
      rows.push(
        await phase({ ...common, name: `step ${step}/s`, tag: `s${step}`, rate: step, seconds: stepSeconds }),
      );
    }
    if (seconds > 0) {
      bench.log(`-- throughput: ${userCount} users PATCHing back to back for ${seconds} s`);
      if (warmup > 0) await phase({ ...common, name: 'warm-up', tag: 'tw', seconds: warmup });
      rows.push(await phase({ ...common, name: 'throughput', tag: 't', seconds }));
    }
    if (rows.length > 0) {
      bench.section(
        `== presence: update → presence.updated at the other ${userCount - 1} members (ms)`,
        phaseTable(rows),
        'phases',
        rows,
      );
      bench.section('== presence: processes during the phases (CPU % of one core)', cpuTable(rows));
    }
    const status = await worker.request<{ connected: number; disconnects: Record<string, number> }>('status');
    bench.log(
      `clients still connected: ${status.connected}/${userCount}, disconnects ${JSON.stringify(status.disconnects)}`,
    );

    // ---- GET /presences with 200 ids: the members + ids nobody shares a guild with (answer offline)
    if (querySeconds > 0) {
      const ids = users.map((user) => user.user.id);
      for (let fake = 0; ids.length < QUERY_IDS; fake++)
        ids.push(String(9_000_000_000_000_000n + BigInt(fake)));
      const path = `/api/v1/presences?userIds=${ids.slice(0, QUERY_IDS).join(',')}`;
      const headers = users.map((user) => ({ authorization: `Bearer ${user.accessToken}` }));
      for (const connections of [queryConnections, 1]) {
        await bench.load({
          name: `GET presences ${QUERY_IDS} ids, ${connections} conns`,
          target: gateway.url,
          request: (_, connection) => ({ path, headers: headers[connection % headers.length]! }),
          connections,
          warmupSeconds: 2,
          durationSeconds: connections === 1 ? Math.max(3, Math.round(querySeconds / 2)) : querySeconds,
          watch,
        });
      }
    }
  },
);
