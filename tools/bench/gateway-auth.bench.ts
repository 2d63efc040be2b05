/**
 * Issue 3: what the gateway costs in front of a service, and what a login costs.
 *
 *   (a) GET /api/v1/users/@me through the gateway (JWT check, Redis rate limits, identity signing, proxy)
 *   (b) the same request straight to auth, carrying an identity header signed like the gateway signs it
 *   (c) POST /api/v1/auth/login through the gateway (argon2id verify + session write)
 *
 * Auth and gateway run from their build output as processes (e2e/support/stack.ts) on the local
 * servers, with a throwaway auth database, raised rate limits and their own rate-limit key prefix.
 * Run: node tools/bench/run.mjs gateway-auth [--connections 50] [--seconds 20] [--warmup 3]
 *      [--login-connections 8] [--login-seconds 10] [--skip-login]
 * @bench-builds @bonfire/gateway @bonfire/auth
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, registerUser } from '../../e2e/support/api';
import { Stack } from '../../e2e/support/stack';
// the pure source file (node:crypto only), so no Nest module is loaded into the load generator
import { IDENTITY_HEADER, signIdentity } from '../../libs/platform/src/identity/internal-identity';
import {
  benchRoutesFile,
  differenceTable,
  findListeningPid,
  latencyDifference,
  pidOfServer,
  runBench,
  UNLIMITED,
  type WatchedProcess,
} from './lib';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'login-connections': { type: 'string', default: '8' },
    'login-seconds': { type: 'string', default: '10' },
    'skip-login': { type: 'boolean', default: false },
  },
});
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const loginConnections = Number(args['login-connections']);
const loginSeconds = Number(args['login-seconds']);

function claims(accessToken: string): { sub: string; sid: string } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as {
    sub: string;
    sid: string;
  };
}

void runBench(
  'gateway-auth',
  {
    deadlineSeconds: 60 + 2 * (warmup + seconds) + (args['skip-login'] ? 0 : 3 + loginSeconds) + 30,
    description: 'gateway overhead on GET /users/@me, and login cost',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));

    bench.log('starting auth + gateway from apps/*/dist (build first: see tools/bench/README.md)…');
    const stack = await Stack.start({
      services: ['auth', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${Date.now()}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
      },
      serviceEnv: { gateway: { GATEWAY_ROUTES_FILE: benchRoutesFile(directory) } },
    });
    bench.onCleanup(() => stack.stop());
    const gateway = stack.gateway;
    const auth = stack.service('auth');
    const watch: WatchedProcess[] = [
      { name: 'gateway', pid: pidOfServer(gateway.url) },
      { name: 'auth', pid: pidOfServer(auth.url) },
    ];
    // the shared servers on the request path: their CPU (whole tree) tells load on them from other work
    for (const [name, port] of [
      ['postgres', process.env['POSTGRES_PORT']],
      ['redis', new URL(process.env['REDIS_URL']!).port || '6379'],
    ] as const) {
      const pid = findListeningPid(Number(port));
      if (pid !== undefined) watch.push({ name, pid, tree: true });
    }
    bench.note(
      `services: LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, rate limits raised to ${UNLIMITED}/min, ` +
        `argon2id m=${process.env['ARGON2_MEMORY_KIB']} KiB t=${process.env['ARGON2_TIME_COST']} ` +
        `p=${process.env['ARGON2_PARALLELISM']}, UV_THREADPOOL_SIZE=${process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)'}`,
    );

    const account = await registerUser(new Api(gateway.url));
    const { sub, sid } = claims(account.accessToken);
    const secret = process.env['INTERNAL_IDENTITY_SECRET']!;

    // Signed identities are valid for 60 s: re-sign every 5 s rather than per request, so the load
    // generator spends no HMAC per request that the gateway-side run does not spend either.
    let identity = signIdentity(secret, { userId: sub, sessionId: sid });
    const resign = setInterval(
      () => (identity = signIdentity(secret, { userId: sub, sessionId: sid })),
      5_000,
    );
    bench.onCleanup(() => clearInterval(resign));

    const viaGateway = {
      path: '/api/v1/users/@me',
      headers: { authorization: `Bearer ${account.accessToken}` },
    };
    const direct = () => ({ path: '/api/v1/users/@me', headers: { [IDENTITY_HEADER]: identity } });

    // sanity: both paths answer 200 with the registered user
    for (const [url, headers] of [
      [gateway.url, viaGateway.headers],
      [auth.url, direct().headers],
    ] as const) {
      const response = await new Api(url).get<{ id: string }>('/api/v1/users/@me', headers);
      if (response.status !== 200 || response.body.id !== account.user.id)
        throw new Error(`${url} /users/@me answered ${response.status} ${JSON.stringify(response.body)}`);
    }

    const common = { connections, warmupSeconds: warmup, durationSeconds: seconds, watch, expectStatus: 200 };
    const authDirect = await bench.load({
      name: 'GET @me auth direct',
      target: auth.url,
      request: direct,
      ...common,
    });
    const throughGateway = await bench.load({
      name: 'GET @me via gateway',
      target: gateway.url,
      request: viaGateway,
      ...common,
    });
    const difference = latencyDifference(authDirect, throughGateway);
    bench.section(
      '== latency the gateway adds (via gateway − auth direct, same concurrency)',
      differenceTable([difference]),
      'gatewayOverhead',
      difference,
    );
    bench.note(
      'closed loop: at fixed concurrency, latency ≈ connections / throughput, so the Δ includes queueing ' +
        'behind the CPU the gateway takes from auth and the load generator on 2 shared cores',
    );

    if (!args['skip-login']) {
      await bench.load({
        name: 'POST login via gateway',
        target: gateway.url,
        request: {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: { login: account.user.username, password: account.password },
        },
        connections: loginConnections,
        warmupSeconds: 2,
        durationSeconds: loginSeconds,
        watch,
        expectStatus: 200,
      });
    }
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
