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
 * outbox) → Kafka → gateway consumer → per packet: the dispatch's JSON encoded once
 * (apps/gateway/src/realtime/dispatch-frame.ts), each session in the rooms gets its next sequence number,
 * a reference in its replay ring (in the gateway's memory; Redis keeps only the session record) and the
 * shared text behind its own `{"seq":N,` prefix (realtime protocol 1), or one frame for the room (protocol 2,
 * BENCH_PROTOCOL, the default) → socket. Latency = receive time at the client − send
 * time embedded in the content (same machine).
 * Clients live in child processes (lib/socket-clients.worker.ts with the message probe, 2 by default): their fds are not the
 * bench's, and they decode dispatches in parallel; they share the 2 cores with every service.
 * Users: a few (default 50 active + 50 idle) registered, many connections per user
 * (REALTIME_MAX_CONNECTIONS_PER_USER raised): registering 10,000 users would be argon2 time, not realtime.
 * Run: node tools/bench/run.mjs realtime [--clients 1000] [--users 50] [--rate 100] [--seconds 12]
 *      [--warmup 2] [--drain 30] [--steps 10,20,40] [--step-seconds 8] [--connections 5000,10000]
 *      [--hold 30] [--idle-users 50] [--ping-interval 10000] [--workers 2] [--skip-a] [--skip-b] [--skip-c]
 *      [--platform]   (every service up, search indexing, LOG_LEVEL=info: the platform as users run it)
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { Stack } from '../../e2e/support/stack';
import {
  benchRoutesFile,
  ClientWorker,
  findListeningPid,
  pidOfServer,
  ProcessSampler,
  readCpuSeconds,
  readRssKiB,
  runBench,
  table,
  UNLIMITED,
  type WatchedProcess,
} from './lib';
import {
  connectClients,
  deliveryPhase,
  cpuTable,
  type DeliveryFigures,
  deliveryTable,
  fdCount,
  fixed,
  guildWithMembers,
  inBatches,
  MiB,
  recordText,
  sendAtRate,
  sleep,
  statusOf,
} from './lib/realtime-delivery';

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
    platform: { type: 'boolean', default: false },
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
/**
 * --platform: the whole platform as users run it — every service up (file, search indexing each message,
 * voice), default log level (info) — instead of only what the realtime path needs.
 */
const platform = args.platform;
if (platform) process.env['E2E_LOG_LEVEL'] ??= 'info';

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
      // Presence too, as the platform runs: without it every handshake's presence report fails and logs.
      services: platform
        ? ['auth', 'chat', 'presence', 'file', 'search', 'voice', 'gateway']
        : ['auth', 'chat', 'presence', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${Date.now()}`,
        PRESENCE_KEY_PREFIX: `presence-bench-${Date.now()}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
      },
      serviceEnv: {
        chat: { CHAT_SEND_LIMIT_PER_10S: UNLIMITED },
        presence: {
          PRESENCE_CONSUMER_GROUP: `presence.projection.bench-${Date.now()}`,
          PRESENCE_PROJECTION_START_FROM: 'latest',
        },
        gateway: gatewayEnv,
      },
    });
    bench.onCleanup(() => stack.stop());
    const gateway = stack.gateway;
    const gatewayPid = pidOfServer(gateway.url);
    // E2E_SHAPE=standalone: one process runs every service on its embedded parts, and no server is used.
    const standalone = stack.shape === 'standalone';
    const watch: WatchedProcess[] = standalone
      ? [{ name: 'standalone (every service)', pid: gatewayPid }]
      : [
          { name: 'gateway', pid: gatewayPid },
          ...(platform ? ['chat', 'auth', 'presence', 'search', 'file', 'voice'] : ['chat', 'auth']).map(
            (name) => ({
              name,
              pid: pidOfServer(stack.service(name).url),
            }),
          ),
        ];
    for (const [name, port, tree] of standalone
      ? []
      : ([
          ['postgres', process.env['POSTGRES_PORT'], true],
          ['redis', new URL(process.env['REDIS_URL']!).port || '6379', true],
          ['kafka', (process.env['KAFKA_BROKERS'] ?? '').split(',')[0]?.split(':')[1], false],
          // search indexes every message into it when the whole platform runs
          ...(platform
            ? ([
                [
                  'elasticsearch',
                  new URL(process.env['ELASTICSEARCH_URL'] ?? 'http://127.0.0.1:9200').port,
                  false,
                ],
              ] as const)
            : []),
        ] as const)) {
      const pid = port ? findListeningPid(Number(port)) : undefined;
      if (pid !== undefined) watch.push({ name, pid, tree });
    }
    const workers = Array.from({ length: workerCount }, () => ClientWorker.fork('message'));
    bench.onCleanup(() => workers.forEach((worker) => worker.stop()));
    await Promise.all(workers.map((worker) => worker.started));
    bench.note(
      `${standalone ? 'the standalone shape (one process, embedded parts); ' : ''}services: ${platform ? 'the whole platform (auth, chat, presence, file, search, voice, gateway)' : 'auth, chat, presence, gateway'}, ` +
        `LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, one gateway process, rate limits raised to ` +
        `${UNLIMITED} (gateway global + per-route, chat CHAT_SEND_LIMIT_PER_10S), REALTIME_MAX_CONNECTIONS_PER_USER=${UNLIMITED}, ` +
        `REALTIME_PING_INTERVAL_MS=REALTIME_PING_TIMEOUT_MS=${pingIntervalMs}, other REALTIME_* defaults ` +
        `(replay buffer ${process.env['REALTIME_REPLAY_BUFFER_SIZE'] ?? 1000}, max pending ${process.env['REALTIME_MAX_PENDING_PACKETS'] ?? 1000}); ` +
        `clients in ${workerCount} child processes (socket.io-client, websocket transport); ` +
        `${process.env['BENCH_BATCH'] === '1' ? 'Bonfire clients ask for dispatch batches (BENCH_BATCH=1)' : 'single dispatches (no batching)'}`,
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
    const makeGuild = (users: AuthResult[], name: string) => guildWithMembers(api, users, name, bench.signal);
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
        maxInFlight,
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
