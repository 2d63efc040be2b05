#!/usr/bin/env node
// `npm start`: the standalone shape — every service in one Node process on embedded parts (no Postgres,
// Redis, Kafka, Elasticsearch or S3 needed). Builds first (cached), then runs tools/standalone/main.mjs
// and shows its JSON logs readably. Ctrl-C stops it gracefully; the data stays in BONFIRE_DATA_DIR.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createPrettyPrinter } from './pretty-logs.mjs';
import { runOrExit } from './run.mjs';
import { loadWorkspaceEnv, workspaceRoot } from './workspace-env.mjs';
import { SERVICES } from '../standalone/standalone.mjs';

const env = loadWorkspaceEnv();
console.log('▸ building…');
await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

const print = createPrettyPrinter(SERVICES.map(([name]) => name));
const platform = spawn(process.execPath, [join(workspaceRoot, 'tools/standalone/main.mjs')], {
  cwd: workspaceRoot,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
for (const stream of [platform.stdout, platform.stderr]) {
  createInterface({ input: stream }).on('line', (line) => print('bonfire', line));
}
// Ctrl-C reaches the platform process too (same process group); wait for it to finish its shutdown.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => platform.kill(signal));
}
platform.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
