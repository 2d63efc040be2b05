// SMTP server for development and tests: Mailpit (built once with `go install`). It accepts every mail sent
// to SMTP_URL and keeps it for reading in its web UI and HTTP API (MAILPIT_URL: /api/v1/messages).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  cacheRoot,
  ensureDir,
  portOf,
  probePort,
  progress,
  run,
  serverPaths,
  setting,
  spawnDetached,
  which,
} from '../lib/support.mjs';

const name = 'mailpit';
const version = setting('MAILPIT_VERSION');
const port = portOf(setting('SMTP_URL'));
const webUrl = setting('MAILPIT_URL');
const webPort = portOf(webUrl);
const paths = serverPaths(name);
const binDir = join(cacheRoot, `mailpit-${version}`); // GOBIN: one folder per version
const binary = join(binDir, 'mailpit');

export default {
  name,
  port,
  paths,
  version: () => version,
  healthTimeoutMs: 30_000,
  /** Printed by `infra up` once the server is ready. */
  webUi: webUrl,

  async install() {
    if (existsSync(binary)) return;
    if (!which('go')) throw new Error('go (≥ 1.25) is not installed: it builds Mailpit with `go install`');
    progress.step(name, `building Mailpit ${version} with go install (first run only, takes a few minutes)…`);
    ensureDir(binDir);
    await run('go', ['install', `github.com/axllent/mailpit@${version}`], {
      env: { GOBIN: binDir },
      logFile: join(binDir, 'build.log'),
    });
  },

  async start() {
    // probePort answers a reason when nothing listens there, undefined when something does.
    if (!(await probePort(webPort)))
      throw new Error(`port ${webPort} (MAILPIT_URL) is already in use by a process infra did not start`);
    const args = [
      '--smtp',
      `127.0.0.1:${port}`,
      '--listen',
      `127.0.0.1:${webPort}`,
      '--database',
      join(ensureDir(paths.dir), 'mailpit.db'),
      '--max',
      '5000',
      '--disable-version-check',
      '--quiet',
    ];
    return spawnDetached(binary, args, { cwd: paths.dir, ...paths });
  },

  async health() {
    const response = await fetch(`${webUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) throw new Error(`GET /readyz answered ${response.status}`);
  },
};
