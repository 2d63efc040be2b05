#!/usr/bin/env node
// `npm test`: every test tier, in both shapes.
//   1. builds what the end-to-end tests start as processes
//   2. the standalone shape: the black-box user flows against ONE process on embedded parts, before any
//      local server is started (and with the servers' addresses pointed at closed ports, so nothing can
//      quietly use one)
//   3. the fuzz stage (tools/fuzz/run.mjs): schemathesis over the API document against the standalone
//      shape, a fixed seed and a bounded number of cases; any finding fails the run
//   4. brings the local servers up (idempotent: instant when they already run)
//   5. Vitest over all projects on the real servers: unit (*.spec.ts), integration and e2e (*.int-spec.ts)
// Ends with each shape's counts, the fuzz stage's line, and last one line adding both Vitest runs up,
// `tests: N passed, N failed`.
// Extra arguments go to the Vitest run of step 5 and skip steps 2 and 3, e.g. `npm test -- --project auth`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspaceEnv, workspaceRoot } from './workspace-env.mjs';
import { run, runOrExit } from './run.mjs';

/** The e2e files that drive only the public API, so they run against either shape. */
export const STANDALONE_E2E = [
  'e2e/standalone',
  'e2e/auth/auth-lifecycle.int-spec.ts',
  'e2e/auth/session-revocation.int-spec.ts',
  'e2e/auth/account-email.int-spec.ts',
  'e2e/auth/two-factor.int-spec.ts',
  'e2e/accounts/instance-admin.int-spec.ts',
  'e2e/accounts/data-export.int-spec.ts',
  'e2e/sdk/sdk.int-spec.ts',
  'e2e/sdk/bot.int-spec.ts',
  'e2e/realtime/visibility.int-spec.ts',
  'e2e/realtime/user-updates.int-spec.ts',
  'e2e/realtime/realtime-races.int-spec.ts',
  'e2e/realtime/socket-limits.int-spec.ts',
  'e2e/realtime/socket-fuzz.int-spec.ts',
  'e2e/search/search-through-gateway.int-spec.ts',
  'e2e/file/upload-limits.int-spec.ts',
  'e2e/chat/audit-log.int-spec.ts',
  'e2e/chat/webhooks.int-spec.ts',
  'e2e/chat/threads.int-spec.ts',
  'e2e/chat/embeds.int-spec.ts',
  'e2e/chat/relationships.int-spec.ts',
  'e2e/chat/emoji.int-spec.ts',
  'e2e/chat/notifications.int-spec.ts',
  'e2e/realtime/batching.int-spec.ts',
  // Two browser tests here, as before; the other web tests pass on this shape too but run in the
  // distributed stage only, to keep this stage short.
  'e2e/web/web-client.int-spec.ts',
  'e2e/web/web-settings.int-spec.ts',
];

const env = loadWorkspaceEnv();
const vitestArgs = process.argv.slice(2);
const summaryDir = mkdtempSync(join(tmpdir(), 'bonfire-test-'));
const summaryFile = join(summaryDir, 'summary.jsonl');
const withSummary = { env: { ...env, BONFIRE_TEST_SUMMARY_FILE: summaryFile } };

await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

let status = 0;
let fuzzLine = null;
let standaloneRuns = 0;
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
  // Every stage runs even after a failure (no short-circuit), so one CI run shows every failing test.
  const standaloneStatus = await run('npx', ['vitest', 'run', '--project', 'e2e', ...STANDALONE_E2E], {
    env: standaloneEnv,
  });
  status ||= standaloneStatus;
  standaloneRuns = readSummaries().length;
  console.log('\n▸ fuzz: schemathesis over the API document against the standalone shape');
  const fuzzStatus = await run('node', ['tools/fuzz/run.mjs', '--no-build'], { env: standaloneEnv });
  status ||= fuzzStatus;
  fuzzLine = fuzzSummaryLine(fuzzStatus);
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
const distributedStatus = await run('npx', ['vitest', 'run', ...distributedArgs], withSummary);
status ||= distributedStatus;

const summaries = readSummaries();
rmSync(summaryDir, { recursive: true, force: true });
const total = addUp(summaries);
for (const failure of total.failures)
  console.log(`\nFAILED ${failure.file} › ${failure.test}\n       ${failure.error}`);
console.log('');
if (vitestArgs.length === 0) {
  console.log(`standalone shape: ${countsText(addUp(summaries.slice(0, standaloneRuns)))}`);
  console.log(`distributed shape: ${countsText(addUp(summaries.slice(standaloneRuns)))}`);
}
if (fuzzLine) console.log(fuzzLine);
// Last and alone on its line: CI reads the closing `N passed, N failed` line.
console.log(`tests: ${countsText(total)}`);
process.exit(status || (total.failed > 0 ? 1 : 0));

/** One line per Vitest run so far, written by tools/vitest/summary-reporter.mts. */
function readSummaries() {
  if (!existsSync(summaryFile)) return [];
  return readFileSync(summaryFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

function addUp(summaries) {
  const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const counts of summaries) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    total.failures.push(...(counts.failures ?? []));
  }
  return total;
}

function countsText({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** `fuzz: N cases over N operations, N findings` from the stage's e2e/artifacts/fuzz/summary.json. */
function fuzzSummaryLine(exitCode) {
  const path = join(workspaceRoot, 'e2e/artifacts/fuzz/summary.json');
  if (!existsSync(path)) return `fuzz: did not run to the end (exit ${exitCode})`;
  const summary = JSON.parse(readFileSync(path, 'utf8'));
  const outcome = summary.timedOut ? 'over its time limit' : `${summary.findings} findings`;
  return `fuzz: ${summary.cases} cases over ${summary.operations} operations (seed ${summary.seed}), ${outcome}`;
}
