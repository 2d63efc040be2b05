import { afterGathering, type GatherOptions } from './gather';

/** Keys one read takes at most; more concurrent keys than this are read in further batches. */
const DEFAULT_MAX_KEYS = 1_000;

interface OpenBatch<K, V> {
  readonly keys: Set<K>;
  readonly result: Promise<Map<K, V>>;
}

/**
 * Gathers the keys that concurrent callers ask for in one turn of the event loop into one read, like
 * GraphQL's DataLoader: a burst of requests that each need "the roles of these guilds" costs one query.
 * The read starts after every caller in the batch asked (the batch gathers for one event-loop turn, or
 * `gatherMs`), so each caller sees data read
 * after its call; each gets a map of its own keys only.
 */
export class KeyedBatch<K, V> {
  private open: OpenBatch<K, V> | null = null;

  constructor(
    /** Answers the keys it has a value for (a key with no entry is absent from the answer). */
    private readonly read: (keys: K[]) => Promise<Map<K, V>>,
    private readonly options: GatherOptions & { maxKeys?: number } = {},
  ) {}

  /** The values of these keys, read with every other key asked for in this turn. */
  async get(keys: Iterable<K>): Promise<Map<K, V>> {
    const wanted = [...new Set(keys)];
    if (wanted.length === 0) return new Map();
    if (
      this.open === null ||
      this.open.keys.size + wanted.length > (this.options.maxKeys ?? DEFAULT_MAX_KEYS)
    )
      this.open = this.start();
    for (const key of wanted) this.open.keys.add(key);
    const all = await this.open.result;
    const mine = new Map<K, V>();
    for (const key of wanted) if (all.has(key)) mine.set(key, all.get(key)!);
    return mine;
  }

  private start(): OpenBatch<K, V> {
    const keys = new Set<K>();
    const close = () => {
      if (this.open === batch) this.open = null;
    };
    const batch: OpenBatch<K, V> = {
      keys,
      result: afterGathering(this.options.gatherMs ?? 0, close, () => this.read([...keys])),
    };
    return batch;
  }
}

/** Rows grouped by a key, in the order they came, each kept as `valueOf` makes it (the row itself by default). */
export function groupRows<K, R, V = R>(
  rows: readonly R[],
  keyOf: (row: R) => K,
  valueOf: (row: R) => V = (row) => row as unknown as V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const value = valueOf(row);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
