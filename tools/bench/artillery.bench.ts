/**
 * Issue 17 item 5: the realtime edge under an artillery load test (tools/bench/artillery/realtime.yml,
 * artillery's Socket.IO engine over the websocket transport; read that file for what a virtual user does).
 *
 * 1. Artillery is installed on demand, not as a dependency of the project: `npm install --prefix
 *    ~/.cache/bonfire/artillery artillery@<ARTILLERY_VERSION>` once (scripts not run, so no browser is
 *    downloaded for its Playwright engine), reused while that version is there.
 * 2. The stack as the realtime baseline benches run it (lib/realtime-stack.ts: auth, chat, presence, one
 *    gateway from apps/<name>/dist on Postgres/Redis/Kafka, rate limits raised).
 * 3. U users (default 20) are registered, joined to one guild, then logged in (POST /api/v1/auth/login);
 *    their access tokens go into the payload file artillery reads (the engine opens a user's socket before
 *    its first flow step, so the token must be there from the start).
 * 4. Artillery runs against the gateway on 127.0.0.1 only, with `--payload` (the tokens) and `--overrides`
 *    for the phases (--duration seconds at --arrival-rate new users/s) and the channel; the run is killed
 *    past its bound.
 *    Its own end-of-run summary is printed, then the figures from its JSON report: virtual users, HTTP sends
 *    and their latency, socket.io emits and the ack latency, dispatches received and their arrival latency
 *    (send → receive, ms), fan-out (dispatches per message sent), errors. The gateway's CPU and RSS over
 *    the run are printed too.
 *
 * Run: node tools/bench/run.mjs artillery [--duration 10] [--arrival-rate 5] [--users 20]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/presence
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, registerUser } from '../../e2e/support/api';
import { assertLoopback, ProcessSampler, runBench, table } from './lib';
import { fixed, guildWithMembers, inBatches, retry } from './lib/realtime-delivery';
import { startRealtimeStack } from './lib/realtime-stack';

/** Checked on the registry (2.0.34, December 2026): its Socket.IO engine uses socket.io-client 4.8. */
const ARTILLERY_VERSION = '2.0.34';
const CACHE = join(homedir(), '.cache/bonfire/artillery');
const SCENARIO = resolve(__dirname, 'artillery/realtime.yml');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    'arrival-rate': { type: 'string', default: '5' },
    users: { type: 'string', default: '20' },
    'ping-interval': { type: 'string', default: '10000' },
  },
});
const duration = Number(args.duration);
const arrivalRate = Number(args['arrival-rate']);
const userCount = Number(args.users);
/** A virtual user lives ~11 s (5 sends a second apart, 5 s more); the run is killed past this. */
const runLimitSeconds = duration + 60;

/** Artillery's CLI, installed into the cache once. */
function ensureArtillery(log: (text: string) => void): string {
  const cli = join(CACHE, 'node_modules/artillery/bin/run');
  const manifest = join(CACHE, 'node_modules/artillery/package.json');
  const installed = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    : undefined;
  if (installed === ARTILLERY_VERSION && existsSync(cli)) return cli;
  log(`installing artillery@${ARTILLERY_VERSION} into ${CACHE} (once)…`);
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      CACHE,
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `artillery@${ARTILLERY_VERSION}`,
    ],
    {
      stdio: 'inherit',
      timeout: 600_000,
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    },
  );
  if (result.status !== 0 || !existsSync(cli))
    throw new Error(`npm install artillery@${ARTILLERY_VERSION} failed (${result.status ?? result.signal})`);
  return cli;
}

interface Summary {
  min: number;
  max: number;
  mean: number;
  median: number;
  p95: number;
  p99: number;
  count: number;
}

interface Report {
  aggregate: {
    counters: Record<string, number>;
    rates: Record<string, number>;
    summaries: Record<string, Summary>;
    firstMetricAt: number;
    lastMetricAt: number;
  };
}

void runBench(
  'artillery',
  {
    deadlineSeconds: 300 + runLimitSeconds,
    description: 'artillery (Socket.IO engine) against the realtime edge (issue 17 item 5)',
  },
  async (bench) => {
    const cli = ensureArtillery(bench.log);
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));
    bench.log('starting auth + chat + presence + gateway from apps/*/dist…');
    const { stack, watch } = await startRealtimeStack(bench, {
      directory,
      pingIntervalMs: Number(args['ping-interval']),
    });
    const target = assertLoopback(stack.gateway.url).origin;

    const api = new Api(target);
    const users = await inBatches(Array.from({ length: userCount }), 8, () => registerUser(api));
    const busy = await guildWithMembers(api, users, 'bench-artillery', bench.signal);
    // log the users in (their registration tokens would do; a load test starts from a log-in)
    const tokens = await inBatches(users, 8, (user) =>
      retry(
        'login',
        () =>
          api.post<{ accessToken: string }>('/api/v1/auth/login', {
            login: user.user.username,
            password: user.password,
          }),
        bench.signal,
      ).then((body) => body.accessToken),
    );
    const payload = join(directory, 'users.csv');
    writeFileSync(payload, ['token', ...tokens].join('\n') + '\n');
    const reportFile = join(directory, 'report.json');
    const overrides = {
      config: {
        phases: [{ name: 'ramp', duration, arrivalRate }],
        variables: { channelId: busy!.channelId },
      },
    };
    bench.note(
      `artillery ${ARTILLERY_VERSION} (Socket.IO engine, websocket) from ${CACHE}; ${userCount} users in one ` +
        `channel; ${duration} s at ${arrivalRate} new virtual users/s, each 5 sends a second apart then 5 s connected`,
    );

    bench.log(`-- artillery: ${duration} s at ${arrivalRate} virtual users/s against ${target}`);
    const sampler = new ProcessSampler(watch);
    sampler.start();
    const started = performance.now();
    const output: string[] = [];
    const code = await new Promise<number | string>((done) => {
      const child = spawn(
        process.execPath,
        [
          cli,
          'run',
          '--target',
          target,
          '--overrides',
          JSON.stringify(overrides),
          '--payload',
          payload,
          '--output',
          reportFile,
          SCENARIO,
        ],
        {
          cwd: directory,
          env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), runLimitSeconds * 1000);
      bench.onCleanup(() => child.exitCode === null && child.kill('SIGKILL'));
      child.on('exit', (exitCode, signal) => {
        clearTimeout(timer);
        done(exitCode ?? signal ?? '?');
      });
    });
    const seconds = (performance.now() - started) / 1000;
    const processes = sampler.stop();
    const text = output.join('');
    // artillery's own summary: from its last "Summary report" on
    const summaryAt = text.lastIndexOf('Summary report');
    bench.section(
      `== artillery's summary (exit ${code}, ${fixed(seconds, 1)} s)`,
      summaryAt >= 0 ? text.slice(summaryAt) : text.slice(-4000),
      'artillery-output',
      { exit: code },
    );
    if (!existsSync(reportFile)) throw new Error(`artillery wrote no report (exit ${code})`);

    const { aggregate } = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    const counter = (name: string) => aggregate.counters[name] ?? 0;
    const latency = (name: string) => {
      const summary = aggregate.summaries[name];
      return summary
        ? `${fixed(summary.median, 1)}/${fixed(summary.p95, 1)}/${fixed(summary.p99, 1)}/${fixed(summary.max, 0)}`
        : '-';
    };
    const sent = counter('http.codes.201');
    const dispatches = counter('bonfire.dispatches');
    const errors = Object.entries(aggregate.counters).filter(
      ([name]) => name.startsWith('errors.') || name.startsWith('bonfire.disconnect.'),
    );
    const span = Math.max(1, (aggregate.lastMetricAt - aggregate.firstMetricAt) / 1000);
    bench.section(
      '== artillery figures (latency ms p50/p95/p99/max)',
      table(
        ['figure', 'value'],
        [
          [
            'virtual users created / completed / failed',
            `${counter('vusers.created')} / ${counter('vusers.completed')} / ${counter('vusers.failed')}`,
          ],
          ['messages sent (HTTP 201) / requests', `${sent} / ${counter('http.requests')}`],
          ['send HTTP latency', latency('http.response_time')],
          ['socket.io emits (typing.start, acked)', String(counter('socketio.emit'))],
          ['socket.io ack latency', latency('socketio.response_time')],
          ['dispatches received (message.created)', String(dispatches)],
          ['dispatch arrival latency (send → receive)', latency('bonfire.dispatch_latency')],
          ['dispatches per message sent (fan-out)', fixed(sent ? dispatches / sent : NaN, 1)],
          ['dispatches/s over the run', fixed(dispatches / span, 0)],
          ['other dispatches (typing, …)', String(counter('bonfire.dispatches_other'))],
          [
            'errors, unexpected disconnects',
            errors.map(([name, count]) => `${name}×${count}`).join(' ') || '0',
          ],
        ],
      ) +
        '\n\n' +
        table(
          ['process', 'CPU %', 'RSS peak MiB'],
          processes.map((entry) => [entry.name, fixed(entry.cpuPercent, 0), fixed(entry.rssPeakMiB, 0)]),
        ),
      'artillery',
      { exit: code, seconds, aggregate, processes },
    );
    if (code !== 0) process.exitCode = 1;
  },
).catch((error: unknown) => {
  console.error(error);
  process.exitCode ||= 1;
});
