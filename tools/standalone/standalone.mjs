// The standalone shape: every Bonfire service in this one Node process, on embedded parts (PGlite, the
// in-process event bus, in-memory stores, a local folder for files). The same service code as the
// distributed shape: each service boots with BONFIRE_MODE=standalone and its modules wire the embedded
// adapters. Services still listen on their own loopback ports and the gateway reaches them over HTTP, so
// the routing, identity and error paths are the ones production runs.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { workspaceRoot } from '../scripts/workspace-env.mjs';

const require = createRequire(import.meta.url);

/** Start order: what others call first; the gateway last, when everything behind it is up. */
export const SERVICES = [
  ['auth', 'startAuth'],
  ['chat', 'startChat'],
  ['presence', 'startPresence'],
  ['file', 'startFile'],
  ['search', 'startSearch'],
  ['voice', 'startVoice'],
  ['gateway', 'startGateway'],
];

export class DataFolderInUseError extends Error {
  constructor(directory, pid) {
    super(
      `${directory} is in use by another Bonfire process (pid ${pid}). Stop it first, or give this one its own ` +
        'folder with BONFIRE_DATA_DIR.',
    );
    this.name = 'DataFolderInUseError';
  }
}

/** Takes the data folder for this process: a second process on the same folder is refused. */
export function lockDataFolder(directory) {
  mkdirSync(directory, { recursive: true });
  const lockFile = join(directory, 'bonfire.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataFolderInUseError(directory, holder);
      }
      // Left behind by a process that died without cleaning up (kill -9, power loss): take it over.
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${directory}`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function loadService(name) {
  const entry = join(workspaceRoot, 'apps', name, 'dist', 'bootstrap.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm start builds)`);
  return require(entry);
}

/**
 * Boots every service in this process. Resolves once all are listening; `stop()` shuts them down in
 * reverse order (the gateway first, so clients are told to reconnect before anything behind it goes).
 */
export async function startStandalone(environment = process.env, { log = () => {} } = {}) {
  const dataDir = resolve(workspaceRoot, environment.BONFIRE_DATA_DIR || '.data/standalone');
  const env = { ...environment, BONFIRE_MODE: 'standalone', BONFIRE_DATA_DIR: dataDir };
  const unlock = lockDataFolder(dataDir);
  // Events published while services boot wait until every consumer group has subscribed.
  const { standaloneEventBus } = require(join(workspaceRoot, 'libs', 'messaging', 'dist', 'index.js'));
  const bus = standaloneEventBus();
  bus.hold();
  const running = [];
  const stop = async () => {
    for (const { name, service } of [...running].reverse()) {
      try {
        await service.stop();
      } catch (error) {
        log(`${name}: stop failed: ${error.message}`);
      }
    }
    running.length = 0;
    unlock();
  };
  try {
    for (const [name, starter] of SERVICES) {
      const started = Date.now();
      const service = await loadService(name)[starter](env, { handleSignals: false });
      running.push({ name, service });
      log(`${name} ready in ${Date.now() - started} ms (${service.url})`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  bus.open();
  const gateway = running.at(-1).service;
  return { url: gateway.url, dataDir, services: running.map(({ name }) => name), stop };
}
