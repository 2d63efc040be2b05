import { loadWorkspaceEnv } from '../../scripts/workspace-env.mjs';
import { type LoadOptions, type LoadResult, runLoad } from './load';
import {
  latencyTable,
  machineInfo,
  type MachineInfo,
  printMachine,
  processTable,
  writeResultFile,
} from './report';

export interface BenchContext {
  machine: MachineInfo;
  /** Registers a cleanup (stop services, remove temp files); all run once, last registered first. */
  onCleanup(cleanup: () => unknown): void;
  /** Runs one load scenario, prints its figures and keeps them for the report and the JSON file. */
  load(options: LoadOptions): Promise<LoadResult>;
  /** Prints a titled section and keeps `data` under `key` in the JSON file. */
  section(title: string, text: string, key?: string, data?: unknown): void;
  /** Aborted on Ctrl-C, SIGTERM or the deadline: pass it to long waits of your own. */
  signal: AbortSignal;
  /** Free-form context kept in the JSON file (what ran alongside, settings used, …). */
  note(text: string): void;
  log(text: string): void;
}

interface BenchOptions {
  /** Hard limit for the whole benchmark, set-up included: past it, cleanups run and the process exits. */
  deadlineSeconds: number;
  description?: string;
}

/**
 * Runs a benchmark: loads the workspace settings, prints the machine, enforces a deadline, runs
 * cleanups on success, failure, Ctrl-C or deadline, then prints the tables and writes
 * tools/bench/results/<name>-<timestamp>.json.
 */
export async function runBench(
  name: string,
  options: BenchOptions,
  body: (context: BenchContext) => Promise<void>,
): Promise<void> {
  loadWorkspaceEnv();
  const startedAt = new Date();
  const machine = machineInfo();
  const results: LoadResult[] = [];
  const sections: Record<string, unknown> = {};
  const notes: string[] = [];
  const cleanups: (() => unknown)[] = [];
  let cleaned = false;

  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const action of cleanups.reverse()) {
      try {
        await action();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  };
  const stopLoad = new AbortController();
  let aborted: string | undefined;
  // Stop the load; the body then fails at its next bench.load and the normal path cleans up. If it does
  // not get there soon (stuck in set-up), clean up from here and exit.
  const abort = (reason: string, code: number) => {
    if (aborted) return;
    aborted = reason;
    process.exitCode = code;
    console.error(`\n${name}: ${reason}; stopping`);
    stopLoad.abort(new Error(reason));
    setTimeout(() => void cleanup().finally(() => process.exit(code)), 20_000).unref();
  };
  const deadline = setTimeout(
    () => abort(`deadline of ${options.deadlineSeconds} s reached`, 2),
    options.deadlineSeconds * 1000,
  );
  const onSignal = (signal: NodeJS.Signals) => abort(`${signal} received`, signal === 'SIGINT' ? 130 : 143);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  console.log(`== bench ${name}${options.description ? `: ${options.description}` : ''}`);
  printMachine(machine);

  const context: BenchContext = {
    machine,
    signal: stopLoad.signal,
    onCleanup: (action) => cleanups.push(action),
    load: async (loadOptions) => {
      console.log(
        `-- ${loadOptions.name}: ${loadOptions.connections} connections, ` +
          `${loadOptions.warmupSeconds ?? 3} s warm-up + ${loadOptions.durationSeconds ?? 10} s measured`,
      );
      if (aborted) throw new Error(`${name} aborted: ${aborted}`);
      const result = await runLoad({ signal: stopLoad.signal, ...loadOptions });
      results.push(result);
      console.log(latencyTable([result]).replace(/^/gm, '   '));
      if (aborted) throw new Error(`${name} aborted during ${loadOptions.name}: ${aborted}`);
      return result;
    },
    section: (title, text, key, data) => {
      console.log(`\n${title}\n${text}`);
      if (key) sections[key] = data;
    },
    note: (text) => notes.push(text),
    log: (text) => console.log(text),
  };

  let failure: unknown;
  try {
    await body(context);
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(deadline);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }

  // benches measuring with their own clients (realtime) keep their figures in sections only
  if (results.length > 0 || Object.keys(sections).length > 0) {
    if (failure) console.log(`\n${name} did not complete (${String(failure)}): partial figures follow`);
    if (results.length > 0) {
      console.log(`\n== ${name}: throughput and latency (ms)`);
      console.log(latencyTable(results));
      console.log(`\n== ${name}: server processes during the measured phase`);
      console.log(processTable(results));
    }
    for (const text of notes) console.log(`note: ${text}`);
    const path = writeResultFile(name, {
      bench: name,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine,
      notes,
      aborted,
      failure: failure ? String(failure) : undefined,
      results,
      ...sections,
    });
    console.log(`\nresults: ${path}`);
  }
  if (failure) throw failure;
}
