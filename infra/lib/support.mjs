// Shared helpers for the local servers: settings and paths, progress lines, running commands,
// detached processes with pid files, and waiting for health. Every module in ../servers uses these.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  chownSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
// The one env loader lives in tools/ (not an Nx project); infra must not parse bonfire.env itself.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadWorkspaceEnv, workspaceRoot } from '../../tools/scripts/workspace-env.mjs';

export { workspaceRoot };

// ---------------------------------------------------------------- settings and paths

export const env = loadWorkspaceEnv();

/** A required setting from bonfire.env (or .env.local / the shell); names the variable when missing. */
export function setting(name) {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set (see bonfire.env)`);
  return value;
}

const expandHome = (path) => path.replace(/^~(?=$|\/)/, homedir());
export const dataRoot = resolve(workspaceRoot, expandHome(setting('INFRA_DATA_DIR')));
export const cacheRoot = resolve(workspaceRoot, expandHome(setting('BONFIRE_CACHE_DIR')));

/** The port of a URL-ish setting: `http://127.0.0.1:9200`, `redis://…:6379`, or `host:port`. */
export function portOf(value) {
  const port = Number(new URL(value.includes('://') ? value : `tcp://${value}`).port);
  if (!port) throw new Error(`no port in "${value}"`);
  return port;
}

// ---------------------------------------------------------------- progress lines

const started = Date.now();
const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
export const progress = {
  step: (name, text) => console.log(`${stamp()} ▸ ${name}: ${text}`),
  ok: (name, text) => console.log(`${stamp()} ✓ ${name} ${text}`),
  fail: (name, text) => console.error(`${stamp()} ✗ ${name} ${text}`),
};
export const seconds = (sinceMs) => `${((Date.now() - sinceMs) / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------- OS users

const isRoot = process.getuid?.() === 0;

function lookupUser(name) {
  const run = (flag) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const uid = run('-u');
  if (uid.status !== 0) return undefined;
  return { name, uid: Number(uid.stdout), gid: Number(run('-g').stdout) };
}

/**
 * The OS user a server runs as. Postgres and Elasticsearch refuse to run as root, so when we are root
 * they get their own unprivileged user (created as a system user if `create` is set); otherwise
 * everything runs as whoever invoked the CLI (`undefined` = the current user).
 */
export function serviceUser(name, { create = false } = {}) {
  if (!isRoot) return undefined;
  let user = lookupUser(name);
  if (!user && create) {
    run('useradd', ['-r', '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', name]);
    user = lookupUser(name);
  }
  if (!user) throw new Error(`OS user "${name}" does not exist (it comes with the Debian package)`);
  return user;
}

/** mkdir -p, then hand the folder to the server's user so it can write there. */
export function ensureDir(path, user) {
  mkdirSync(path, { recursive: true });
  if (user) chownSync(path, user.uid, user.gid);
  return path;
}

/** Recursively hand a tree to the server's user (after unpacking or creating files as root). */
export function chownTree(path, user) {
  if (user) run('chown', ['-R', `${user.uid}:${user.gid}`, path]);
}

// ---------------------------------------------------------------- commands

/** Resolve an executable on PATH (or undefined). */
export function which(command) {
  const found = spawnSync('sh', ['-c', `command -v "${command}"`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Run a command to completion (installs, formats, initdb). Output goes to `logFile` when given, so a
 * failure can show its tail; otherwise it is captured and included in the error.
 */
export function run(command, args, { user, cwd, env: extraEnv, logFile } = {}) {
  return new Promise((resolvePromise, reject) => {
    const out = logFile ? openSync(logFile, 'a') : 'pipe';
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', out, out],
      ...(user && { uid: user.uid, gid: user.gid }),
    });
    let captured = '';
    child.stdout?.on('data', (chunk) => (captured += chunk));
    child.stderr?.on('data', (chunk) => (captured += chunk));
    child.on('error', (error) => reject(new Error(`${command}: ${error.message}`)));
    child.on('close', (code) => {
      if (typeof out === 'number') closeSync(out);
      if (code === 0) return resolvePromise(captured);
      const detail = logFile
        ? `\n${tail(logFile, 25)}`
        : captured
          ? `\n${captured.trim().split('\n').slice(-25).join('\n')}`
          : '';
      reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${code}${detail}`));
    });
  });
}

// ---------------------------------------------------------------- detached servers and pid files

/**
 * Start a long-running server detached in its own process group (so it outlives the CLI and stop()
 * can signal it with all its children), stdout+stderr appended to `logFile`, pid written to `pidFile`.
 */
export function spawnDetached(command, args, { user, cwd, env: extraEnv, logFile, pidFile }) {
  const out = openSync(logFile, 'a');
  writeFileSync(logFile, `\n---- ${new Date().toISOString()} ${command} ${args.join(' ')}\n`, { flag: 'a' });
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...extraEnv },
    detached: true,
    stdio: ['ignore', out, out],
    ...(user && { uid: user.uid, gid: user.gid }),
  });
  closeSync(out);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${command}`);
  writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

/** @public imported by URL from e2e/search/throwaway-elasticsearch.ts */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  // A zombie still answers kill(0); treat it as gone.
  const state = readFileSafe(`/proc/${pid}/stat`)?.split(') ')[1]?.[0];
  return state !== 'Z';
}

/** The pid in a pid file if that process is still alive; a stale pid file is removed. */
export function livePid(pidFile) {
  const pid = Number(readFileSafe(pidFile)?.trim());
  if (isAlive(pid)) return pid;
  if (existsSync(pidFile)) rmSync(pidFile);
  return undefined;
}

/** Every process below `pid` (children, their children …), read from /proc. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(readFileSafe(`/proc/${entry}/stat`)?.split(') ')[1]?.split(' ')[1]);
    if (!parent) continue;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/**
 * Signal the server's process group: `signal`, wait up to `timeoutMs`, then SIGKILL. Returns once the
 * server and everything it started are gone, as a service manager does before a restart: Postgres's
 * backends run in process groups of their own and outlive a SIGKILLed postmaster for a moment, holding its
 * shared memory, so a restart at once would refuse to start ("lock file already exists").
 */
export async function stopProcess(pid, { signal = 'SIGTERM', timeoutMs = 30_000 } = {}) {
  const family = descendants(pid);
  const signalGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signalGroup(signal);
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  const how = isAlive(pid) ? 'killed' : 'stopped';
  if (how === 'killed') signalGroup('SIGKILL');
  while (isAlive(pid)) await sleep(100);
  for (const member of family) {
    if (signal !== 'SIGKILL' && how === 'stopped') continue;
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  // The orphans end, and the server's own entry leaves /proc once its parent has reaped it (a zombie,
  // dead but not reaped, still has its entry and holds its pid).
  const settled = Date.now() + 10_000;
  while ([pid, ...family].some((member) => existsSync(`/proc/${member}`))) {
    if (Date.now() > settled) break;
    await sleep(50);
  }
  return how;
}

// ---------------------------------------------------------------- health

/** TCP probe of 127.0.0.1:port → undefined when something listens, else the reason. */
export function probePort(port, host = '127.0.0.1') {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (reason) => {
      socket.destroy();
      resolvePromise(reason);
    };
    socket.setTimeout(1500, () => done(`port ${port} timed out`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error) =>
      done(error.code === 'ECONNREFUSED' ? `port ${port} refused` : `port ${port}: ${error.code}`),
    );
  });
}

/** Run a health check; any exception becomes the reason string. */
export async function checkHealth(server) {
  try {
    const reason = await server.health();
    return reason ? { ok: false, reason } : { ok: true };
  } catch (error) {
    return { ok: false, reason: firstLine(error) };
  }
}

/**
 * Poll `server.health()` until it passes. Fails early if the process exits, and prints a "still
 * waiting" line every 15 s so slow starts stay visible.
 */
export async function waitForHealth(server, pid, timeoutMs) {
  const since = Date.now();
  let nextNote = since + 15_000;
  for (;;) {
    const result = await checkHealth(server);
    if (result.ok) return;
    if (!isAlive(pid)) throw new Error(`process ${pid} exited during startup`);
    if (Date.now() - since > timeoutMs)
      throw new Error(`not healthy after ${timeoutMs / 1000}s: ${result.reason}`);
    if (Date.now() > nextNote) {
      progress.step(server.name, `still starting (${seconds(since)}: ${result.reason})…`);
      nextNote += 15_000;
    }
    await sleep(500);
  }
}

// ---------------------------------------------------------------- files

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function tail(path, lines = 30) {
  const text = readFileSafe(path);
  if (text === undefined) return `(no log at ${path})`;
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** An error's first line, plus the underlying cause's code (fetch only says "fetch failed"). */
export function firstLine(error) {
  const cause = error?.cause?.code ?? error?.code;
  const text = String(error?.message ?? error).split('\n')[0];
  return cause && !text.includes(cause) ? `${text} (${cause})` : text;
}

/** The standard layout of a server's folder under INFRA_DATA_DIR. */
export function serverPaths(name) {
  const dir = join(dataRoot, name);
  return { dir, pidFile: join(dir, `${name}.pid`), logFile: join(dir, `${name}.log`) };
}
