#!/usr/bin/env node
// Runs a benchmark from tools/bench/<name>.bench.ts:
//   node tools/bench/run.mjs <name> [--no-build] [--no-infra] [bench options…]
//   node tools/bench/run.mjs --list
// Before the run it makes sure the local servers are up (idempotent) and builds the projects the bench
// names on its `@bench-builds` line (Nx cache: instant when nothing changed), then runs it with tsx.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, runOrExit } from '../scripts/run.mjs';
import { loadWorkspaceEnv, workspaceRoot } from '../scripts/workspace-env.mjs';

const benchDir = join(workspaceRoot, 'tools/bench');
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length));

const argv = process.argv.slice(2);
const name = argv.find((arg) => !arg.startsWith('-'));
if (argv.includes('--list') || !name) {
  console.log(`benchmarks: ${benches.join(', ')}`);
  console.log('usage: node tools/bench/run.mjs <name> [--no-build] [--no-infra] [bench options…]');
  process.exit(name || argv.includes('--list') ? 0 : 1);
}
if (!benches.includes(name)) {
  console.error(`no benchmark "${name}"; there are: ${benches.join(', ')}`);
  process.exit(1);
}
const file = join(benchDir, `${name}.bench.ts`);
const passThrough = argv.filter((arg) => arg !== name && arg !== '--no-build' && arg !== '--no-infra');

loadWorkspaceEnv();
if (!argv.includes('--no-infra')) await runOrExit('node', ['infra/cli.mjs', 'up']);
if (!argv.includes('--no-build')) {
  const projects =
    /@bench-builds\s+(.+)/
      .exec(readFileSync(file, 'utf8'))?.[1]
      ?.trim()
      .split(/[\s,]+/) ?? [];
  if (projects.length > 0) {
    await runOrExit('npx', [
      'nx',
      'run-many',
      '-t',
      'build',
      `--projects=${projects.join(',')}`,
      '--output-style=static',
    ]);
  }
}
process.exit(await run(process.execPath, ['--import', 'tsx', file, ...passThrough]));
