#!/usr/bin/env node
// `npm test`: every test tier, in both shapes.
//   1. builds what the end-to-end tests start as processes
//   2. the standalone shape: the black-box user flows against ONE process on embedded parts, before any
//      local server is started (and with the servers' addresses pointed at closed ports, so nothing can
//      quietly use one)
//   3. brings the local servers up (idempotent: instant when they already run)
//   4. Vitest over all projects on the real servers: unit (*.spec.ts), integration and e2e (*.int-spec.ts)
// Ends with one line adding both runs up: `tests: N passed, N failed`.
// Extra arguments go to the Vitest run of step 4 and skip step 2, e.g. `npm test -- --project auth`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspaceEnv } from './workspace-env.mjs';
import { run, runOrExit } from './run.mjs';

/** The e2e files that drive only the public API, so they run against either shape. */
export const STANDALONE_E2E = [
  'e2e/standalone',
  'e2e/auth/auth-lifecycle.int-spec.ts',
  'e2e/auth/session-revocation.int-spec.ts',
  'e2e/sdk/sdk.int-spec.ts',
  'e2e/realtime/visibility.int-spec.ts',
  'e2e/search/search-through-gateway.int-spec.ts',
  'e2e/file/upload-limits.int-spec.ts',
  'e2e/web/web-client.int-spec.ts',
];

const env = loadWorkspaceEnv();
const vitestArgs = process.argv.slice(2);
const summaryDir = mkdtempSync(join(tmpdir(), 'bonfire-test-'));
const summaryFile = join(summaryDir, 'summary.jsonl');
const withSummary = { env: { ...env, BONFIRE_TEST_SUMMARY_FILE: summaryFile } };

await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

let status = 0;
if (vitestArgs.length === 0) {
  console.log('\n▸ standalone shape: user flows against one process, no local servers');
  const closed = 'http://127.0.0.1:9';
  const standaloneEnv = {
    ...withSummary.env,
    E2E_SHAPE: 'standalone',
    REDIS_URL: 'redis://127.0.0.1:9',
    KAFKA_BROKERS: '127.0.0.1:9',
    ELASTICSEARCH_URL: closed,
    S3_ENDPOINT: closed,
    AUTH_DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
    CHAT_DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
    FILE_DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
  };
  status ||= await run('npx', ['vitest', 'run', '--project', 'e2e', ...STANDALONE_E2E], {
    env: standaloneEnv,
  });
  console.log('\n▸ distributed shape: every tier on the real local servers');
}
await runOrExit('node', ['infra/cli.mjs', 'up']);
// These boot the standalone shape whatever E2E_SHAPE says; they already ran above.
const STANDALONE_ONLY = [
  'e2e/standalone/restart.int-spec.ts',
  'e2e/standalone/voice-unavailable.int-spec.ts',
];
const distributedArgs =
  vitestArgs.length > 0 ? vitestArgs : STANDALONE_ONLY.flatMap((file) => ['--exclude', file]);
status ||= await run('npx', ['vitest', 'run', ...distributedArgs], withSummary);

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8').split('\n') : [];
for (const line of lines.filter(Boolean)) {
  const counts = JSON.parse(line);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
rmSync(summaryDir, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(status || (failed > 0 ? 1 : 0));
