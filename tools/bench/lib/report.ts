import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { LoadResult } from './load';

const resultsDir = resolve(__dirname, '../results');

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  /** 1-minute load average when the benchmark started. */
  loadAverage1m: number;
  gitCommit?: string;
  gitDirty?: boolean;
}

export function machineInfo(): MachineInfo {
  let gitCommit: string | undefined;
  let gitDirty: boolean | undefined;
  try {
    gitCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    gitDirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    // not a checkout
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    gitCommit,
    gitDirty,
  };
}

export function printMachine(machine: MachineInfo): void {
  console.log(
    `machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Linux ${machine.kernel}, ` +
      `Node ${machine.node}, load avg ${machine.loadAverage1m}` +
      (machine.gitCommit ? `, commit ${machine.gitCommit}${machine.gitDirty ? ' (dirty)' : ''}` : ''),
  );
  console.log(
    `note: the load generator runs on the same ${machine.cpus}-core machine as the servers and competes with ` +
      'them for CPU; figures are relative, not capacity numbers.',
  );
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** Renders rows as an aligned text table (first column left-aligned, the rest right-aligned). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function errorText(result: LoadResult): string {
  const parts = [
    ...Object.entries(result.errors.byStatus).map(([status, count]) => `${status}×${count}`),
    ...Object.entries(result.errors.byCode).map(([code, count]) => `${code}×${count}`),
  ];
  return parts.length ? parts.join(' ') : '0';
}

/** Throughput and latency of some load runs, one row each. */
export function latencyTable(results: LoadResult[]): string {
  return table(
    ['scenario', 'conns', 'secs', 'ok', 'req/s', 'mean ms', 'p50', 'p95', 'p99', 'max', 'errors'],
    results.map((result) => [
      result.name,
      String(result.connections),
      fixed(result.elapsedSeconds, 1),
      String(result.ok),
      fixed(result.throughput, 0),
      fixed(result.latency.mean),
      fixed(result.latency.p50),
      fixed(result.latency.p95),
      fixed(result.latency.p99),
      fixed(result.latency.max, 1),
      errorText(result),
    ]),
  );
}

/** RSS and CPU of the watched processes (and the load generator) during each run. */
export function processTable(results: LoadResult[]): string {
  const rows: string[][] = [];
  for (const result of results) {
    for (const process of result.processes) {
      rows.push([
        result.name,
        `${process.name} (${process.pid}${process.tree ? ' +children' : ''})`,
        fixed(process.rssBeforeMiB, 1),
        fixed(process.rssMeanMiB, 1),
        fixed(process.rssPeakMiB, 1),
        fixed(process.rssAfterMiB, 1),
        fixed(process.cpuPercent, 0),
        process.treePssAfterMiB === undefined
          ? '-'
          : `${fixed(process.treePssBeforeMiB ?? NaN, 0)} → ${fixed(process.treePssAfterMiB, 0)}`,
      ]);
    }
    rows.push([
      result.name,
      'load generator',
      '-',
      '-',
      '-',
      fixed(result.loadGenerator.rssMiB, 1),
      fixed(result.loadGenerator.cpuPercent, 0),
      '-',
    ]);
    const watched =
      result.processes.reduce((sum, process) => sum + process.cpuPercent, 0) +
      result.loadGenerator.cpuPercent;
    rows.push([
      result.name,
      'whole machine',
      '-',
      '-',
      '-',
      '-',
      `${fixed(result.machineCpuPercent, 0)} (others ${fixed(result.machineCpuPercent - watched, 0)})`,
      '-',
    ]);
  }
  return table(
    [
      'scenario',
      'process',
      'RSS before MiB',
      'mean',
      'peak',
      'after',
      'CPU % (1 core=100)',
      'tree PSS MiB before → after',
    ],
    rows,
  );
}

interface LatencyDifference {
  base: string;
  subject: string;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  throughputRatio: number;
}

/** What `subject` adds over `base` (e.g. a proxy in front of a service): differences of percentiles and means. */
export function latencyDifference(base: LoadResult, subject: LoadResult): LatencyDifference {
  return {
    base: base.name,
    subject: subject.name,
    mean: subject.latency.mean - base.latency.mean,
    p50: subject.latency.p50 - base.latency.p50,
    p95: subject.latency.p95 - base.latency.p95,
    p99: subject.latency.p99 - base.latency.p99,
    throughputRatio: subject.throughput / base.throughput,
  };
}

export function differenceTable(differences: LatencyDifference[]): string {
  return table(
    ['added by', 'over', 'Δmean ms', 'Δp50', 'Δp95', 'Δp99', 'throughput ratio'],
    differences.map((difference) => [
      difference.subject,
      difference.base,
      fixed(difference.mean),
      fixed(difference.p50),
      fixed(difference.p95),
      fixed(difference.p99),
      fixed(difference.throughputRatio),
    ]),
  );
}

/** Writes one JSON line to tools/bench/results/<name>-<timestamp>.json and returns its path. */
export function writeResultFile(name: string, payload: object, when = new Date()): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  const path = resolve(resultsDir, `${name}-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(payload)}\n`);
  return path;
}
