/**
 * Issue 17 item 4, the phases next to realtime-baseline.bench.ts's (a)/(b): Bonfire's gateway beside bare
 * socket.io in the same run, each figure printed with its ratio.
 *
 *   (d) two gateways: D clients (default 1,000) of the busy guild's channel split half/half over two gateway
 *       processes joined through Redis (e2e/support/stack.ts `extraGateways`, as e2e/realtime does), R msg/s
 *       (default 100) sent to the first for S s; bare: two bare socket.io servers joined by
 *       @socket.io/redis-adapter (one adapter key), clients split the same way, POSTs to the first. Then the
 *       second gateway and the second bare server are stopped and the same D clients on the first alone give
 *       the single-server figure at the same rate (same run, same neighbours). Goal: Bonfire's p99 with two
 *       gateways < 2× its single-gateway p99.
 *   (c) spread: N clients (default 10,000) over C channels (default 100) of one guild, R msg/s (default 100)
 *       in total, message i into channel i % C, for S s. Each channel is visible to one member only
 *       (@everyone denied VIEW_CHANNEL, that member allowed), whose N / C sessions are therefore in that
 *       channel's room alone; bare: client i joins the room of channel i % C (auth.channel). Figures: p50/p95/p99,
 *       % delivered (of what each client's channel received), deliveries/s, server CPU µs per delivery.
 *       Goal: p99 < 100 ms, 100 % delivered. Runs on the first gateway alone (after (d)).
 *
 * Layout as in realtime-baseline (lib/realtime-stack.ts, lib/realtime-delivery.ts): the servers are processes
 * of their own, the clients socket.io-client sockets (websocket) in 2 child processes per target, the sender
 * the bench process (open loop, POST /api/v1/channels/{id}/messages). Bonfire's path: gateway → chat
 * (Postgres, outbox) → Kafka → the gateway consuming the event (one consumer group; it forwards the packet to
 * the other gateway through Redis) → per packet: the dispatch's JSON encoded once, each session in the
 * rooms gets its next sequence number, a reference in its replay ring (gateway memory; Redis keeps only
 * the session record) and the shared text behind its own `{"seq":N,` prefix (protocol 1), or one frame for
 * the room (protocol 2, BENCH_PROTOCOL, the default). Bare: `io.to(room).emit(...)` from the POST handler.
 * Latency = receive time in the client worker − send time in the content.
 *
 * Run: node tools/bench/run.mjs realtime-scale [--spread-clients 10000] [--channels 100] [--rate 100]
 *      [--seconds 10] [--c-p99 100] [--two-clients 1000] [--two-rate 100] [--users 50] [--drain 15]
 *      [--ping-interval 10000] [--workers 2] [--max-in-flight 64] [--bare-adapter memory|redis]
 *      [--skip-c] [--skip-d] [--feed post|bus] [--node-args <flags>] [--profile <dir> | --alloc] (the last two with --skip-d)
 *
 * --feed bus: Bonfire's messages come from Kafka (lib/bus-feed.ts: message.created published as chat's outbox
 * relay publishes it) instead of the POST through gateway and chat; the bare servers still get their POST.
 * What the gateways themselves hold when the send path is not on the same two cores (see realtime-baseline).
 *
 * --alloc: V8's sampling heap profiler on the bare server, the gateway and chat over (c)'s phases: bytes
 * allocated per delivery (garbage included) beside CPU per delivery, and where they are allocated.
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, type AuthResult, registerUser } from '../../e2e/support/api';
import { type ClientWorker, runBench, table, type WatchedProcess } from './lib';
import { BareSocketIoServer } from './lib/bare-socketio';
import { BusFeed, feedsFromBus } from './lib/bus-feed';
import { writeAllocations } from './lib/allocation-profile';
import { freePort, inspectArgs, startProfilers, writeProfiles } from './lib/cpu-profile';
import {
  clientsNote,
  connectClients,
  cpuMicrosPerDelivery,
  writesPerDelivery,
  type DeliveryFigures,
  deliveredPercent,
  deliveryPhase,
  fixed,
  guildWithMembers,
  inBatches,
  latencyText,
  privateChannels,
  ratio,
  recordText,
  sendAtRate,
  sleep,
  waitIdle,
} from './lib/realtime-delivery';
import { forkMessageWorkers, nodeFlagsEnv, startRealtimeStack } from './lib/realtime-stack';
import { ChatView } from './lib/service-metrics';

const { values: args } = parseArgs({
  options: {
    'spread-clients': { type: 'string', default: '10000' },
    channels: { type: 'string', default: '100' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    'c-p99': { type: 'string', default: '100' },
    'two-clients': { type: 'string', default: '1000' },
    'two-rate': { type: 'string', default: '100' },
    users: { type: 'string', default: '50' },
    drain: { type: 'string', default: '15' },
    'ping-interval': { type: 'string', default: '10000' },
    workers: { type: 'string', default: '2' },
    'max-in-flight': { type: 'string', default: '64' },
    'bare-adapter': { type: 'string', default: 'memory' },
    'skip-c': { type: 'boolean', default: false },
    'skip-d': { type: 'boolean', default: false },
    /** CPU profiles of the first gateway and of chat over (c)'s Bonfire phase, written to this folder. */
    profile: { type: 'string' },
    /** What the bare server, the gateway and chat allocate over (c)'s phases (bytes per delivery). */
    alloc: { type: 'boolean', default: false },
    /** Node or V8 flags for Bonfire's gateways and chat (e.g. GC settings, to compare runs side by side). */
    'node-args': { type: 'string', default: '' },
    feed: { type: 'string', default: 'post' },
  },
});
const spreadClients = Number(args['spread-clients']);
const channelCount = Number(args.channels);
const spreadRate = Number(args.rate);
const seconds = Number(args.seconds);
const spreadP99 = Number(args['c-p99']);
const twoClients = Number(args['two-clients']);
const twoRate = Number(args['two-rate']);
const userCount = Number(args.users);
const drainSeconds = Number(args.drain);
const pingIntervalMs = Number(args['ping-interval']);
const workerCount = Number(args.workers);
const maxInFlight = Number(args['max-in-flight']);
const bareAdapter = args['bare-adapter'] === 'redis' ? 'redis' : 'memory';
const runC = !args['skip-c'];
/** `bus`: Bonfire is fed from Kafka (lib/bus-feed.ts) instead of the POST through gateway and chat. */
const feedFromBus = feedsFromBus(args.feed);
const fedLabel = feedFromBus ? ' (fed from Kafka)' : '';
const runD = !args['skip-d'];
const profileDir = args.profile ? resolve(args.profile) : undefined;
const inspecting = profileDir !== undefined || args.alloc;
if (profileDir && args.alloc)
  throw new Error('--profile and --alloc: one at a time (each perturbs the other)');
// Every gateway of the stack gets the same environment, so one inspector port: one gateway only.
if (inspecting && runD)
  throw new Error('--profile and --alloc watch the one gateway of (c): run with --skip-d');

type TargetName = 'bare' | 'bonfire';

/** One server (or the first of two) under test, with its clients' workers. */
interface Target {
  name: TargetName;
  label: string;
  /** The server the sender posts to; the second one's URL when there are two. */
  url: string;
  secondUrl?: string;
  /** Watched process names whose CPU counts as this target's server time. */
  servers: string[];
  workers: ClientWorker[];
}

interface Run {
  target: TargetName;
  figures: DeliveryFigures;
  /** --alloc: bytes the target's server allocated per delivery over the phase. */
  allocatedPerDelivery?: number;
}

/** Server CPU µs per delivery summed over `names` (the two gateways, the two bare servers). */
const serverMicros = (figures: DeliveryFigures, names: string[]) =>
  names.reduce((sum, name) => sum + (cpuMicrosPerDelivery(figures, name) || 0), 0);

const cpuOf = (figures: DeliveryFigures, name: string) =>
  figures.processes.find((entry) => entry.name === name)?.cpuPercent ?? NaN;

void runBench(
  'realtime-scale',
  {
    deadlineSeconds:
      240 +
      (runD ? 4 * (seconds + drainSeconds + 60) + 60 : 0) +
      (runC ? 2 * (seconds + drainSeconds + 30) + spreadClients / 25 + channelCount : 0),
    description:
      'bare socket.io vs the Bonfire gateway: spread over channels, two gateways (issue 17 item 4)',
  },
  async (bench) => {
    if (runD && workerCount < 2) throw new Error('(d) needs --workers 2 or more (one per server)');
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));

    bench.log(
      `starting auth + chat + presence + ${runD ? 'two gateways' : 'one gateway'} from apps/*/dist, and the bare socket.io servers…`,
    );
    const gatewayInspect = inspecting ? await freePort() : undefined;
    const bareInspect = inspecting ? await freePort() : undefined;
    const chatInspect = inspecting ? await freePort() : undefined;
    const { stack, gatewayPids, watch } = await startRealtimeStack(bench, {
      directory,
      pingIntervalMs,
      extraGateways: runD ? 1 : 0,
      gatewayEnv: nodeFlagsEnv(args['node-args'], gatewayInspect ? inspectArgs(gatewayInspect) : []),
      chatEnv: nodeFlagsEnv(args['node-args'], chatInspect ? inspectArgs(chatInspect) : []),
    });
    const startBare = async (
      name: string,
      adapter: 'memory' | 'redis',
      adapterKey?: string,
      execArgv: string[] = [],
    ) => {
      const server = await BareSocketIoServer.start(
        {
          pingIntervalMs,
          pingTimeoutMs: pingIntervalMs,
          adapter,
          redisUrl: process.env['REDIS_URL'],
          ...(adapterKey ? { adapterKey } : {}),
        },
        execArgv,
      );
      bench.onCleanup(() => server.stop());
      watch.unshift({ name, pid: server.pid });
      return server;
    };
    const bare = runC
      ? await startBare('bare', bareAdapter, undefined, bareInspect ? inspectArgs(bareInspect) : [])
      : undefined;
    const pairKey = `bench-bare-pair-${Date.now()}`;
    const barePair = runD
      ? [await startBare('bare-r1', 'redis', pairKey), await startBare('bare-r2', 'redis', pairKey)]
      : [];
    const bareWorkers = await forkMessageWorkers(bench, workerCount);
    const bonfireWorkers = await forkMessageWorkers(bench, workerCount);
    const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
    bench.onCleanup(() => agent.destroy());
    bench.note(
      `bare: socket.io servers with the gateway's Server options, one emit per message ((c): ${bareAdapter} ` +
        `adapter; (d): two servers on the Redis adapter); Bonfire: auth + chat + presence + ` +
        `${runD ? 'two gateways joined through Redis (the second stopped after the two-server runs)' : 'one gateway'} ` +
        `on Postgres/Redis/Kafka, LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, rate limits raised, ` +
        `REALTIME_PING_INTERVAL_MS=REALTIME_PING_TIMEOUT_MS=${pingIntervalMs}; ${clientsNote(workerCount)}` +
        (args['node-args'] ? `; gateway and chat run with ${args['node-args']}` : '') +
        (feedFromBus
          ? '; Bonfire fed from Kafka (--feed bus: message.created as the outbox relay publishes it, no POST ' +
            'through gateway and chat); the bare servers get their POST'
          : ''),
    );

    // ---- users, guilds, channels
    const setupStarted = performance.now();
    const api = new Api(stack.gateway.url);
    const registered: AuthResult[] = await inBatches(
      Array.from({ length: (runD ? userCount : 1) + (runC ? channelCount : 0) }),
      8,
      () => registerUser(api),
    );
    const active = registered.slice(0, runD ? userCount : 1);
    const members = registered.slice(active.length);
    const busy = runD ? await guildWithMembers(api, active, 'bench-busy', bench.signal) : undefined;
    let spreadChannels: string[] = [];
    if (runC) {
      const spread = await guildWithMembers(api, [active[0]!, ...members], 'bench-spread', bench.signal);
      spreadChannels = await privateChannels(
        api,
        active[0]!.accessToken,
        spread!.guildId,
        members.map((member) => member.user.id),
        channelCount,
        bench.signal,
      );
    }
    // --feed bus: each channel gets one message through the API, which the feed copies
    const feed = feedFromBus
      ? await BusFeed.open(
          api,
          [
            ...(busy ? [{ channelId: busy.channelId, token: active[0]!.accessToken }] : []),
            ...spreadChannels.map((channelId, index) => ({ channelId, token: members[index]!.accessToken })),
          ],
          bench.signal,
        )
      : undefined;
    if (feed) bench.onCleanup(() => feed.close());
    bench.log(
      `set-up: ${registered.length} users, ${runC ? channelCount : 0} private channels in ` +
        `${fixed((performance.now() - setupStarted) / 1000, 1)} s`,
    );
    await sleep(2_000);

    /** Connects `tokens.length` clients: client i to `urls[i % urls.length]`, bare ones naming `channels[i]`. */
    const connect = async (
      target: Target,
      urls: string[],
      tokens: string[],
      channels: string[] | undefined,
    ) => {
      // the workers each hold one URL's clients when there are two servers (client order stays the index)
      const perUrl = urls.length;
      const groups = urls.map((url, group) => ({
        url,
        workers: target.workers.filter((_, index) => index % perUrl === group),
        indexes: tokens.map((_, index) => index).filter((index) => index % perUrl === group),
      }));
      const results = await Promise.all(
        groups.map((group) =>
          connectClients(
            group.workers,
            group.url,
            group.indexes.map((index) => tokens[index]!),
            50,
            channels && group.indexes.map((index) => channels[index]!),
          ),
        ),
      );
      const ok = results.reduce((sum, result) => sum + result.ok, 0);
      bench.log(
        `   ${target.label}: ${ok}/${tokens.length} clients ready on ${urls.length} server(s) ` +
          `(refused ${recordText(Object.assign({}, ...results.map((result) => result.errors)) as Record<string, number>)})`,
      );
      if (ok < tokens.length) throw new Error(`${target.name}: only ${ok} clients connected`);
    };
    const close = async (workers: ClientWorker[]) => {
      await Promise.all(workers.map((worker) => worker.request('close')));
      for (const worker of workers) worker.clients = 0;
      await sleep(1_000);
    };
    const phase = (
      target: Target,
      name: string,
      tag: string,
      options: {
        rate: number;
        clients: number;
        channelIds: string[];
        tokens: string[];
        audience?: (client: number, index: number) => boolean;
        watch: WatchedProcess[];
        /** Their clients' indexes run worker by worker (what `audience` is given, see connectClients). */
        workers: ClientWorker[];
      },
    ) =>
      deliveryPhase({
        name,
        tag,
        rate: options.rate,
        warmupSeconds: 1,
        sendSeconds: seconds,
        drainLimitSeconds: drainSeconds,
        workers: options.workers,
        clients: options.clients,
        send: (sendTag, rate, sendSeconds, capacity) =>
          feed && target.name === 'bonfire'
            ? feed.publishAtRate({
                channelIds: options.channelIds,
                tag: sendTag,
                rate,
                seconds: sendSeconds,
                capacity,
                signal: bench.signal,
                maxInFlight,
              })
            : sendAtRate({
                gatewayUrl: target.url,
                channelId: options.channelIds[0]!,
                channelIds: options.channelIds,
                tokens: options.tokens,
                tag: sendTag,
                rate,
                seconds: sendSeconds,
                capacity,
                agent,
                signal: bench.signal,
                maxInFlight,
              }),
        watch: options.watch,
        log: bench.log,
        ...(options.audience ? { audience: options.audience } : {}),
      });

    // ------------------------------------------------------------------ (d) two gateways
    if (runD) {
      const activeTokens = active.map((user) => user.accessToken);
      const tokens = Array.from(
        { length: twoClients },
        (_, index) => activeTokens[index % activeTokens.length]!,
      );
      const channelId = busy!.channelId;
      const targets: Target[] = [
        {
          name: 'bare',
          label: 'bare socket.io (Redis adapter)',
          url: barePair[0]!.url,
          secondUrl: barePair[1]!.url,
          servers: ['bare-r1', 'bare-r2'],
          workers: bareWorkers,
        },
        {
          name: 'bonfire',
          label: `Bonfire gateways${fedLabel}`,
          url: stack.gateways[0]!.url,
          secondUrl: stack.gateways[1]!.url,
          servers: ['gateway', 'gateway-2'],
          workers: bonfireWorkers,
        },
      ];
      bench.log(
        `-- (d) ${twoClients} clients split over two servers, then on the first alone, ${twoRate} msg/s for ${seconds} s`,
      );
      const runs: { two?: Run; one?: Run }[] = [{}, {}];
      for (const [index, target] of targets.entries()) {
        await connect(
          target,
          [target.url, target.secondUrl!],
          tokens,
          target.name === 'bare' ? tokens.map(() => channelId) : undefined,
        );
        const figures = await phase(target, `${target.name} two servers`, `${target.name[0]}d2`, {
          rate: twoRate,
          clients: twoClients,
          channelIds: [channelId],
          tokens: activeTokens,
          watch,
          workers: target.workers,
        });
        runs[index]!.two = { target: target.name, figures };
        await close(target.workers);
        await waitIdle(target.name === 'bare' ? barePair[0]!.pid : gatewayPids[0]!, 20, bench.signal);
      }
      bench.log('   stopping the second gateway and the second bare server…');
      await Promise.all([stack.gateways[1]!.stop(), barePair[1]!.stop()]);
      const single = watch.filter((entry) => entry.name !== 'gateway-2' && entry.name !== 'bare-r2');
      watch.splice(0, watch.length, ...single);
      // the consumer group rebalances onto the first gateway: let it settle before measuring
      await sleep(5_000);
      for (const [index, target] of targets.entries()) {
        await connect(
          target,
          [target.url],
          tokens,
          target.name === 'bare' ? tokens.map(() => channelId) : undefined,
        );
        const figures = await phase(target, `${target.name} one server`, `${target.name[0]}d1`, {
          rate: twoRate,
          clients: twoClients,
          channelIds: [channelId],
          tokens: activeTokens,
          watch,
          workers: target.workers,
        });
        runs[index]!.one = { target: target.name, figures };
        await close(target.workers);
      }
      const rows = targets.flatMap((target, index) =>
        (['one', 'two'] as const).flatMap((shape) => {
          const run = runs[index]![shape];
          if (!run) return [];
          const f = run.figures;
          return [
            [
              target.label,
              shape === 'one' ? '1' : '2',
              fixed(f.sentRate, 1),
              fixed(f.deliveredPerSecondInWindow, 0),
              latencyText(f),
              fixed(deliveredPercent(f), 2),
              String(f.duplicates),
              target.servers.map((name) => fixed(cpuOf(f, name), 0)).join(' + '),
              fixed(serverMicros(f, target.servers), 1),
              target.name === 'bonfire' ? fixed(cpuMicrosPerDelivery(f, 'redis'), 1) : '',
            ],
          ];
        }),
      );
      const p99 = (index: number, shape: 'one' | 'two') => runs[index]![shape]?.figures.latency.p99 ?? NaN;
      bench.section(
        `== (d) ${twoClients} clients, ${twoRate} msg/s: one server vs two joined through Redis (latency ms p50/p95/p99)`,
        table(
          [
            'target',
            'servers',
            'sent ok/s',
            'delivered/s',
            'p50/p95/p99',
            'delivered %',
            'dups',
            'server CPU %',
            'server µs/deliv',
            'redis µs/deliv',
          ],
          rows,
        ) +
          `\n\np99 two servers / one server: Bonfire ${ratio(p99(1, 'two'), p99(1, 'one'))} (goal < ×2), ` +
          `bare ${ratio(p99(0, 'two'), p99(0, 'one'))}` +
          `\np99 Bonfire / bare: one server ${ratio(p99(1, 'one'), p99(0, 'one'))}, two servers ${ratio(p99(1, 'two'), p99(0, 'two'))}`,
        'two-gateways',
        { runs },
      );
    }

    // ------------------------------------------------------------------ (c) spread over channels
    if (runC) {
      const memberTokens = members.map((member) => member.accessToken);
      const bonfireTokens = Array.from(
        { length: spreadClients },
        (_, index) => memberTokens[index % channelCount]!,
      );
      const channels = Array.from(
        { length: spreadClients },
        (_, index) => spreadChannels[index % channelCount]!,
      );
      const audience = (client: number, index: number) => client % channelCount === index % channelCount;
      const targets: Target[] = [
        {
          name: 'bare',
          label: `bare socket.io (${bareAdapter})`,
          url: bare!.url,
          servers: ['bare'],
          workers: bareWorkers,
        },
        {
          name: 'bonfire',
          label: `Bonfire gateway${fedLabel}`,
          url: stack.gateway.url,
          servers: ['gateway'],
          workers: bonfireWorkers,
        },
      ];
      bench.log(
        `-- (c) ${spreadClients} clients over ${channelCount} channels, ${spreadRate} msg/s in total for ${seconds} s`,
      );
      const runs: Run[] = [];
      for (const target of targets) {
        await connect(target, [target.url], bonfireTokens, target.name === 'bare' ? channels : undefined);
        // Connecting brings each member online: presence fans that out to the guild's sessions. Measure after it.
        const settled = await waitIdle(
          target.name === 'bare' ? bare!.pid : gatewayPids[0]!,
          60,
          bench.signal,
        );
        bench.log(`   ${target.label}: idle ${fixed(settled, 1)} s after connecting`);
        // The server under test, and for Bonfire chat too (it takes every message before the gateway).
        const watched =
          target.name === 'bare'
            ? [{ name: 'bare', port: bareInspect }]
            : [
                { name: 'gateway', port: gatewayInspect },
                { name: 'chat', port: chatInspect },
              ];
        const profilers = profileDir ? await startProfilers(bench, watched) : undefined;
        const samplers = args.alloc ? await startProfilers(bench, watched, 'allocations') : undefined;
        const chatView = target.name === 'bonfire' ? await ChatView.before(stack.service('chat').url) : null;
        const figures = await phase(target, `${target.name} spread`, `${target.name[0]}c`, {
          rate: spreadRate,
          clients: spreadClients,
          channelIds: spreadChannels,
          // the sender of message i is the member who sees channel i % C
          tokens: memberTokens,
          audience,
          watch,
          workers: target.workers,
        });
        if (profilers) await writeProfiles(bench, profilers, profileDir!, 'c', `(c)'s ${target.label} phase`);
        const allocated = samplers
          ? await writeAllocations(bench, samplers, figures.delivered, 'c', `(c)'s ${target.label} phase`)
          : undefined;
        if (chatView) {
          const view = await chatView.after();
          bench.section(
            "== (c) chat's own view of the Bonfire phase (its /metrics, before → after), beside the sender's",
            view.text(figures.httpSend),
            'spread-chat-view',
            view.figures,
          );
        }
        runs.push({
          target: target.name,
          figures,
          allocatedPerDelivery: allocated?.get(target.name === 'bare' ? 'bare' : 'gateway'),
        });
        await close(target.workers);
      }
      const verdict = (f: DeliveryFigures) => {
        const reasons: string[] = [];
        if (f.delivered < f.expectedDeliveries) reasons.push(`${fixed(deliveredPercent(f), 2)} % delivered`);
        if (!(f.latency.p99 < spreadP99)) reasons.push(`p99 ${fixed(f.latency.p99, 0)} ms`);
        if (f.duplicates > 0) reasons.push(`${f.duplicates} duplicates`);
        if (f.unexpected > 0) reasons.push(`${f.unexpected} from other channels`);
        return reasons.join(', ') || 'ok';
      };
      const [bareRun, bonfireRun] = runs;
      bench.section(
        `== (c) ${spreadClients} clients over ${channelCount} channels (${spreadClients / channelCount} a channel), ` +
          `${spreadRate} msg/s in total, ${seconds} s (latency ms p50/p95/p99)`,
        table(
          [
            'target',
            'sent ok/s',
            'expected deliv/s',
            'delivered/s in window',
            'p50/p95/p99',
            'delivered %',
            'clients 100 %',
            'dups',
            "other channels'",
            'server CPU %',
            'server µs/deliv',
            'of it kernel µs',
            'server writes/deliv',
            'redis µs/deliv',
            'machine CPU %',
            ...(args.alloc ? ['server bytes allocated/deliv'] : []),
            `verdict (p99 < ${spreadP99} ms, 100 %)`,
          ],
          runs.map((run, index) => {
            const f = run.figures;
            const target = targets[index]!;
            return [
              target.label,
              fixed(f.sentRate, 1),
              fixed(f.expectedPerSecond, 0),
              fixed(f.deliveredPerSecondInWindow, 0),
              latencyText(f),
              fixed(deliveredPercent(f), 2),
              `${f.clientsComplete}/${f.clients}`,
              String(f.duplicates),
              String(f.unexpected),
              fixed(cpuOf(f, target.servers[0]!), 0),
              fixed(serverMicros(f, target.servers), 1),
              fixed(cpuMicrosPerDelivery(f, target.servers[0]!, 'kernel'), 1),
              fixed(writesPerDelivery(f, target.servers[0]!), 2),
              target.name === 'bonfire' ? fixed(cpuMicrosPerDelivery(f, 'redis'), 1) : '',
              fixed(f.machineCpuPercent, 0),
              ...(args.alloc ? [fixed(run.allocatedPerDelivery ?? NaN, 0)] : []),
              verdict(f),
            ];
          }),
        ) +
          (bareRun && bonfireRun
            ? `\n\nratio Bonfire / bare: p99 ${ratio(bonfireRun.figures.latency.p99, bareRun.figures.latency.p99)}, ` +
              `server µs/delivery ${ratio(serverMicros(bonfireRun.figures, ['gateway']), serverMicros(bareRun.figures, ['bare']))}` +
              (args.alloc
                ? `, bytes allocated/delivery ${ratio(bonfireRun.allocatedPerDelivery ?? NaN, bareRun.allocatedPerDelivery ?? NaN)}`
                : '')
            : ''),
        'spread',
        { runs },
      );
    }
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
