#!/usr/bin/env node
// `npm test`: every test tier that exists, against the real local servers.
//   1. brings the local servers up (idempotent: instant when they already run)
//   2. builds what the end-to-end tests start as processes
//   3. runs Vitest over all projects: unit (*.spec.ts) and integration/e2e (*.int-spec.ts)
// Extra arguments go to Vitest, e.g. `npm test -- --project auth`.
import { loadWorkspaceEnv } from './workspace-env.mjs';
import { run, runOrExit } from './run.mjs';

loadWorkspaceEnv();
await runOrExit('node', ['infra/cli.mjs', 'up']);
await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);
process.exit(await run('npx', ['vitest', 'run', ...process.argv.slice(2)]));
