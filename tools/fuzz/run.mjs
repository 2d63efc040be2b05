#!/usr/bin/env node
// Fuzzes the public API: schemathesis (pinned, from PyPI, in a cached virtualenv) runs every check it has
// over every operation of apps/gateway/openapi.json against the standalone shape (one process, embedded
// parts, no servers needed), bounded in time. Exits non-zero on any failure: a 5xx, an undocumented status,
// a schema-valid request refused, a response that breaks its schema.
//
//   node tools/fuzz/run.mjs [--no-build] [--max-time SECONDS] [--max-examples N] [--seed N] [--keep] [--live-spec]
//
// --live-spec fuzzes the document the running services serve (merged as `npm run openapi` merges them)
// instead of the committed one: to check a controller's fix before refreshing apps/gateway/openapi.json.
// Reports (JUnit, NDJSON events) land in e2e/artifacts/fuzz/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadWorkspaceEnv, workspaceRoot } from '../scripts/workspace-env.mjs';
import { seedFixtures } from './fixtures.mjs';
import { schemathesisConfig } from './config.mjs';

const SCHEMATHESIS_VERSION = '4.32.5';
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
    'max-time': { type: 'string', default: '180' },
    'max-examples': { type: 'string', default: '30' },
    seed: { type: 'string' },
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
  if (!existsSync(join(venv, 'bin/pip'))) run('python3', ['-m', 'venv', venv]);
  run(join(venv, 'bin/pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
  ]);
  return bin;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
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
  };
  for (const name of SERVICES) {
    const port = await freePort();
    env[`${name.toUpperCase()}_PORT`] = String(port);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}`;
  }
  env.VOICE_PUBLIC_URL = env.VOICE_URL;
  env.FILE_PUBLIC_URL = env.GATEWAY_URL;
  const output = [];
  const child = spawn(process.execPath, [join(workspaceRoot, 'tools/standalone/main.mjs'), '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** Cases run and statuses seen, from the NDJSON event stream schemathesis writes. */
function summarise(ndjsonPath) {
  const statuses = new Map();
  let cases = 0;
  if (!existsSync(ndjsonPath)) return { cases, statuses };
  for (const line of readFileSync(ndjsonPath, 'utf8').split('\n')) {
    if (!line.includes('"status_code"')) continue;
    const found = line.matchAll(/"status_code":\s*(\d{3})/g);
    for (const [, status] of found) {
      cases++;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  return { cases, statuses };
}

const schemathesis = ensureSchemathesis();
if (!options['no-build']) {
  step('building the services (nx, cached)');
  run('npx', ['nx', 'run-many', '-t', 'build', '--projects=' + SERVICES.join(','), '--output-style=static'], {
    cwd: workspaceRoot,
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'bonfire-fuzz-'));
const artifacts = resolve(workspaceRoot, 'e2e/artifacts/fuzz');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
step('starting the standalone platform');
const platform = await startPlatform(dataDir);
let exitCode = 1;
try {
  step(`seeding an account and a guild on ${platform.url}`);
  const fixtures = await seedFixtures(platform.url, randomBytes(4).toString('hex'));
  const configPath = join(dataDir, 'schemathesis.toml');
  writeFileSync(configPath, schemathesisConfig(fixtures));
  const ndjson = join(artifacts, 'events.ndjson');
  const spec = options['live-spec']
    ? await liveSpec(platform, join(dataDir, 'openapi.json'))
    : COMMITTED_SPEC;
  const args = [
    '--config-file',
    configPath,
    'run',
    spec,
    '--url',
    platform.url,
    '--checks',
    'all',
    '--max-time',
    options['max-time'],
    '--max-examples',
    options['max-examples'],
    '--workers',
    '2',
    '--request-timeout',
    '10',
    '--no-color',
    '--report',
    'junit,ndjson',
    '--report-dir',
    artifacts,
    '--report-ndjson-path',
    ndjson,
    ...(options.seed ? ['--seed', options.seed] : []),
  ];
  step(
    `schemathesis ${SCHEMATHESIS_VERSION}: every check, every operation, at most ${options['max-time']} s`,
  );
  const fuzz = spawnSync(schemathesis, args, {
    stdio: 'inherit',
    cwd: dataDir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  exitCode = fuzz.status ?? 1;
  const { cases, statuses } = summarise(ndjson);
  const seen = [...statuses].sort().map(([status, count]) => `${status}×${count}`);
  console.log(`\n  responses checked: ${cases}; statuses: ${seen.join(' ') || 'none'}`);
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
