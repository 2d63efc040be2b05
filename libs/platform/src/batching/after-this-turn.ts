/**
 * The batches' clock: `work` starts after this turn of the event loop (setImmediate), when every caller of
 * the turn has joined, right after `close` stopped the batch taking more. A `work` that throws before
 * returning its promise still settles the result.
 */
export function afterThisTurn<T>(close: () => void, work: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      close();
      Promise.resolve().then(work).then(resolve, reject);
    }),
  );
}
