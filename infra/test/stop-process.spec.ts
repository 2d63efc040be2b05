// stopProcess ends a server with everything it started, as a service manager does before a restart.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, stopProcess } from '../lib/support.mjs';

/** A "server" that starts a worker in a process group of its own (as Postgres's backends are) and prints its pid. */
const SERVER = `
  const { spawn } = require('node:child_process');
  const worker = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
  console.log(worker.pid);
  setInterval(() => {}, 1000);
`;

const started: number[] = [];

async function startServer(): Promise<{ server: number; worker: number }> {
  const server = spawn(process.execPath, ['-e', SERVER], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const worker = await new Promise<number>((resolve) =>
    server.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  started.push(server.pid!, worker);
  return { server: server.pid!, worker };
}

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('stopProcess', () => {
  it('SIGKILL takes down the workers a server started in other process groups, and waits for them', async () => {
    const { server, worker } = await startServer();
    expect(isAlive(worker)).toBe(true);
    expect(await stopProcess(server, { signal: 'SIGKILL', timeoutMs: 5_000 })).toBe('stopped');
    expect(isAlive(server)).toBe(false);
    expect(isAlive(worker)).toBe(false);
  });
});
