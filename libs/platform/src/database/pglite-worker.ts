import { Worker } from 'node:worker_threads';

/**
 * PGlite in a worker thread. Its Postgres is WebAssembly that runs each statement to the end on the thread
 * that calls it, so in the standalone process every query used to stop the event loop serving sockets and
 * requests (a third of that loop's time when messages flow, half while clients connect). In a thread of its
 * own it runs on the machine's other core and the loop only waits for the answer.
 *
 * The thread holds the one PGlite session; EmbeddedPostgres still lends it to one caller at a time. Values
 * cross as structured clones: rows keep their Dates, bigint ids their strings, bytea its Uint8Array.
 */
export class PGliteWorker {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private nextId = 1;
  private stopped: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerAnswer) => this.answer(message));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`the embedded database's thread exited (code ${code})`)));
    // Like PGlite in the process itself: an idle database keeps nothing alive (see call()).
    worker.unref();
  }

  /** Opens the data folder `path` (it must hold a cluster: see EmbeddedPostgres) in a new thread. */
  static async open(path: string): Promise<PGliteWorker> {
    const worker = new PGliteWorker(
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { pglite: require.resolve('@electric-sql/pglite') },
      }),
    );
    try {
      await worker.call({ op: 'open', path });
    } catch (error) {
      await worker.worker.terminate();
      throw error;
    }
    return worker;
  }

  /** Several statements in one string (migrations): the rows of the last. */
  exec(text: string): Promise<Record<string, unknown>[]> {
    return this.call({ op: 'exec', text }) as Promise<Record<string, unknown>[]>;
  }

  query(text: string, params?: readonly unknown[]): Promise<WorkerQueryResult> {
    return this.call({ op: 'query', text, params }) as Promise<WorkerQueryResult>;
  }

  /** Calls `listener` with each NOTIFY payload of `channel`; answers the function that stops it. */
  async listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>> {
    const id = this.nextId++;
    this.listeners.set(id, listener);
    try {
      await this.call({ op: 'listen', channel, listener: id });
    } catch (error) {
      this.listeners.delete(id);
      throw error;
    }
    return async () => {
      await this.call({ op: 'unlisten', listener: id });
      this.listeners.delete(id);
    };
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.call({ op: 'close' });
    await this.worker.terminate();
  }

  private call(request: WorkerRequest): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    // Kept alive while a caller waits for an answer, as a socket with a request in flight would be.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private answer(message: WorkerAnswer): void {
    if ('notify' in message) {
      this.listeners.get(message.notify)?.(message.payload);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in message) waiting.reject(databaseError(message.error));
    else waiting.resolve(message.result);
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = new Error(`the embedded database stopped: ${reason.message}`, { cause: reason });
    for (const waiting of this.pending.values()) waiting.reject(this.stopped);
    this.pending.clear();
  }
}

interface WorkerQueryResult {
  rows: Record<string, unknown>[];
  command?: string;
  affectedRows?: number;
}

type WorkerRequest =
  | { op: 'open'; path: string }
  | { op: 'exec'; text: string }
  | { op: 'query'; text: string; params?: readonly unknown[] }
  | { op: 'listen'; channel: string; listener: number }
  | { op: 'unlisten'; listener: number }
  | { op: 'close' };

type WorkerAnswer =
  | { id: number; result: unknown }
  | { id: number; error: { message: string } & Record<string, unknown> }
  | { notify: number; payload: string };

/** The thread's error with the fields Postgres gave it (code, constraint, detail…), as node-postgres has them. */
function databaseError({ message, ...fields }: { message: string } & Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

// CommonJS, evaluated as the thread's script: it has no file of its own, so the same code runs from
// sources (tests) and from dist. PGlite parses BIGINT (our snowflake ids) as a decimal string, like pg.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite, types } = require(workerData.pglite);
let db;
const unlisten = new Map();
const handlers = {
  async open({ path }) {
    db = await PGlite.create(path, { parsers: { [types.INT8]: (value) => value } });
  },
  async exec({ text }) {
    const results = await db.exec(text);
    return results.at(-1)?.rows ?? [];
  },
  async query({ text, params }) {
    const result = await db.query(text, params);
    return { rows: result.rows, command: result.command, affectedRows: result.affectedRows };
  },
  async listen({ channel, listener }) {
    unlisten.set(listener, await db.listen(channel, (payload) => parentPort.postMessage({ notify: listener, payload })));
  },
  async unlisten({ listener }) {
    await unlisten.get(listener)?.();
    unlisten.delete(listener);
  },
  async close() {
    await db?.close();
  },
};
parentPort.on('message', async (request) => {
  try {
    parentPort.postMessage({ id: request.id, result: await handlers[request.op](request) });
  } catch (error) {
    const fields = {};
    for (const [key, value] of Object.entries(error ?? {})) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
    parentPort.postMessage({ id: request.id, error: { ...fields, name: error?.name, message: String(error?.message ?? error) } });
  }
});
`;
