/**
 * The batches' clock: `work` starts once the batch stopped gathering — after this turn of the event loop
 * (setImmediate) when `windowMs` is 0, else after that many milliseconds — right after `close` stopped
 * the batch taking more. Every caller that joined asked before `work` started. A `work` that throws
 * before returning its promise still settles the result.
 */
export function afterGathering<T>(windowMs: number, close: () => void, work: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const start = () => {
      close();
      Promise.resolve().then(work).then(resolve, reject);
    };
    if (windowMs > 0) setTimeout(start, windowMs);
    else setImmediate(start);
  });
}

export interface GatherOptions {
  /**
   * How long a batch gathers callers: 0 (the default) for one turn of the event loop; a few ms gather the
   * callers of several turns (requests that arrive one network read apart) at that much added latency.
   */
  gatherMs?: number;
}
