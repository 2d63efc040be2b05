import { readFileSync } from 'node:fs';
import type { Stack } from '../../support/stack';

/** Resident memory (MiB) of every service process of the stack, by name (gateway-1, gateway-2 …). */
export function residentMemory(stack: Stack): Map<string, number> {
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
export function memoryLine(start: Map<string, number>, end: Map<string, number>): string {
  return [...new Set([...start.keys(), ...end.keys()])]
    .map((name) => `${name} ${start.get(name) ?? '?'} → ${end.get(name) ?? '?'}`)
    .join(', ');
}
