#!/usr/bin/env node
// `npm start`: local servers up, every service built and started, one readable log stream.
// Ctrl-C stops the services gracefully (the local servers keep running; `npm run infra:down` stops them).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadWorkspaceEnv, workspaceRoot } from './workspace-env.mjs';
import { runOrExit, serviceApps } from './run.mjs';

const env = loadWorkspaceEnv();
await runOrExit('node', ['infra/cli.mjs', 'up']);
console.log('▸ building services…');
await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

const COLORS = [36, 35, 33, 32, 34, 31, 96];
const LEVEL_STYLE = { trace: 90, debug: 90, info: 0, warn: 33, error: 31, fatal: 41 };
const services = serviceApps();
const width = Math.max(...services.map((service) => service.name.length));

// Nest's start-up chatter (modules loaded, routes mapped): useful when debugging, noise otherwise.
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** JSON log lines become `hh:mm:ss gateway  message`; anything else is shown as it is. */
function prettyLine(name, color, line) {
  let text = line;
  try {
    const record = JSON.parse(line);
    if (QUIET_CONTEXTS.has(record.context) && record.level === 'info') return;
    const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '';
    const extra =
      record.req && record.res ? ` ${record.req.method} ${record.req.url} → ${record.res.statusCode}` : '';
    const error = record.err?.message ? ` (${record.err.message})` : '';
    text = `${time} \x1b[${LEVEL_STYLE[record.level] ?? 0}m${record.msg ?? ''}${extra}${error}\x1b[0m`;
  } catch {
    // not JSON: show as is
  }
  process.stdout.write(`\x1b[${color}m${name.padEnd(width)}\x1b[0m ${text}\n`);
}

const children = services.map((service, index) => {
  const child = spawn(process.execPath, [service.entry], {
    cwd: workspaceRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const color = COLORS[index % COLORS.length];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => prettyLine(service.name, color, line));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`✗ ${service.name} exited (${signal ?? `code ${code}`}); stopping the others`);
      stop(1);
    }
  });
  return child;
});

const gatewayUrl = `http://localhost:${env.GATEWAY_PORT ?? 8080}`;
console.log(`\n✓ Bonfire is starting: ${services.map((s) => s.name).join(', ')}`);
console.log(`  gateway  ${gatewayUrl}   (health: ${gatewayUrl}/health/ready)`);
console.log('  Ctrl-C stops the services; `npm run infra:down` stops the local servers.\n');

let stopping = false;
function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\n▸ stopping services…');
  let alive = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of alive) child.kill('SIGTERM');
  const check = setInterval(() => {
    alive = alive.filter((child) => child.exitCode === null && child.signalCode === null);
    if (alive.length === 0) {
      clearInterval(check);
      console.log('✓ stopped');
      process.exit(exitCode);
    }
  }, 100);
  setTimeout(() => {
    for (const child of alive) child.kill('SIGKILL');
    process.exit(exitCode || 1);
  }, 20_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
