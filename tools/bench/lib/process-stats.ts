import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { findListeningPid } from '../../../e2e/support/listening-socket';

export { findListeningPid };

/** A process under test, named for the report. */
export interface WatchedProcess {
  name: string;
  pid: number;
  /**
   * Count the CPU of the whole process tree (e.g. Postgres: the postmaster and its per-connection
   * backends). RSS stays the root's own, since children share memory with it.
   */
  tree?: boolean;
}

export interface ProcessStats {
  name: string;
  pid: number;
  /** CPU is of the whole process tree. */
  tree: boolean;
  /** VmRSS before the measured phase, in MiB. */
  rssBeforeMiB: number;
  /** Mean and largest VmRSS sampled during the measured phase, in MiB. */
  rssMeanMiB: number;
  rssPeakMiB: number;
  /** VmRSS at the end of the measured phase, in MiB. */
  rssAfterMiB: number;
  /** CPU time used during the measured phase, as % of one core (200% = both cores of a 2-core box). */
  cpuPercent: number;
  /** The part of cpuPercent spent in the kernel (system time; of the root process for a tree). */
  cpuKernelPercent: number;
  /**
   * Write system calls (write, writev: /proc/<pid>/io syscw) during the phase, of the root process. A
   * socket server makes one per packet it flushes, so per delivery it shows how writes were coalesced.
   */
  writeCalls: number;
  samples: number;
  /**
   * For a tree (e.g. Postgres with its backends): the memory of the whole tree as the sum of PSS
   * (proportional set size, /proc/<pid>/smaps_rollup: shared pages divided among the processes that map
   * them, so shared buffers count once), before and after the measured phase, in MiB.
   */
  treePssBeforeMiB?: number;
  treePssAfterMiB?: number;
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** VmRSS of a process in KiB (Linux /proc), or NaN when it is gone. */
export function readRssKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** PSS of a process in KiB (/proc/<pid>/smaps_rollup), or NaN when it is gone or unreadable. */
function readPssKiB(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+)\s+kB/m.exec(rollup);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Sum of the PSS of a process and its descendants, in KiB (NaN when the root is unreadable). */
function readTreePssKiB(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    const pss = readPssKiB(pid);
    if (Number.isFinite(pss)) total += pss;
    else if (pid === root) return NaN;
  }
  return total;
}

/** User + system CPU time of a process in seconds (Linux /proc/<pid>/stat), or NaN. */
export function readCpuSeconds(pid: number): number {
  const { user, system } = readCpuTimes(pid);
  return user + system;
}

/** User and system (kernel) CPU time of a process in seconds, NaN each when it is gone. */
function readCpuTimes(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces: split after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15
    return { user: Number(fields[11]) / ticksPerSecond(), system: Number(fields[12]) / ticksPerSecond() };
  } catch {
    return { user: NaN, system: NaN };
  }
}

/** Write system calls a process made so far (/proc/<pid>/io syscw), or NaN when unreadable. */
function readWriteCalls(pid: number): number {
  try {
    const match = /^syscw:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Like findListeningPid, from a URL such as a ServiceProcess's `url`; throws when nothing is found. */
export function pidOfServer(url: string): number {
  const port = Number(new URL(url).port);
  const pid = findListeningPid(port);
  if (pid === undefined) throw new Error(`no process of this user listens on port ${port}`);
  return pid;
}

/** The pid and all its descendants (scan of /proc/<pid>/stat parent ids). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const siblings = children.get(parent) ?? [];
      siblings.push(Number(entry));
      children.set(parent, siblings);
    } catch {
      // exited meanwhile
    }
  }
  const result: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/** CPU seconds of a process, or of its whole tree, per pid. */
function cpuByPid(process: WatchedProcess): Map<number, number> {
  const pids = process.tree ? processTree(process.pid) : [process.pid];
  return new Map(pids.map((pid) => [pid, readCpuSeconds(pid)]));
}

/** Busy and total CPU time of the whole machine in seconds (all cores, from /proc/stat). */
export function readMachineCpuSeconds(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: (total - idle) / ticksPerSecond(), total: total / ticksPerSecond() };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

const MiB = 1024;

/** Samples VmRSS and CPU time of some processes at a fixed interval while a phase runs. */
export class ProcessSampler {
  private timer?: NodeJS.Timeout;
  private readonly rss = new Map<number, number[]>();
  private readonly before = new Map<number, number>();
  private readonly cpuStart = new Map<number, Map<number, number>>();
  private readonly treePssBefore = new Map<number, number>();
  private readonly kernelStart = new Map<number, number>();
  private readonly writesStart = new Map<number, number>();
  private startedAt = 0;
  private machineStart = { busy: NaN, total: NaN };

  constructor(
    private readonly processes: WatchedProcess[],
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.startedAt = performance.now();
    this.machineStart = readMachineCpuSeconds();
    for (const watched of this.processes) {
      const { pid } = watched;
      this.before.set(pid, readRssKiB(pid));
      this.cpuStart.set(pid, cpuByPid(watched));
      this.kernelStart.set(pid, readCpuTimes(pid).system);
      this.writesStart.set(pid, readWriteCalls(pid));
      if (watched.tree) this.treePssBefore.set(pid, readTreePssKiB(pid));
      this.rss.set(pid, []);
    }
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /**
   * Busy CPU of the whole machine during the phase, as % of one core (200% = 2 cores fully busy);
   * call after stop(). Compare with the watched processes to see what else was running.
   */
  machineCpuPercent = NaN;

  stop(): ProcessStats[] {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const elapsedSeconds = (performance.now() - this.startedAt) / 1000;
    const machine = readMachineCpuSeconds();
    this.machineCpuPercent = ((machine.busy - this.machineStart.busy) / elapsedSeconds) * 100;
    return this.processes.map((watched) => {
      const { name, pid } = watched;
      const samples = this.rss.get(pid) ?? [];
      const valid = samples.filter((value) => Number.isFinite(value));
      const mean = valid.length ? valid.reduce((a, b) => a + b, 0) / valid.length : NaN;
      // processes started during the phase count from zero; ones that ended during it are lost
      const before = this.cpuStart.get(pid) ?? new Map<number, number>();
      let cpu = 0;
      for (const [child, seconds] of cpuByPid(watched)) {
        if (Number.isFinite(seconds)) cpu += seconds - (before.get(child) ?? 0);
      }
      return {
        name,
        pid,
        tree: watched.tree ?? false,
        rssBeforeMiB: (this.before.get(pid) ?? NaN) / MiB,
        rssMeanMiB: mean / MiB,
        rssPeakMiB: valid.length ? Math.max(...valid) / MiB : NaN,
        rssAfterMiB: (valid.at(-1) ?? NaN) / MiB,
        cpuPercent: (cpu / elapsedSeconds) * 100,
        cpuKernelPercent: ((readCpuTimes(pid).system - this.kernelStart.get(pid)!) / elapsedSeconds) * 100,
        writeCalls: readWriteCalls(pid) - this.writesStart.get(pid)!,
        samples: valid.length,
        ...(watched.tree
          ? {
              treePssBeforeMiB: (this.treePssBefore.get(pid) ?? NaN) / MiB,
              treePssAfterMiB: readTreePssKiB(pid) / MiB,
            }
          : {}),
      };
    });
  }

  private sample(): void {
    for (const { pid } of this.processes) this.rss.get(pid)?.push(readRssKiB(pid));
  }
}
