/**
 * Issue 17 item 4: Bonfire's realtime gateway beside a bare socket.io server, in the same run and the same
 * process layout, so that every figure is printed with its ratio (Bonfire / bare). The phases (c) spread
 * over channels and (d) two gateways are in realtime-scale.bench.ts.
 *
 *   (b) idle sockets: N (default 5,000) idle clients connected to the bare server, held, closed; then the
 *       same to the gateway (full sessions); server RSS per connection for each, and the ratio.
 *   (a) 1,000 clients in one room/channel, message rate stepped up (default 10 → 250 msg/s, 5 s a step),
 *       bare and Bonfire alternating at each rate (so both see the same neighbours); a target stops at its
 *       first step that misses p99 < 50 ms or 100 % delivered (or whose sender falls behind). Deliveries/s
 *       sustained = the last step that passed (sent ok/s × clients), side by side, with the ratio.
 *
 * Layout, the same for both targets: the server under test is one Node process (the gateway from
 * apps/gateway/dist with auth + chat + presence on the real Postgres/Redis/Kafka, lib/realtime-stack.ts, or
 * lib/bare-socketio.server.ts); its clients are real socket.io-client sockets (websocket) in their own 2
 * child processes (lib/socket-clients.worker.ts, `message` probe); the sender is the bench process, open
 * loop, POST `/api/v1/channels/{id}/messages` to the server under test. Bonfire's path is gateway → chat
 * (Postgres, outbox) → Kafka → the gateway consuming the event (one consumer group; with several gateways
 * it forwards the packet to the others through Redis) → per packet: the dispatch's JSON encoded once
 * (apps/gateway/src/realtime/dispatch-frame.ts), each session in the rooms gets its next sequence number,
 * a reference in its replay ring (in that gateway's memory; Redis keeps only the session record) and the
 * shared text behind its own `{"seq":N,` prefix (realtime protocol 1), or one frame for the room (protocol 2,
 * BENCH_PROTOCOL, the default). The bare one is `io.to(room).emit(...)` from the POST
 * handler (encoded once for the room). Latency = receive time in the client worker − send time in the
 * content.
 *
 * --profile <dir>: both servers and chat run with `--inspect`; a CPU profile of each is taken over (a), and
 * of the gateway and chat over (b)'s handshakes (V8's sampler through the inspector, idle excluded from
 * the summary); written to <dir>/*.cpuprofile and summarised (self time per function with src file:line,
 * time with callees, per package).
 *
 * --gateway-node-args=<flags>: node or V8 flags for the gateway alone (e.g. GC settings tried for (b)).
 *
 * --feed bus: in (a) the gateway's messages come from Kafka (lib/bus-feed.ts: message.created published as
 * chat's outbox relay publishes it), not from the POST through gateway and chat; the bare server still gets
 * its POST. It measures what the gateway itself sustains when the send path is not on the same two cores
 * (as in a deployment, where chat, Postgres and Kafka have machines of their own); Kafka stays on the box.
 *
 * Run: node tools/bench/run.mjs realtime-baseline [--clients 1000] [--users 50]
 *      [--steps 10,20,25,30,35,40,45,50,55,60,65,75,90,120,160,200,250] [--step-seconds 5] [--drain 10] [--p99 50]
 *      [--connections 5000] [--idle-users 50] [--hold 15] [--ping-interval 10000] [--workers 2]
 *      [--max-in-flight 64] [--bare-adapter memory|redis] [--profile <dir>] [--feed post|bus] [--skip-a] [--skip-b]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { type ClientWorker, ProcessSampler, readRssKiB, runBench, table, UNLIMITED } from './lib';
import { BareSocketIoServer } from './lib/bare-socketio';
import { BusFeed, feedsFromBus } from './lib/bus-feed';
import { freePort, inspectArgs, InspectorProfiler, startProfilers, writeProfiles } from './lib/cpu-profile';
import {
  clientsNote,
  connectClients,
  cpuMicrosPerDelivery,
  writesPerDelivery,
  type DeliveryFigures,
  deliveryPhase,
  fdCount,
  fixed,
  guildWithMembers,
  inBatches,
  latencyText,
  MiB,
  othersCpu,
  ratio,
  recordText,
  sendAtRate,
  sleep,
  statusOf,
  waitIdle,
} from './lib/realtime-delivery';
import { heapGrowth, summarizeHeapSnapshot } from './lib/heap-summary';
import { forkMessageWorkers, nodeFlagsEnv, startRealtimeStack } from './lib/realtime-stack';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    users: { type: 'string', default: '50' },
    steps: { type: 'string', default: '10,20,25,30,35,40,45,50,55,60,65,75,90,120,160,200,250' },
    'step-seconds': { type: 'string', default: '5' },
    drain: { type: 'string', default: '10' },
    p99: { type: 'string', default: '50' },
    connections: { type: 'string', default: '5000' },
    'idle-users': { type: 'string', default: '50' },
    hold: { type: 'string', default: '15' },
    'ping-interval': { type: 'string', default: '10000' },
    workers: { type: 'string', default: '2' },
    'max-in-flight': { type: 'string', default: '64' },
    retries: { type: 'string', default: '1' },
    'bare-adapter': { type: 'string', default: 'memory' },
    profile: { type: 'string' },
    heap: { type: 'boolean', default: false },
    'gateway-node-args': { type: 'string', default: '' },
    'skip-a': { type: 'boolean', default: false },
    'skip-b': { type: 'boolean', default: false },
    feed: { type: 'string', default: 'post' },
  },
});
const clientCount = Number(args.clients);
const userCount = Number(args.users);
const steps = args.steps.split(',').filter(Boolean).map(Number);
const stepSeconds = Number(args['step-seconds']);
const drainSeconds = Number(args.drain);
const p99Limit = Number(args.p99);
const idleTarget = Number(args.connections);
const idleUserCount = args['skip-b'] ? 0 : Number(args['idle-users']);
const holdSeconds = Number(args.hold);
const pingIntervalMs = Number(args['ping-interval']);
const workerCount = Number(args.workers);
const maxInFlight = Number(args['max-in-flight']);
const retries = Number(args.retries);
const bareAdapter = args['bare-adapter'] === 'redis' ? 'redis' : 'memory';
const profileDir = args.profile ? resolve(args.profile) : undefined;
/** `bus`: (a) feeds the gateway from Kafka (lib/bus-feed.ts) instead of the POST through gateway and chat. */
const feedFromBus = feedsFromBus(args.feed);
const socketIoVersion = (
  JSON.parse(readFileSync(resolve(__dirname, '../../node_modules/socket.io/package.json'), 'utf8')) as {
    version: string;
  }
).version;

type TargetName = 'bare' | 'bonfire';

interface Target {
  name: TargetName;
  label: string;
  url: string;
  pid: number;
  workers: ClientWorker[];
  /** Channel the sender posts to (the bare server takes any id). */
  channelId: string;
  profilerPort?: number;
}

interface StepResult {
  rate: number;
  target: TargetName;
  /** 0, or the retry of a step that failed (noise on a shared box): the last attempt counts. */
  attempt: number;
  figures: DeliveryFigures;
  passed: boolean;
  why: string;
}

function verdict(figures: DeliveryFigures, rate: number): { passed: boolean; why: string } {
  const reasons: string[] = [];
  if (figures.delivered < figures.expectedDeliveries)
    reasons.push(
      `${fixed((100 * figures.delivered) / Math.max(1, figures.expectedDeliveries), 1)} % delivered`,
    );
  if (!(figures.latency.p99 < p99Limit)) reasons.push(`p99 ${fixed(figures.latency.p99, 0)} ms`);
  if (figures.duplicates > 0) reasons.push(`${figures.duplicates} duplicates`);
  if (figures.skipped > 0 || figures.sentOk < 0.98 * rate * stepSeconds)
    reasons.push(`sender behind (${fixed(figures.sentRate, 1)}/s ok, ${figures.skipped} skipped)`);
  return { passed: reasons.length === 0, why: reasons.join(', ') || 'ok' };
}

void runBench(
  'realtime-baseline',
  {
    deadlineSeconds:
      150 +
      (args['skip-b'] ? 0 : 2 * (holdSeconds + 90)) +
      (args['skip-a'] ? 0 : 60 + steps.length * 2 * (stepSeconds + 4) + 2 * (drainSeconds + 30)),
    description: 'bare socket.io vs the Bonfire gateway, same run, same process layout (issue 17 item 4)',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));
    const gatewayInspect = profileDir || args.heap ? await freePort() : undefined;
    const bareInspect = profileDir || args.heap ? await freePort() : undefined;
    const chatInspect = profileDir ? await freePort() : undefined;

    bench.log('starting auth + chat + presence + gateway from apps/*/dist, and the bare socket.io server…');
    const { stack, gatewayPids, watch } = await startRealtimeStack(bench, {
      directory,
      pingIntervalMs,
      gatewayEnv: nodeFlagsEnv(args['gateway-node-args'], gatewayInspect ? inspectArgs(gatewayInspect) : []),
      chatEnv: nodeFlagsEnv('', chatInspect ? inspectArgs(chatInspect) : []),
    });
    const gatewayPid = gatewayPids[0]!;
    const bare = await BareSocketIoServer.start(
      {
        pingIntervalMs,
        pingTimeoutMs: pingIntervalMs,
        adapter: bareAdapter,
        redisUrl: process.env['REDIS_URL'],
      },
      bareInspect ? inspectArgs(bareInspect) : [],
    );
    bench.onCleanup(() => bare.stop());
    watch.unshift({ name: 'bare', pid: bare.pid });
    const bareWorkers = await forkMessageWorkers(bench, workerCount);
    const bonfireWorkers = await forkMessageWorkers(bench, workerCount);
    bench.note(
      `bare: socket.io ${socketIoVersion} (${bareAdapter} adapter), the gateway's Server options, ` +
        `one room, one emit per message; Bonfire: one gateway process (auth + chat + Postgres/Redis/Kafka), ` +
        `LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, rate limits raised to ${UNLIMITED}, ` +
        `REALTIME_PING_INTERVAL_MS=REALTIME_PING_TIMEOUT_MS=${pingIntervalMs} (bare the same), other REALTIME_* defaults; ` +
        `${clientsNote(workerCount)}; ` +
        `${process.env['BENCH_BATCH'] === '1' ? 'Bonfire clients ask for dispatch batches (BENCH_BATCH=1)' : 'single dispatches (no batching)'}` +
        (feedFromBus
          ? '; (a) feeds the gateway from Kafka (--feed bus: message.created as the outbox relay publishes it, ' +
            'no POST through gateway and chat); the bare server gets its POST'
          : ''),
    );

    // ---- users, guilds
    const setupStarted = performance.now();
    const api = new Api(stack.gateway.url);
    const registered: AuthResult[] = await inBatches(
      Array.from({ length: userCount + idleUserCount }),
      8,
      () => registerUser(api),
    );
    const active = registered.slice(0, userCount);
    const idle = registered.slice(userCount);
    const busy = await guildWithMembers(api, active, 'bench-busy', bench.signal);
    await guildWithMembers(api, idle, 'bench-idle', bench.signal);
    bench.log(
      `set-up: ${registered.length} users registered and joined to their guilds in ` +
        `${fixed((performance.now() - setupStarted) / 1000, 1)} s`,
    );
    await sleep(2_000);

    const targets: Target[] = [
      {
        name: 'bare',
        label: `bare socket.io (${bareAdapter})`,
        url: bare.url,
        pid: bare.pid,
        workers: bareWorkers,
        channelId: busy!.channelId,
        profilerPort: bareInspect,
      },
      {
        name: 'bonfire',
        label: feedFromBus ? 'Bonfire gateway (fed from Kafka)' : 'Bonfire gateway',
        url: stack.gateway.url,
        pid: gatewayPid,
        workers: bonfireWorkers,
        channelId: busy!.channelId,
        profilerPort: gatewayInspect,
      },
    ];

    // ------------------------------------------------------------------ (b) idle sockets
    if (!args['skip-b']) {
      bench.log(`-- (b) idle sockets: ${idleTarget} clients on each server, held ${holdSeconds} s`);
      const idleTokens = idle.map((user) => user.accessToken);
      const rows: Record<string, unknown>[] = [];
      for (const target of targets) {
        const waited = await waitIdle(target.pid, 30, bench.signal);
        const inspector =
          args.heap && target.profilerPort ? await InspectorProfiler.connect(target.profilerPort) : undefined;
        const baseHeap = await inspector?.liveHeap();
        const baseKinds = inspector ? summarizeHeapSnapshot(await inspector.heapSnapshot()) : undefined;
        const baseRss = readRssKiB(target.pid);
        const baseFds = fdCount(target.pid);
        const tokens = Array.from(
          { length: idleTarget },
          (_, index) => idleTokens[index % idleTokens.length]!,
        );
        // --profile: where a handshake's time goes, in the gateway and in chat (its `ready` state).
        const rampProfilers =
          profileDir && !args.heap && target.name === 'bonfire'
            ? await startProfilers(bench, [
                { name: 'gateway', port: target.profilerPort },
                { name: 'chat', port: chatInspect },
              ])
            : new Map<string, InspectorProfiler>();
        const ramp = await connectClients(target.workers, target.url, tokens, 100);
        await writeProfiles(bench, rampProfilers, profileDir!, 'b-handshakes', 'the handshakes of (b)');
        const before = await statusOf(target.workers);
        const sampler = new ProcessSampler(watch.filter((entry) => entry.pid === target.pid));
        sampler.start();
        // RSS every 15 s of the hold: whether V8 gives back what the ramp's garbage took, and when
        const rssOverHold: { second: number; kib: number }[] = [];
        for (let second = 0; second < holdSeconds && !bench.signal.aborted;) {
          const slice = Math.min(15, holdSeconds - second);
          await sleep(slice * 1000);
          second += slice;
          rssOverHold.push({ second, kib: readRssKiB(target.pid) });
        }
        const [stats] = sampler.stop();
        const held = await statusOf(target.workers);
        const rss = readRssKiB(target.pid);
        // --heap: the live JS heap after a full collection, so garbage left by the ramp is not counted.
        const heldHeap = await inspector?.liveHeap();
        const rssAfterGc = inspector ? readRssKiB(target.pid) : NaN;
        if (inspector && baseKinds) {
          const growth = heapGrowth(baseKinds, summarizeHeapSnapshot(await inspector.heapSnapshot()));
          const perConnection = (value: number) => value / Math.max(1, held.connected);
          bench.section(
            `== ${target.label}: what the ${held.connected} idle connections hold on the JS heap, per connection (top 25 kinds)`,
            table(
              ['kind', 'objects/conn', 'bytes/conn'],
              growth
                .slice(0, 25)
                .map((entry) => [
                  entry.kind,
                  fixed(perConnection(entry.count), 2),
                  fixed(perConnection(entry.bytes), 0),
                ]),
            ),
            `heap-kinds-${target.name}`,
            growth.slice(0, 100),
          );
        }
        inspector?.close();
        const liveHeapPerConnectionKiB =
          baseHeap && heldHeap
            ? (heldHeap.usedSize - baseHeap.usedSize) / 1024 / Math.max(1, held.connected)
            : NaN;
        const row = {
          target: target.name,
          label: target.label,
          idleWaitSeconds: waited,
          connected: ramp.ok,
          refused: ramp.errors,
          rampSeconds: ramp.seconds,
          connectsPerSecond: ramp.ok / ramp.seconds,
          connectP50: ramp.connectP50,
          connectP95: ramp.connectP95,
          connectedAfterHold: held.connected,
          disconnects: Object.fromEntries(
            Object.entries(held.disconnects).map(([key, count]) => [
              key,
              count - (before.disconnects[key] ?? 0),
            ]),
          ),
          pings: held.pings - before.pings,
          rssBaseMiB: MiB(baseRss),
          rssHeldMiB: MiB(rss),
          rssPerConnectionKiB: (rss - baseRss) / Math.max(1, held.connected),
          rssOverHoldKiBPerConnection: rssOverHold.map(({ second, kib }) => ({
            second,
            perConnection: (kib - baseRss) / Math.max(1, held.connected),
          })),
          liveHeapPerConnectionKiB,
          rssAfterGcPerConnectionKiB: (rssAfterGc - baseRss) / Math.max(1, held.connected),
          fds: fdCount(target.pid) - baseFds,
          cpuInHold: stats?.cpuPercent ?? NaN,
          clientRssMiB: held.rssMiB,
        };
        rows.push(row);
        bench.log(
          `   ${target.label}: ${ramp.ok}/${idleTarget} in ${fixed(ramp.seconds, 1)} s, ${held.connected} after the hold; ` +
            `RSS ${fixed(row.rssBaseMiB, 0)} → ${fixed(row.rssHeldMiB, 0)} MiB (${fixed(row.rssPerConnectionKiB, 1)} KiB/conn; ` +
            `over the hold ${row.rssOverHoldKiBPerConnection.map((entry) => `${entry.second} s ${fixed(entry.perConnection, 1)}`).join(', ')})` +
            (inspector
              ? `; after a full GC: live JS heap +${fixed(liveHeapPerConnectionKiB, 1)} KiB/conn, RSS +${fixed(row.rssAfterGcPerConnectionKiB, 1)} KiB/conn`
              : ''),
        );
        await Promise.all(target.workers.map((worker) => worker.request('close')));
        for (const worker of target.workers) worker.clients = 0;
        await sleep(2_000);
      }
      const [bareRow, bonfireRow] = rows as Record<string, number>[];
      bench.section(
        `== (b) idle sockets: ${idleTarget} clients per server, held ${holdSeconds} s (heartbeats every ${pingIntervalMs / 1000} s)`,
        table(
          [
            'server',
            'connected',
            'connects/s',
            'connect p50/p95 ms',
            'refused',
            `after ${holdSeconds} s`,
            'disconnects',
            'RSS MiB base → held',
            'KiB/conn',
            'fds added',
            'CPU % in hold',
          ],
          rows.map((row) => [
            String(row['label']),
            String(row['connected']),
            fixed(row['connectsPerSecond'] as number, 0),
            `${fixed(row['connectP50'] as number, 0)}/${fixed(row['connectP95'] as number, 0)}`,
            recordText(row['refused'] as Record<string, number>),
            String(row['connectedAfterHold']),
            recordText(row['disconnects'] as Record<string, number>),
            `${fixed(row['rssBaseMiB'] as number, 0)} → ${fixed(row['rssHeldMiB'] as number, 0)}`,
            fixed(row['rssPerConnectionKiB'] as number, 1),
            String(row['fds']),
            fixed(row['cpuInHold'] as number, 1),
          ]),
        ) +
          `\nratio Bonfire / bare: RSS per connection ${ratio(bonfireRow!['rssPerConnectionKiB']!, bareRow!['rssPerConnectionKiB']!)}, ` +
          `connects/s ${ratio(bonfireRow!['connectsPerSecond']!, bareRow!['connectsPerSecond']!)}, ` +
          `CPU in hold ${ratio(bonfireRow!['cpuInHold']!, bareRow!['cpuInHold']!)}`,
        'idle',
        rows,
      );
    }

    // ------------------------------------------------------------------ (a) deliveries/s at p99 < limit
    if (!args['skip-a']) {
      bench.log(
        `-- (a) ${clientCount} clients in one channel/room per server, rates ${steps.join(', ')} msg/s, ` +
          `${stepSeconds} s a step, bare and Bonfire alternating; pass = 100 % delivered and p99 < ${p99Limit} ms`,
      );
      const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
      bench.onCleanup(() => agent.destroy());
      const activeTokens = active.map((user) => user.accessToken);
      const tokens = Array.from(
        { length: clientCount },
        (_, index) => activeTokens[index % activeTokens.length]!,
      );
      // --feed bus: the gateway's messages come from Kafka, copies of one sent through the API
      const feed = feedFromBus
        ? await BusFeed.open(
            api,
            [{ channelId: busy!.channelId, token: active[0]!.accessToken }],
            bench.signal,
          )
        : undefined;
      if (feed) bench.onCleanup(() => feed.close());
      const sendTo = (target: Target) => (tag: string, rate: number, seconds: number, capacity: number) =>
        feed && target.name === 'bonfire'
          ? feed.publishAtRate({
              channelIds: [target.channelId],
              tag,
              rate,
              seconds,
              capacity,
              signal: bench.signal,
              maxInFlight,
            })
          : sendAtRate({
              gatewayUrl: target.url,
              channelId: target.channelId,
              tokens: activeTokens,
              tag,
              rate,
              seconds,
              capacity,
              agent,
              signal: bench.signal,
              maxInFlight,
            });
      for (const target of targets) {
        // the bare server's clients name their room (the channel the sender posts to)
        const channels = target.name === 'bare' ? tokens.map(() => target.channelId) : undefined;
        const connected = await connectClients(target.workers, target.url, tokens, 50, channels);
        bench.log(
          `   ${target.label}: ${connected.ok}/${clientCount} clients ready in ${fixed(connected.seconds, 1)} s ` +
            `(refused ${recordText(connected.errors)})`,
        );
        if (connected.ok < clientCount)
          throw new Error(`${target.name}: only ${connected.ok} clients connected`);
        // one message first: every client's path warm
        await Promise.all(
          target.workers.map((worker) => worker.request('phase', { phase: 'first', capacity: 2 })),
        );
        await sendTo(target)('first', 1, 1, 2);
      }
      await sleep(1_000);

      // chat too: the Bonfire side's send path (checks, insert, outbox relay) shares the box with the fan-out
      const profiled = [
        ...targets.map((target) => ({ name: target.name as string, port: target.profilerPort })),
        { name: 'chat', port: chatInspect },
      ];
      const profilers = await startProfilers(bench, profiled);
      const phaseStarted = performance.now();
      const results: StepResult[] = [];
      const going = new Set<TargetName>(['bare', 'bonfire']);
      for (const [index, rate] of steps.entries()) {
        for (const target of targets) {
          if (!going.has(target.name) || bench.signal.aborted) continue;
          for (let attempt = 0; attempt <= retries; attempt++) {
            const figures = await deliveryPhase({
              name: `${target.name} ${rate} msg/s${attempt ? ` (retry ${attempt})` : ''}`,
              tag: `${target.name[0]}${index}.${attempt}`,
              rate,
              warmupSeconds: 0,
              sendSeconds: stepSeconds,
              drainLimitSeconds: drainSeconds,
              workers: target.workers,
              clients: clientCount,
              send: sendTo(target),
              watch,
              log: bench.log,
            });
            const { passed, why } = verdict(figures, rate);
            results.push({ rate, target: target.name, attempt, figures, passed, why });
            if (!passed) {
              // a backlog left behind would take CPU from the next step (this target's or the other's)
              const waited = await waitIdle(target.pid, 30, bench.signal);
              bench.log(
                `   ${target.name} misses ${rate} msg/s (${why}); idle again after ${fixed(waited, 1)} s`,
              );
            }
            if (passed) break;
            if (attempt === retries) going.delete(target.name);
          }
          await sleep(500);
        }
        if (going.size === 0) break;
      }
      const phaseSeconds = (performance.now() - phaseStarted) / 1000;
      await writeProfiles(bench, profilers, profileDir!, 'a', '(a)');

      const byRate = new Map<number, Partial<Record<TargetName, StepResult>>>();
      for (const result of results)
        byRate.set(result.rate, { ...byRate.get(result.rate), [result.target]: result });
      const best = (name: TargetName) => {
        const passed = [...byRate.values()].flatMap((pair) => (pair[name]?.passed ? [pair[name]] : []));
        const last = passed.at(-1);
        return {
          rate: last?.rate ?? 0,
          deliveries: last ? last.figures.sentRate * clientCount : 0,
          /** true when the highest step passed: the figure is a lower bound */
          open: last?.rate === steps.at(-1),
          figures: last?.figures,
        };
      };
      const common = [...byRate.values()].filter((pair) => pair.bare && pair.bonfire);
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const cpuBare = mean(common.map((pair) => cpuMicrosPerDelivery(pair.bare!.figures, 'bare')));
      const cpuGateway = mean(common.map((pair) => cpuMicrosPerDelivery(pair.bonfire!.figures, 'gateway')));
      const cpuRedis = mean(common.map((pair) => cpuMicrosPerDelivery(pair.bonfire!.figures, 'redis')));
      const kernelBare = mean(
        common.map((pair) => cpuMicrosPerDelivery(pair.bare!.figures, 'bare', 'kernel')),
      );
      const kernelGateway = mean(
        common.map((pair) => cpuMicrosPerDelivery(pair.bonfire!.figures, 'gateway', 'kernel')),
      );
      const writesBare = mean(common.map((pair) => writesPerDelivery(pair.bare!.figures, 'bare')));
      const writesGateway = mean(common.map((pair) => writesPerDelivery(pair.bonfire!.figures, 'gateway')));
      const bareBest = best('bare');
      const bonfireBest = best('bonfire');
      const cell = (result: StepResult | undefined, pick: (result: StepResult) => string) =>
        result ? pick(result) : '';
      const latencyCell = (result: StepResult) => latencyText(result.figures);
      const receivedCell = (result: StepResult) =>
        `${fixed((100 * result.figures.delivered) / Math.max(1, result.figures.expectedDeliveries), 1)}`;
      const perDelivery = (result: StepResult, name: string) =>
        fixed(cpuMicrosPerDelivery(result.figures, name), 1);
      bench.section(
        `== (a) ${clientCount} clients in one channel: bare socket.io vs Bonfire, same run (latency ms p50/p95/p99)`,
        table(
          [
            'msg/s',
            'deliv/s offered',
            'bare p50/p95/p99',
            'bare recv %',
            'bare CPU %',
            'bare µs/deliv',
            'Bonfire p50/p95/p99',
            'Bonfire recv %',
            'gateway CPU %',
            'gateway µs/deliv',
            'redis µs/deliv',
            'chat+kafka+pg CPU %',
            'p99 ratio',
            'machine CPU % (bare/Bonfire)',
            'others CPU % (bare/Bonfire)',
            'verdict (bare / Bonfire)',
          ],
          [...byRate.entries()].map(([rate, pair]) => {
            const cpu = (result: StepResult | undefined, name: string) =>
              result?.figures.processes.find((entry) => entry.name === name)?.cpuPercent ?? NaN;
            const b = pair.bare;
            const g = pair.bonfire;
            return [
              String(rate),
              String(rate * clientCount),
              cell(b, latencyCell),
              cell(b, receivedCell),
              cell(b, () => fixed(cpu(b, 'bare'), 0)),
              cell(b, (result) => perDelivery(result, 'bare')),
              cell(g, latencyCell),
              cell(g, receivedCell),
              cell(g, () => fixed(cpu(g, 'gateway'), 0)),
              cell(g, (result) => perDelivery(result, 'gateway')),
              cell(g, (result) => perDelivery(result, 'redis')),
              cell(g, () => fixed(cpu(g, 'chat') + cpu(g, 'kafka') + cpu(g, 'postgres'), 0)),
              b && g ? ratio(g.figures.latency.p99, b.figures.latency.p99) : '',
              `${cell(b, (result) => fixed(result.figures.machineCpuPercent, 0))} / ${cell(g, (result) => fixed(result.figures.machineCpuPercent, 0))}`,
              `${cell(b, (result) => fixed(othersCpu(result.figures), 0))} / ${cell(g, (result) => fixed(othersCpu(result.figures), 0))}`,
              `${b ? (b.passed ? 'ok' : b.why) + (b.attempt ? ' (retried)' : '') : '-'} / ${g ? (g.passed ? 'ok' : g.why) + (g.attempt ? ' (retried)' : '') : '-'}`,
            ];
          }),
        ) +
          `\n\nclient workers' CPU % (bare / Bonfire) per step: ${[...byRate.entries()]
            .map(
              ([rate, pair]) =>
                `${rate}: ${fixed(pair.bare?.figures.workerCpuPercent ?? NaN, 0)}/${fixed(pair.bonfire?.figures.workerCpuPercent ?? NaN, 0)}`,
            )
            .join(', ')}` +
          `\n(a) took ${fixed(phaseSeconds, 0)} s\n` +
          `\nserver CPU per delivery, mean over the steps both ran (robust to neighbours, unlike latency): ` +
          `bare ${fixed(cpuBare, 1)} µs, Bonfire gateway ${fixed(cpuGateway, 1)} µs ${ratio(cpuGateway, cpuBare)} ` +
          `(+ Redis ${fixed(cpuRedis, 1)} µs: ${ratio(cpuGateway + cpuRedis, cpuBare)}); of it in the kernel: ` +
          `bare ${fixed(kernelBare, 1)} µs, gateway ${fixed(kernelGateway, 1)} µs; write calls per delivery: ` +
          `bare ${fixed(writesBare, 2)}, gateway ${fixed(writesGateway, 2)}\n` +
          `\ndeliveries/s sustained at p99 < ${p99Limit} ms, 100 % delivered (last step passed):` +
          `\n  bare socket.io  ${bareBest.open ? '≥ ' : ''}${fixed(bareBest.deliveries, 0)} (${bareBest.rate} msg/s × ${clientCount})` +
          `\n  Bonfire gateway ${bonfireBest.open ? '≥ ' : ''}${fixed(bonfireBest.deliveries, 0)} (${bonfireBest.rate} msg/s × ${clientCount})` +
          `\n  ratio Bonfire / bare ${ratio(bonfireBest.deliveries, bareBest.deliveries)}` +
          (bareBest.open
            ? ' (bare did not reach its limit: raise --steps; the ratio is an upper bound)'
            : ''),
        'delivery',
        {
          steps: results.map((result) => ({
            ...result,
            cpuMicrosPerDelivery: {
              server: cpuMicrosPerDelivery(result.figures, result.target === 'bare' ? 'bare' : 'gateway'),
              redis: cpuMicrosPerDelivery(result.figures, 'redis'),
            },
          })),
          sustained: {
            bare: {
              rate: bareBest.rate,
              deliveriesPerSecond: bareBest.deliveries,
              lowerBound: bareBest.open,
            },
            bonfire: {
              rate: bonfireBest.rate,
              deliveriesPerSecond: bonfireBest.deliveries,
              lowerBound: bonfireBest.open,
            },
            ratio: bareBest.deliveries ? bonfireBest.deliveries / bareBest.deliveries : null,
          },
          cpuMicrosPerDeliveryMean: { bare: cpuBare, gateway: cpuGateway, redis: cpuRedis },
          kernelMicrosPerDeliveryMean: { bare: kernelBare, gateway: kernelGateway },
          writeCallsPerDeliveryMean: { bare: writesBare, gateway: writesGateway },
        },
      );
      await Promise.all([...bareWorkers, ...bonfireWorkers].map((worker) => worker.request('close')));
    }
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
