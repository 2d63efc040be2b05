/**
 * A V8 heap snapshot taken through the inspector, summed per object kind (`type:name`, e.g.
 * `object:RealtimeSession`, `closure:release`, `string`), and the difference of two such summaries: what a
 * phase left live on the heap, by kind. Used by realtime-baseline's `--heap` to say what an idle
 * connection costs.
 */
interface HeapKind {
  count: number;
  bytes: number;
}

type HeapSummary = Map<string, HeapKind>;

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Sums a `.heapsnapshot` (its JSON text) per kind; strings, numbers and code are one kind each. */
export function summarizeHeapSnapshot(text: string): HeapSummary {
  const { snapshot, nodes, strings } = JSON.parse(text) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snapshot.meta.node_types[0];
  const byName = new Set(['object', 'closure', 'native', 'array', 'regexp']);
  const summary: HeapSummary = new Map();
  for (let index = 0; index < nodes.length; index += stride) {
    const type = types[nodes[index + typeAt]!]!;
    const kind = byName.has(type) ? `${type}:${strings[nodes[index + nameAt]!]!.slice(0, 60)}` : type;
    const entry = summary.get(kind) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += nodes[index + sizeAt]!;
    summary.set(kind, entry);
  }
  return summary;
}

/** `after − before` per kind, largest growth first. */
export function heapGrowth(before: HeapSummary, after: HeapSummary): (HeapKind & { kind: string })[] {
  return [...after]
    .map(([kind, { count, bytes }]) => ({
      kind,
      count: count - (before.get(kind)?.count ?? 0),
      bytes: bytes - (before.get(kind)?.bytes ?? 0),
    }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}
