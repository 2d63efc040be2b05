#!/usr/bin/env node
// Bonfire's local servers: `node infra/cli.mjs <up|down|status|logs> [server…] [--wipe]`.
// Settings come only from bonfire.env (via loadWorkspaceEnv); see docs/infra.md.
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import {
  checkHealth,
  dataRoot,
  firstLine,
  livePid,
  probePort,
  progress,
  seconds,
  stopProcess,
  tail,
  waitForHealth,
  workspaceRoot,
} from './lib/support.mjs';
import postgres from './servers/postgres.mjs';
import redis from './servers/redis.mjs';
import kafka from './servers/kafka.mjs';
import elasticsearch from './servers/elasticsearch.mjs';
import s3 from './servers/s3.mjs';
import mailpit from './servers/mailpit.mjs';

const servers = [postgres, redis, kafka, elasticsearch, s3, mailpit];

// kafkajs 2.2.4 passes a negative delay to setTimeout, which Node 24 reports on every run; it is harmless.
process.removeAllListeners('warning');
process.on(
  'warning',
  (warning) =>
    warning.name !== 'TimeoutNegativeWarning' && console.warn(`${warning.name}: ${warning.message}`),
);

/** install → start → wait for health → provision, for one server. Already healthy → nothing to start. */
async function up(server) {
  const since = Date.now();
  let pid = livePid(server.paths.pidFile);
  if (pid && (await checkHealth(server)).ok) {
    await server.provision?.();
    progress.ok(server.name, `already running on 127.0.0.1:${server.port} (pid ${pid})`);
    if (server.webUi) progress.ok(server.name, `web UI at ${server.webUi}`);
    return;
  }
  if (!pid) {
    if (!(await probePort(server.port)))
      throw new Error(`port ${server.port} is already in use by a process infra did not start`);
    await server.install();
    progress.step(server.name, 'starting…');
    pid = await server.start();
  } else {
    progress.step(server.name, `pid ${pid} is running but not healthy yet; waiting…`);
  }
  await waitForHealth(server, pid, server.healthTimeoutMs);
  await server.provision?.();
  progress.ok(
    server.name,
    `${server.version()} ready on 127.0.0.1:${server.port} (pid ${pid}, ${seconds(since)})`,
  );
  if (server.webUi) progress.ok(server.name, `web UI at ${server.webUi}`);
}

async function down(server) {
  const pid = livePid(server.paths.pidFile);
  if (!pid) return progress.ok(server.name, 'not running');
  progress.step(server.name, `stopping pid ${pid}…`);
  const how = await stopProcess(pid, { signal: server.stopSignal });
  livePid(server.paths.pidFile); // removes the now-stale pid file
  progress.ok(
    server.name,
    how === 'killed' ? `did not stop in time: killed (pid ${pid})` : `stopped (pid ${pid})`,
  );
}

async function status(server) {
  const pid = livePid(server.paths.pidFile);
  const portProblem = await probePort(server.port);
  let state;
  if (!pid) state = portProblem ? 'not running' : `not running (port ${server.port} used by another process)`;
  else if (portProblem) state = portProblem;
  else {
    const health = await checkHealth(server);
    state = health.ok ? 'healthy' : health.reason;
  }
  return { server: server.name, port: server.port, pid: pid ?? '-', state };
}

function printTable(rows) {
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) =>
    cells
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(columns.map((c) => c.toUpperCase())));
  for (const row of rows) console.log(line(columns.map((c) => row[c])));
}

/** Run `fn` for every server in parallel; report each failure with the tail of that server's logs. */
async function eachServer(selected, fn) {
  const results = await Promise.allSettled(selected.map(fn));
  const failed = selected.filter((server, i) => {
    const result = results[i];
    if (result.status === 'fulfilled') return false;
    progress.fail(server.name, `failed: ${result.reason?.message ?? result.reason}`);
    for (const log of [server.paths.logFile, ...(server.logFiles ?? [])]) {
      console.error(
        `  --- last lines of ${relative(workspaceRoot, log)}\n${tail(log, 20).replace(/^/gm, '  | ')}`,
      );
    }
    return true;
  });
  return { results, failed };
}

function select(names) {
  if (!names.length) return servers;
  return names.map((wanted) => {
    const server = servers.find((s) => s.name === wanted || (wanted === 'es' && s.name === 'elasticsearch'));
    if (!server)
      throw new Error(`unknown server "${wanted}" (known: ${servers.map((s) => s.name).join(', ')})`);
    return server;
  });
}

async function main() {
  const [command = 'status', ...rest] = process.argv.slice(2);
  const flags = new Set(rest.filter((arg) => arg.startsWith('--')));
  const selected = select(rest.filter((arg) => !arg.startsWith('--')));
  const since = Date.now();

  switch (command) {
    case 'up': {
      const { failed } = await eachServer(selected, up);
      if (failed.length) {
        console.error(
          `\n✗ infra up failed for: ${failed.map((s) => s.name).join(', ')} — logs: node infra/cli.mjs logs <server>`,
        );
        return 1;
      }
      console.log(
        `\nAll ${selected.length} server(s) ready in ${seconds(since)} (data in ${relative(workspaceRoot, dataRoot)}/).`,
      );
      return 0;
    }
    case 'down': {
      const { failed } = await eachServer(selected, down);
      if (flags.has('--wipe') && !failed.length) {
        if (selected.length !== servers.length)
          throw new Error('--wipe removes the whole data folder: use it without server names');
        rmSync(dataRoot, { recursive: true, force: true });
        progress.ok('data', `removed ${dataRoot}`);
      }
      return failed.length ? 1 : 0;
    }
    case 'status': {
      const rows = await Promise.all(selected.map(status));
      printTable(rows);
      return rows.every((row) => row.state === 'healthy') ? 0 : 1;
    }
    case 'logs': {
      for (const server of selected) {
        for (const log of [server.paths.logFile, ...(server.logFiles ?? [])]) {
          console.log(
            `==> ${relative(workspaceRoot, log)} <==\n${tail(log, flags.has('--all') ? Infinity : 60)}\n`,
          );
        }
      }
      return 0;
    }
    default:
      console.error(
        'usage: node infra/cli.mjs <up|down|status|logs> [postgres|redis|kafka|elasticsearch|s3|mailpit …] [--wipe]',
      );
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`✗ ${firstLine(error)}`);
    process.exit(1);
  },
);
