/**
 * Gathers items added one at a time into batches, one batch in flight at a time (group commit). An idle
 * batcher flushes `lingerMs` after the first item, or at once when `maxItems` are waiting; items added
 * while a batch is in flight go together in the next one, flushed as soon as that batch is done. Each
 * `add` resolves with its own item's result once its batch is flushed, or rejects with the flush's error.
 */
export class MicroBatcher<T, R> {
  private pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;

  constructor(
    private readonly options: {
      maxItems: number;
      lingerMs: number;
      /** Handles one batch; answers one result per item, in order. */
      flush: (items: T[]) => Promise<R[]>;
    },
  ) {}

  /** Items waiting for their batch to be flushed. */
  get size(): number {
    return this.pending.length;
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.flushing) return;
      if (this.pending.length >= this.options.maxItems) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.options.lingerMs);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0, this.options.maxItems);
    if (batch.length === 0) return;
    this.flushing = true;
    try {
      const results = await this.options.flush(batch.map((entry) => entry.item));
      batch.forEach((entry, position) => {
        if (position < results.length) entry.resolve(results[position]!);
        else entry.reject(new Error(`batch answered ${results.length} results for ${batch.length} items`));
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.flushing = false;
    }
    if (this.pending.length > 0) void this.flush();
  }
}
