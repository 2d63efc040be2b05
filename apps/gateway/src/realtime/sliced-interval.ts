/** How often a sliced interval runs one slice of its work. */
const SLICE_MS = 1_000;

/**
 * Work over every session (or connection) once per `intervalMs`, done a slice at a time: every SLICE_MS,
 * `visit` runs with a test that keeps the keys of that turn's slice, and in `intervalMs` every slice has had
 * its turn. Ten thousand sessions refreshed in one Redis pipeline held the event loop for 60–200 ms, and
 * every message waiting behind it (realtime-scale (c)'s p99); one slice of them takes a few milliseconds.
 */
export function slicedInterval(
  intervalMs: number,
  visit: (inSlice: (key: string) => boolean) => void,
): NodeJS.Timeout {
  const slices = Math.max(1, Math.round(intervalMs / SLICE_MS));
  let next = 0;
  return setInterval(() => {
    const slice = next;
    next = (next + 1) % slices;
    visit((key) => sliceOf(key, slices) === slice);
  }, intervalMs / slices);
}

/** The slice (0 ≤ n < slices) a key always falls in: FNV-1a of its UTF-16 code units. */
export function sliceOf(key: string, slices: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % slices;
}
