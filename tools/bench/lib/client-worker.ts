import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { LatencySummary } from './histogram';
import type { Probe } from './socket-clients.worker';

/** The `stats` answer of socket-clients.worker.ts for one phase. */
export interface WorkerStats {
  counts: Uint32Array;
  received: Uint8Array;
  perUpdate: Uint16Array;
  self: number;
  duplicates: number;
  unknown: number;
  bins: [number, number][];
}

/** The `status` answer. */
export interface WorkerStatus {
  clients: number;
  connected: number;
  ready: number;
  disconnects: Record<string, number>;
  serverSignals: Record<string, number>;
  pings: number;
  minPings: number;
  rssMiB: number;
  cpuSeconds: number;
  uptimeSeconds: number;
}

/** The `connect` answer. */
export interface ConnectAnswer {
  ok: number;
  errors: Record<string, number>;
  seconds: number;
  latency: LatencySummary;
}

/**
 * The parent side of one socket.io client worker (lib/socket-clients.worker.ts): forks it with the probe
 * that says which dispatches it measures, and turns its message protocol into awaited requests.
 */
export class ClientWorker {
  private pending = new Map<number, (answer: Record<string, unknown>) => void>();
  private nextId = 1;
  readonly started: Promise<void>;
  /** Clients this worker was asked to open (bookkeeping for benches spreading clients over workers). */
  clients = 0;

  constructor(readonly child: ChildProcess) {
    let started!: () => void;
    this.started = new Promise((done) => (started = done));
    child.on('message', (answer: { id: number } & Record<string, unknown>) => {
      if (answer.id === 0) return started();
      this.pending.get(answer.id)?.(answer);
      this.pending.delete(answer.id);
    });
  }

  static fork(probe: Probe): ClientWorker {
    const child = fork(resolve(__dirname, 'socket-clients.worker.ts'), [probe], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ClientWorker(child);
  }

  async request<T>(op: string, payload: Record<string, unknown> = {}): Promise<T> {
    await this.started;
    const id = this.nextId++;
    const answer = new Promise<Record<string, unknown>>((done) => this.pending.set(id, done));
    this.child.send({ id, op, ...payload });
    const result = await answer;
    if (typeof result['error'] === 'string') throw new Error(`client worker: ${result['error']}`);
    return result as T;
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}
