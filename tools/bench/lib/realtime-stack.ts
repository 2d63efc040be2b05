/**
 * The stack the realtime baseline benches measure (realtime-baseline, realtime-scale): auth, chat, presence
 * and one or more gateway processes from apps/<name>/dist on the real Postgres/Redis/Kafka (e2e/support/stack.ts;
 * extra gateways join the first through Redis, as in e2e/realtime), rate limits raised, and the processes
 * a delivery phase watches (each gateway, chat, presence, auth, and the Redis/Postgres/Kafka servers when found listening).
 */
import { Stack } from '../../../e2e/support/stack';
import type { BenchContext } from './bench';
import { ClientWorker } from './client-worker';
import { benchRoutesFile, UNLIMITED } from './limits';
import { findListeningPid, pidOfServer, type WatchedProcess } from './process-stats';

/**
 * The environment that runs a Bonfire process with `nodeArgs` (node or V8 flags, given before its entry
 * point: the Stack's E2E_NODE_ARGS) and these NODE_OPTIONS (e.g. --inspect).
 */
export function nodeFlagsEnv(nodeArgs: string, nodeOptions: readonly string[] = []): Record<string, string> {
  return {
    ...(nodeArgs.trim() ? { E2E_NODE_ARGS: nodeArgs.trim() } : {}),
    ...(nodeOptions.length > 0 ? { NODE_OPTIONS: nodeOptions.join(' ') } : {}),
  };
}

interface RealtimeStackOptions {
  /** A temporary directory of the bench (the routes file goes there). */
  directory: string;
  /** REALTIME_PING_INTERVAL_MS = REALTIME_PING_TIMEOUT_MS. */
  pingIntervalMs: number;
  /** Gateways beyond the first, joined to it through Redis (default 0). */
  extraGateways?: number;
  /** Extra environment of the gateways (nodeFlagsEnv: --inspect, runtime flags). */
  gatewayEnv?: Record<string, string>;
  /** Extra environment of chat (nodeFlagsEnv). */
  chatEnv?: Record<string, string>;
}

interface RealtimeStack {
  stack: Stack;
  /** The gateways' pids, first the one `stack.gateway` is. */
  gatewayPids: number[];
  /** gateway (the first), gateway-2 …, chat, then redis/postgres/kafka when found. */
  watch: WatchedProcess[];
}

export async function startRealtimeStack(
  bench: BenchContext,
  options: RealtimeStackOptions,
): Promise<RealtimeStack> {
  const stamp = Date.now();
  const stack = await Stack.start({
    // Presence too, as the platform runs: without it every handshake's presence report fails and logs.
    services: ['auth', 'chat', 'presence', 'gateway'],
    extraGateways: options.extraGateways ?? 0,
    env: {
      RATE_LIMIT_KEY_PREFIX: `bench-${stamp}`,
      PRESENCE_KEY_PREFIX: `presence-bench-${stamp}`,
      RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
      RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
    },
    serviceEnv: {
      chat: { CHAT_SEND_LIMIT_PER_10S: UNLIMITED, ...options.chatEnv },
      presence: {
        PRESENCE_CONSUMER_GROUP: `presence.projection.bench-${stamp}`,
        PRESENCE_PROJECTION_START_FROM: 'latest',
      },
      gateway: {
        GATEWAY_ROUTES_FILE: benchRoutesFile(options.directory),
        REALTIME_MAX_CONNECTIONS_PER_USER: UNLIMITED,
        REALTIME_HANDSHAKES_PER_MINUTE: UNLIMITED,
        REALTIME_PING_INTERVAL_MS: String(options.pingIntervalMs),
        REALTIME_PING_TIMEOUT_MS: String(options.pingIntervalMs),
        ...options.gatewayEnv,
      },
    },
  });
  bench.onCleanup(() => stack.stop());
  const gatewayPids = stack.gateways.map((gateway) => pidOfServer(gateway.url));
  const watch: WatchedProcess[] = [
    ...gatewayPids.map((pid, index) => ({ name: index ? `gateway-${index + 1}` : 'gateway', pid })),
    { name: 'chat', pid: pidOfServer(stack.service('chat').url) },
    { name: 'presence', pid: pidOfServer(stack.service('presence').url) },
    { name: 'auth', pid: pidOfServer(stack.service('auth').url) },
  ];
  for (const [name, port] of [
    ['redis', new URL(process.env['REDIS_URL']!).port || '6379'],
    ['postgres', process.env['POSTGRES_PORT']],
    ['kafka', (process.env['KAFKA_BROKERS'] ?? '').split(',')[0]?.split(':')[1]],
  ] as const) {
    const pid = port ? findListeningPid(Number(port)) : undefined;
    if (pid !== undefined) watch.push({ name, pid, tree: name === 'postgres' });
  }
  return { stack, gatewayPids, watch };
}

/** `count` socket.io client workers measuring message.created, stopped at the bench's end, once started. */
export async function forkMessageWorkers(bench: BenchContext, count: number): Promise<ClientWorker[]> {
  const workers = Array.from({ length: count }, () => ClientWorker.fork('message'));
  bench.onCleanup(() => workers.forEach((worker) => worker.stop()));
  await Promise.all(workers.map((worker) => worker.started));
  return workers;
}
