/**
 * What a server allocates over a bench phase, garbage included: V8's sampling heap profiler through the
 * server's inspector (`InspectorProfiler.startAllocations`). Young-generation collections cost the server
 * in proportion to what it allocates, and on a busy box their pauses are what its latency tail is made
 * of, so "bytes allocated per delivery" is printed beside CPU per delivery, for Bonfire and bare socket.io
 * in the same run. The figures are sampled (a sample every 16 KiB allocated on average): exact enough
 * to compare targets and to find where the bytes come from, not to the byte.
 */
import type { BenchContext } from './bench';
import {
  type AllocationNode,
  groupOf,
  type InspectorProfiler,
  type SamplingHeapProfile,
  where,
} from './cpu-profile';
import { table } from './report';

interface AllocationSummary {
  /** Bytes the samples stand for, over the whole sampling window. */
  bytes: number;
  self: { name: string; where: string; bytes: number; percent: number }[];
  groups: { group: string; bytes: number; percent: number }[];
}

function summarizeAllocations(profile: SamplingHeapProfile, top = 25): AllocationSummary {
  const self = new Map<string, { node: AllocationNode; bytes: number }>();
  const groups = new Map<string, number>();
  let bytes = 0;
  const visit = (node: AllocationNode) => {
    if (node.selfSize > 0) {
      bytes += node.selfSize;
      const frame = node.callFrame;
      const key = `${frame.functionName}|${frame.url}|${frame.lineNumber}|${frame.columnNumber}`;
      const entry = self.get(key) ?? { node, bytes: 0 };
      entry.bytes += node.selfSize;
      self.set(key, entry);
      const group = groupOf(frame);
      groups.set(group, (groups.get(group) ?? 0) + node.selfSize);
    }
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  const percent = (part: number) => (bytes ? (100 * part) / bytes : 0);
  return {
    bytes,
    self: [...self.values()]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, top)
      .map(({ node, bytes: own }) => ({
        name: node.callFrame.functionName || '(anonymous)',
        where: where(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber),
        bytes: own,
        percent: percent(own),
      })),
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([group, own]) => ({ group, bytes: own, percent: percent(own) })),
  };
}

function allocationText(summary: AllocationSummary, deliveries: number): string {
  const mib = (value: number) => (value / 1_048_576).toFixed(1);
  const perDelivery = (value: number) => (deliveries > 0 ? (value / deliveries).toFixed(0) : '-');
  return (
    `allocated ${mib(summary.bytes)} MiB over the phase, ${perDelivery(summary.bytes)} bytes per delivery ` +
    `(${deliveries} deliveries; garbage included)\n\n` +
    'allocated per function (self)\n' +
    table(
      ['%', 'MiB', 'bytes/delivery', 'function', 'where'],
      summary.self.map((row) => [
        row.percent.toFixed(1),
        mib(row.bytes),
        perDelivery(row.bytes),
        row.name,
        row.where,
      ]),
    ) +
    '\n\nallocated per package / file\n' +
    table(
      ['%', 'MiB', 'package or file'],
      summary.groups.map((row) => [row.percent.toFixed(1), mib(row.bytes), row.group]),
    )
  );
}

/**
 * Stops samplers started with `startProfilers(…, 'allocations')` and prints each one's summary as a bench
 * section; returns bytes per delivery by name.
 */
export async function writeAllocations(
  bench: BenchContext,
  samplers: Map<string, InspectorProfiler>,
  deliveries: number,
  tag: string,
  over: string,
): Promise<Map<string, number>> {
  const perDelivery = new Map<string, number>();
  for (const [name, sampler] of samplers) {
    const summary = summarizeAllocations(await sampler.stopAllocations(), 25);
    sampler.close();
    perDelivery.set(name, deliveries > 0 ? summary.bytes / deliveries : NaN);
    bench.section(
      `== what the ${name} server allocated over ${over}`,
      allocationText(summary, deliveries),
      `allocations-${name}-${tag}`,
      { deliveries, ...summary },
    );
  }
  return perDelivery;
}
