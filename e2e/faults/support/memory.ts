import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from '../../support/stack';

/** Resident memory (MiB) of every service process of the stack, by name (gateway-1, gateway-2 …). */
function residentMemory(stack: Stack): Map<string, number> {
  const processes = [
    ...[...stack.services.values()].map((service) => ({ name: service.name, pid: service.pid })),
    ...stack.gateways.map((gateway, n) => ({ name: `gateway-${n + 1}`, pid: gateway.pid })),
  ];
  const memory = new Map<string, number>();
  for (const { name, pid } of processes) {
    if (pid === undefined) continue;
    try {
      const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kib) memory.set(name, Math.round(Number(kib) / 1024));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return memory;
}

/** `chat 180 → 195 MiB, …`: a restarted service's end figure is its new process's. */
function memoryLine(start: Map<string, number>, end: Map<string, number>): string {
  return [...new Set([...start.keys(), ...end.keys()])]
    .map((name) => `${name} ${start.get(name) ?? '?'} → ${end.get(name) ?? '?'}`)
    .join(', ');
}

/**
 * Samples every service's resident memory at a fixed interval while the suite runs, so a soak can tell a
 * plateau from a leak; each sample is also appended to a CSV file as it is taken (to watch a long run).
 */
export class MemorySampler {
  static readonly file = join(tmpdir(), 'bonfire-faults-memory.csv');
  private readonly samples: Map<string, number>[] = [];
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly stack: Stack,
    private readonly intervalSeconds: number,
  ) {}

  static start(stack: Stack, intervalSeconds: number): MemorySampler {
    const sampler = new MemorySampler(stack, intervalSeconds);
    writeFileSync(MemorySampler.file, 'seconds,service,rss_mib\n');
    sampler.sample();
    sampler.timer = setInterval(() => sampler.sample(), intervalSeconds * 1000);
    sampler.timer.unref();
    return sampler;
  }

  /** Takes the last sample and stops. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }

  /** Start → end per service, then each service's series with its lowest, highest and last figure. */
  report(): string {
    const names = [...new Set(this.samples.flatMap((sample) => [...sample.keys()]))];
    const series = names.map((name) => {
      const figures = this.samples.flatMap((sample) => sample.get(name) ?? []);
      const range = `min ${Math.min(...figures)}, max ${Math.max(...figures)}, last ${figures.at(-1) ?? '?'}`;
      return `  ${name}: ${figures.join(' ')} (${range})`;
    });
    return (
      `RSS per service, MiB (start → end): ${memoryLine(this.samples[0] ?? new Map(), this.samples.at(-1) ?? new Map())}\n` +
      `RSS per service, MiB, every ${this.intervalSeconds} s (${MemorySampler.file}):\n${series.join('\n')}`
    );
  }

  private sample(): void {
    const memory = residentMemory(this.stack);
    const seconds = Math.round((Date.now() - this.startedAt) / 1000);
    this.samples.push(memory);
    appendFileSync(
      MemorySampler.file,
      [...memory].map(([name, mib]) => `${seconds},${name},${mib}\n`).join(''),
    );
  }
}
