#!/usr/bin/env node
// `npm run start:distributed`: local servers up, every service built and started as its own process, one
// readable log stream.
// Ctrl-C stops the services gracefully (the local servers keep running; `npm run infra:down` stops them).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadWorkspaceEnv, workspaceRoot } from './workspace-env.mjs';
import { createPrettyPrinter } from './pretty-logs.mjs';
import { runOrExit, serviceApps } from './run.mjs';

const env = loadWorkspaceEnv();
await runOrExit('node', ['infra/cli.mjs', 'up']);
console.log('▸ building services…');
await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

const services = serviceApps();
const prettyLine = createPrettyPrinter(services.map((service) => service.name));

const children = services.map((service) => {
  const child = spawn(process.execPath, [service.entry], {
    cwd: workspaceRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => prettyLine(service.name, line));
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
