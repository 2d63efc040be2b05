/**
 * Where one message's time goes on its way from a sender to a live client, at a low steady rate (no
 * fan-out pressure: one receiving client), so the figures are the path's own latency, not queueing:
 *
 *   request    POST /api/v1/channels/{id}/messages through the gateway until its 201 (gateway proxy,
 *              chat's checks, the insert and the outbox row in one transaction)
 *   to socket  the 201 until the message.created dispatch reaches the client (outbox relay woken by the
 *              commit's NOTIFY → Kafka → the gateway's consumer → fan-out → socket); negative when the
 *              dispatch overtook the HTTP answer
 *   total      send until the dispatch
 *
 * The stack is realtime-baseline's (auth, chat, presence, one gateway on the real Postgres/Redis/Kafka).
 * BENCH_BATCH=1: the client asks for dispatch batches (adds up to REALTIME_BATCH_WINDOW_MS).
 *
 * It also prints what one message costs each process in CPU (gateway, chat, Postgres with its backends,
 * Kafka, Redis): the CPU of the send phase minus what the same process used while idle for as long
 * (--idle-seconds before the sends), divided by the messages. At 1 receiving client this is the cost of a
 * message itself, not of its fan-out: what bounds a platform's messages per second before sockets count.
 *
 * --profile <dir>: the gateway and chat run with `--inspect`; a CPU profile of each over the sends is
 * written to <dir> and summarised.
 *
 * Run: node tools/bench/run.mjs realtime-path [--messages 200] [--rate 10] [--idle-seconds 5] [--profile <dir>]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { io as connect } from 'socket.io-client';
import { Api, registerUser } from '../../e2e/support/api';
import { LatencyRecorder, ProcessSampler, type ProcessStats, runBench, table } from './lib';
import { fixed, guildWithMembers, sleep } from './lib/realtime-delivery';
import { freePort, inspectArgs, startProfilers, writeProfiles } from './lib/cpu-profile';
import { startRealtimeStack } from './lib/realtime-stack';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '200' },
    rate: { type: 'string', default: '10' },
    'idle-seconds': { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
});
const messages = Number(args.messages);
const rate = Number(args.rate);
const idleSeconds = Number(args['idle-seconds']);
const profileDir = args.profile ? resolve(args.profile) : undefined;
const batch = process.env['BENCH_BATCH'] === '1';

interface Dispatch {
  type: string;
  data: { message?: { id: string } };
}

void runBench(
  'realtime-path',
  { deadlineSeconds: 120 + messages / rate + 30, description: "one message's latency, stage by stage" },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));
    const gatewayInspect = profileDir ? await freePort() : undefined;
    const chatInspect = profileDir ? await freePort() : undefined;
    const nodeOptions = (port: number | undefined): Record<string, string> =>
      port === undefined ? {} : { NODE_OPTIONS: inspectArgs(port).join(' ') };
    const { stack, watch } = await startRealtimeStack(bench, {
      directory,
      pingIntervalMs: 25_000,
      gatewayEnv: nodeOptions(gatewayInspect),
      chatEnv: nodeOptions(chatInspect),
    });
    const api = new Api(stack.gateway.url);
    const [sender, receiver] = [await registerUser(api), await registerUser(api)];
    const place = await guildWithMembers(api, [sender, receiver], 'path', bench.signal);
    const channelId = place!.channelId;

    const arrived = new Map<string, number>();
    const socket = connect(stack.gateway.url, {
      path: '/realtime',
      transports: ['websocket'],
      auth: { token: receiver.accessToken, ...(batch ? { batch: true } : {}) },
      reconnection: false,
    });
    bench.onCleanup(() => socket.disconnect());
    const onDispatch = (dispatch: Dispatch) => {
      if (dispatch.type === 'message.created' && dispatch.data.message)
        arrived.set(dispatch.data.message.id, performance.now());
    };
    socket.on('dispatch', onDispatch);
    socket.on('dispatches', (dispatches: Dispatch[]) => dispatches.forEach(onDispatch));
    await new Promise<void>((resolve, reject) => {
      socket.once('ready', () => resolve());
      socket.once('connect_error', reject);
    });

    const idleSampler = new ProcessSampler(watch);
    idleSampler.start();
    await sleep(idleSeconds * 1000);
    const idle = idleSampler.stop();
    const idleMachine = idleSampler.machineCpuPercent;

    const senderApi = api.withToken(sender.accessToken);
    const profilers = await startProfilers(bench, [
      { name: 'gateway', port: gatewayInspect },
      { name: 'chat', port: chatInspect },
    ]);
    const sampler = new ProcessSampler(watch);
    sampler.start();
    const request = new LatencyRecorder();
    const toSocket = new LatencyRecorder();
    const total = new LatencyRecorder();
    const sent: { id: string; start: number; answered: number }[] = [];
    const interval = 1000 / rate;
    const began = performance.now();
    for (let index = 0; index < messages && !bench.signal.aborted; index++) {
      await sleep(Math.max(0, began + index * interval - performance.now()));
      const start = performance.now();
      const reply = await senderApi.post<{ id: string }>(`/api/v1/channels/${channelId}/messages`, {
        content: `path ${index}`,
        nonce: `path-${began}-${index}`, // as the SDK and the web client send one
      });
      if (reply.status !== 201) throw new Error(`send answered ${reply.status}`);
      sent.push({ id: reply.body.id, start, answered: performance.now() });
    }
    const sendSeconds = (performance.now() - began) / 1000;
    const deadline = performance.now() + 10_000;
    while (sent.some((one) => !arrived.has(one.id)) && performance.now() < deadline) await sleep(50);
    const busy = sampler.stop();
    const busySeconds = (performance.now() - began) / 1000;
    if (profileDir) await writeProfiles(bench, profilers, profileDir, 'path', 'the sends');
    const costs = messageCosts(
      { stats: idle, machine: idleMachine, seconds: idleSeconds },
      { stats: busy, machine: sampler.machineCpuPercent, seconds: busySeconds },
      sent.length,
    );
    let missing = 0;
    for (const one of sent) {
      const at = arrived.get(one.id);
      request.record(one.answered - one.start);
      if (at === undefined) {
        missing++;
        continue;
      }
      toSocket.record(at - one.answered);
      total.record(at - one.start);
    }
    const row = (name: string, recorder: LatencyRecorder) => {
      const s = recorder.summary();
      return [name, fixed(s.p50, 1), fixed(s.p95, 1), fixed(s.p99, 1), fixed(s.max, 1)];
    };
    bench.section(
      `== one message's path: ${sent.length} messages at ${rate}/s to 1 client${batch ? ' (batching)' : ''}, ${missing} missing`,
      table(
        ['stage', 'p50 ms', 'p95', 'p99', 'max'],
        [
          row('request (send → 201)', request),
          row('to socket (201 → dispatch)', toSocket),
          row('total', total),
        ],
      ),
      'path',
      { request: request.summary(), toSocket: toSocket.summary(), total: total.summary(), missing, batch },
    );
    bench.section(
      `== CPU per message: ${sent.length} messages in ${fixed(sendSeconds, 1)} s, ` +
        `less each process's own idle use (${idleSeconds} s before)`,
      table(
        ['process', 'idle CPU %', 'busy CPU %', 'µs per message', 'writes per message'],
        costs.map((cost) => [
          cost.name,
          fixed(cost.idlePercent, 1),
          fixed(cost.busyPercent, 1),
          fixed(cost.microsPerMessage, 0),
          Number.isFinite(cost.writesPerMessage) ? fixed(cost.writesPerMessage, 1) : '',
        ]),
      ),
      'costs',
      { costs, sendSeconds },
    );
  },
);

interface MessageCost {
  name: string;
  idlePercent: number;
  busyPercent: number;
  microsPerMessage: number;
  /**
   * Write system calls per message beyond the idle rate (the root process's; for a tree such as Postgres
   * only the postmaster's, so not shown). On this VM each costs 60–90 µs, so it counts round trips.
   */
  writesPerMessage: number;
}

interface SampledPhase {
  stats: ProcessStats[];
  machine: number;
  seconds: number;
}

/** Each process's CPU and writes per message beyond its idle use, the watched ones summed, and the whole machine. */
function messageCosts(idle: SampledPhase, busy: SampledPhase, count: number): MessageCost[] {
  const perMessage = (idleRate: number, busyRate: number) => ((busyRate - idleRate) * busy.seconds) / count;
  const rows = busy.stats.map((stats): MessageCost => {
    const before = idle.stats.find((one) => one.pid === stats.pid);
    const idlePercent = before?.cpuPercent ?? 0;
    return {
      name: stats.name,
      idlePercent,
      busyPercent: stats.cpuPercent,
      microsPerMessage: perMessage(idlePercent / 100, stats.cpuPercent / 100) * 1e6,
      writesPerMessage: stats.tree
        ? NaN
        : perMessage((before?.writeCalls ?? 0) / idle.seconds, stats.writeCalls / busy.seconds),
    };
  });
  const total = (name: string, idlePercent: number, busyPercent: number, writes: number): MessageCost => ({
    name,
    idlePercent,
    busyPercent,
    microsPerMessage: perMessage(idlePercent / 100, busyPercent / 100) * 1e6,
    writesPerMessage: writes,
  });
  const sum = (list: MessageCost[], key: 'idlePercent' | 'busyPercent' | 'writesPerMessage') =>
    list.reduce((sum, row) => sum + (Number.isFinite(row[key]) ? row[key] : 0), 0);
  return [
    ...rows,
    total(
      'watched, summed',
      sum(rows, 'idlePercent'),
      sum(rows, 'busyPercent'),
      sum(rows, 'writesPerMessage'),
    ),
    total('whole machine', idle.machine, busy.machine, NaN),
  ];
}
