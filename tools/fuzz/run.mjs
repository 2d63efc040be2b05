#!/usr/bin/env node
// Fuzzes the public API: schemathesis (pinned, from PyPI, in a cached virtualenv) runs every check it has
// over every operation of apps/gateway/openapi.json against the standalone shape (one process, embedded
// parts, no servers needed). Exits non-zero on any finding: a 5xx, an undocumented status, a schema-valid
// request refused (beyond config.mjs ACCEPTED_REFUSALS and the codes the document names; hooks.py), a
// response that breaks its schema, or a run over its time limit.
//
//   node tools/fuzz/run.mjs [--no-build] [--seed N|random] [--max-examples N] [--time-limit SECONDS]
//                           [--max-time SECONDS] [--workers N] [--keep] [--live-spec]
//
// By default a run is repeatable, as CI needs (npm test runs it after the standalone e2e stage): a fixed
// seed (the same cases for each operation every run), one worker (the operations in the same order, so
// each meets the same state), one pass of every phase with at most --max-examples (20) fuzzed cases per
// operation, against a fresh platform whose time-window limits are lifted and whose fixtures are kept
// (config.mjs protectedFixtures), and --time-limit (210 s) as a hard ceiling: a run that needs longer fails
// (lower --max-examples), it never passes on part of its cases. --max-time instead hands schemathesis a
// time budget it fills by repeating the fuzzing and stateful phases with new cases: more ground when
// exploring locally, not repeatable.
// --live-spec fuzzes the document the running services serve (merged as `npm run openapi` merges them)
// instead of the committed one: to check a controller's fix before refreshing apps/gateway/openapi.json.
// Reports (JUnit, NDJSON events, summary.json) land in e2e/artifacts/fuzz/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadWorkspaceEnv, workspaceRoot } from '../scripts/workspace-env.mjs';
import { seedFixtures } from './fixtures.mjs';
import { fuzzRules, schemathesisConfig } from './config.mjs';

const SCHEMATHESIS_VERSION = '4.32.5';
/** The seed of repeatable runs (CI); `--seed random` lets schemathesis draw one (it prints it). */
const DEFAULT_SEED = '15';
const HOOKS = resolve(workspaceRoot, 'tools/fuzz/hooks.py');
const SERVICES = ['gateway', 'auth', 'chat', 'presence', 'file', 'search', 'voice'];
const DOCUMENTED_SERVICES = SERVICES.filter((name) => name !== 'gateway');
const COMMITTED_SPEC = resolve(workspaceRoot, 'apps/gateway/openapi.json');

/** The services' own documents, merged by the same code as `npm run openapi` (Node strips its types). */
async function liveSpec(platform, path) {
  const { mergeOpenApi } = await import('../../e2e/openapi/merge.ts');
  const documents = {};
  for (const name of DOCUMENTED_SERVICES) {
    documents[name] = await (await fetch(`${platform.serviceUrl(name)}/openapi.json`)).json();
  }
  writeFileSync(path, `${JSON.stringify(mergeOpenApi(documents), null, 2)}\n`);
  return path;
}

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'max-time': { type: 'string' },
    'time-limit': { type: 'string', default: '210' },
    'max-examples': { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    seed: { type: 'string', default: DEFAULT_SEED },
    keep: { type: 'boolean', default: false },
    'live-spec': { type: 'boolean', default: false },
  },
});

const started = Date.now();
const step = (line) => console.log(`▸ ${line}`);

function run(command, args, opts = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...opts });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    process.exit(1);
  }
}

/** The pinned schemathesis in ~/.cache/bonfire/fuzz-venv, installed on first use (or when the pin moves). */
function ensureSchemathesis() {
  const venv = process.env.BONFIRE_FUZZ_VENV ?? join(homedir(), '.cache/bonfire/fuzz-venv');
  const bin = join(venv, 'bin/schemathesis');
  const probe = existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }) : null;
  if (probe?.stdout?.includes(`version ${SCHEMATHESIS_VERSION}`)) return bin;
  step(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
  // A venv whose Python went away (an upgrade of the system's) is made again.
  const pip = join(venv, 'bin/pip');
  if (!existsSync(pip) || spawnSync(pip, ['--version']).status !== 0) {
    run('python3', ['-m', 'venv', '--clear', venv]);
  }
  run(pip, ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  return bin;
}

/** The child processes to take down if this script is stopped. */
const running = new Set();

/**
 * A port in 32000–32767: below the kernel's ephemeral range (32768+), so no outgoing connection takes it
 * between its choice here and the platform's bind; outside the e2e tests' 20000–31999.
 */
let nextPort = 32_000 + Math.floor(Math.random() * 768);
function canBind(port) {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(false));
    server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
  });
}
async function freePort() {
  for (let attempt = 0; attempt < 768; attempt += 1) {
    nextPort = 32_000 + ((nextPort - 32_000 + 1) % 768);
    if (await canBind(nextPort)) return nextPort;
  }
  throw new Error('no free port in 32000–32767');
}

/**
 * The fuzzer is one client on one address sending thousands of requests, its own re-logins among them: the
 * edge's per-route ceilings and the address-wide login lockout would soon answer everything with 429 (and
 * lock the fuzzer's account out). They keep their own tests; here they are raised a thousandfold.
 */
function relaxedRoutesFile(dataDir) {
  const routes = JSON.parse(readFileSync(join(workspaceRoot, 'apps/gateway/routes.json'), 'utf8'));
  routes.rateLimits = routes.rateLimits.map((rule) => ({ ...rule, limit: rule.limit * 1000 }));
  const path = join(dataDir, 'routes.json');
  writeFileSync(path, JSON.stringify(routes));
  return path;
}

async function startPlatform(dataDir) {
  const env = {
    ...loadWorkspaceEnv(),
    BONFIRE_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'error',
    GATEWAY_INTERNAL_PORT: '0',
    // Likewise the per-client ceilings (see relaxedRoutesFile).
    RATE_LIMIT_IP_PER_MINUTE: '1000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    GATEWAY_ROUTES_FILE: relaxedRoutesFile(dataDir),
    LOGIN_MAX_FAILURES_PER_IP: '1000000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '1000000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
    // chat's per-user send limit counts in 10-second windows: what it answers would depend on the speed of
    // the machine, not on the requests.
    CHAT_SEND_LIMIT_PER_10S: '1000000',
  };
  for (const name of SERVICES) {
    const port = await freePort();
    env[`${name.toUpperCase()}_PORT`] = String(port);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}`;
  }
  // Voice signaling has its own public listener; clients are sent there, VOICE_URL stays internal.
  env.VOICE_SIGNALING_PORT = String(await freePort());
  env.VOICE_PUBLIC_URL = `http://127.0.0.1:${env.VOICE_SIGNALING_PORT}`;
  env.FILE_PUBLIC_URL = env.GATEWAY_URL;
  const output = [];
  const child = spawn(process.execPath, [join(workspaceRoot, 'tools/standalone/main.mjs'), '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk) => output.push(chunk.toString()));
  const url = env.GATEWAY_URL;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the platform exited during start:\n${output.join('').slice(-4000)}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  if (Date.now() >= deadline)
    throw new Error(`the platform was not ready in 90 s:\n${output.join('').slice(-4000)}`);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  const serviceUrl = (name) => env[`${name.toUpperCase()}_URL`];
  return { url, serviceUrl, stop, logs: () => output.join('') };
}

/**
 * Copies schemathesis's output line by line, except that its pytest-style banners
 * (`===== 2 warnings in 60.88s =====`) lose their rules. CI reads a log's closing test-runner lines, and
 * that banner reads as pytest closing on no test run: it counts warnings, never cases. The cases are
 * counted by the `fuzz:` line below, from the reports.
 */
function forwardWithoutBanners(stream) {
  let pending = '';
  const write = (line) => {
    const banner = line.match(/^=+ (.*?) =+$/);
    if (!banner) return process.stdout.write(`${line}\n`);
    const finished = banner[1].match(/^(.*) in ([\d.]+)s$/);
    process.stdout.write(
      finished ? `schemathesis finished after ${finished[2]} s: ${finished[1]}\n` : `── ${banner[1]} ──\n`,
    );
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    lines.forEach(write);
  });
  stream.on('end', () => pending && write(pending));
}

/**
 * Cases run, operations tested and statuses seen, from the NDJSON event stream schemathesis writes, and
 * the findings from its JUnit report.
 */
function summarise(ndjsonPath, junitPath) {
  const statuses = {};
  const operations = new Set();
  let cases = 0;
  if (existsSync(ndjsonPath)) {
    for (const line of readFileSync(ndjsonPath, 'utf8').split('\n')) {
      if (!line.startsWith('{"ScenarioFinished"')) continue;
      const { phase, recorder } = JSON.parse(line).ScenarioFinished;
      let answered = 0;
      for (const id of Object.keys(recorder.cases ?? {})) {
        const response = recorder.interactions?.[id]?.response;
        if (!response) continue;
        answered++;
        statuses[response.status_code] = (statuses[response.status_code] ?? 0) + 1;
      }
      cases += answered;
      // Stateful scenarios chain several operations under one label; the unit phases name theirs.
      if (answered > 0 && phase !== 'stateful') operations.add(recorder.label);
    }
  }
  const junit = existsSync(junitPath) ? readFileSync(junitPath, 'utf8') : '';
  const count = (name) => Number(junit.match(new RegExp(`<testsuites[^>]* ${name}="(\\d+)"`))?.[1] ?? 0);
  return { cases, operations: operations.size, statuses, findings: count('failures') + count('errors') };
}

// Nothing of an earlier run's reports survives this one (npm test reads summary.json).
const artifacts = resolve(workspaceRoot, 'e2e/artifacts/fuzz');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const schemathesis = ensureSchemathesis();
if (!options['no-build']) {
  step('building the services (nx, cached)');
  run('npx', ['nx', 'run-many', '-t', 'build', '--projects=' + SERVICES.join(','), '--output-style=static'], {
    cwd: workspaceRoot,
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'bonfire-fuzz-'));
// Stopped from outside (Ctrl-C, a cancelled CI job): take the platform and schemathesis down too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  });
}
step('starting the standalone platform');
const platform = await startPlatform(dataDir);
let exitCode = 1;
try {
  step(`seeding an account and a guild on ${platform.url}`);
  const fixtures = await seedFixtures(platform.url, randomBytes(4).toString('hex'));
  const configPath = join(dataDir, 'schemathesis.toml');
  writeFileSync(configPath, schemathesisConfig(fixtures));
  const ndjson = join(artifacts, 'events.ndjson');
  const junit = join(artifacts, 'junit.xml');
  const spec = options['live-spec']
    ? await liveSpec(platform, join(dataDir, 'openapi.json'))
    : COMMITTED_SPEC;
  const rulesPath = join(dataDir, 'rules.json');
  writeFileSync(rulesPath, JSON.stringify(fuzzRules(JSON.parse(readFileSync(spec, 'utf8')), fixtures)));
  const args = [
    '--config-file',
    configPath,
    'run',
    spec,
    '--url',
    platform.url,
    '--checks',
    'all',
    ...(options['max-time'] ? ['--max-time', options['max-time']] : []),
    '--max-examples',
    options['max-examples'],
    '--workers',
    options.workers,
    '--request-timeout',
    '10',
    '--no-color',
    '--report',
    'junit,ndjson',
    '--report-dir',
    artifacts,
    '--report-ndjson-path',
    ndjson,
    '--report-junit-path',
    junit,
    ...(options.seed === 'random' ? [] : ['--seed', options.seed]),
  ];
  const limit = Number(options['time-limit']);
  step(
    `schemathesis ${SCHEMATHESIS_VERSION}: every check, every operation, ` +
      (options['max-time']
        ? `${options['max-time']} s of cases`
        : `at most ${options['max-examples']} cases each (seed ${options.seed})`) +
      `, time limit ${limit} s`,
  );
  // Asynchronously, so the platform's output keeps being drained while schemathesis runs.
  const fuzz = spawn(schemathesis, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: dataDir,
    env: {
      ...process.env,
      NO_COLOR: '1',
      // No __pycache__ next to hooks.py in the checkout.
      PYTHONDONTWRITEBYTECODE: '1',
      SCHEMATHESIS_HOOKS: HOOKS,
      BONFIRE_FUZZ_RULES: rulesPath,
    },
  });
  forwardWithoutBanners(fuzz.stdout);
  // A hard ceiling: a run that needs longer is a failure (lower --max-examples), never a partial pass.
  running.add(fuzz);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    fuzz.kill('SIGKILL');
  }, limit * 1000);
  exitCode = await new Promise((done) => fuzz.once('exit', (code) => done(code ?? 1)));
  clearTimeout(timer);
  if (timedOut) exitCode = 1;
  if (timedOut) console.error(`✗ schemathesis exceeded the time limit of ${limit} s: lower --max-examples`);
  const summary = {
    seed: options.seed,
    maxExamples: Number(options['max-examples']),
    ...summarise(ndjson, junit),
    timedOut,
    passed: exitCode === 0,
  };
  writeFileSync(join(artifacts, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const seen = Object.entries(summary.statuses).map(([status, count]) => `${status}×${count}`);
  console.log(
    `\n  fuzz: ${summary.cases} cases over ${summary.operations} operations, ${summary.findings} findings;` +
      ` statuses: ${seen.join(' ') || 'none'}`,
  );
  console.log(`  reports: ${artifacts}`);
  const serverErrors = platform
    .logs()
    .split('\n')
    .filter((line) => /"level":\s*50|ERROR/.test(line));
  if (serverErrors.length)
    console.log(
      `  the platform logged ${serverErrors.length} error line(s); last:\n${serverErrors.slice(-5).join('\n')}`,
    );
} catch (error) {
  console.error('✗ fuzz run failed:', error);
  console.error(platform.logs().slice(-4000));
} finally {
  await platform.stop();
  if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  exitCode === 0 ? `✓ fuzz passed in ${seconds} s` : `✗ fuzz failed (exit ${exitCode}) after ${seconds} s`,
);
process.exit(exitCode);
