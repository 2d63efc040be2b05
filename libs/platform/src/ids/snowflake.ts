/**
 * Discord-style snowflake ids: 64-bit, time-sortable, made without coordination.
 * 42 bits of milliseconds since the Bonfire epoch | 10 bits of worker id | 12 bits of sequence.
 * They travel as decimal strings in JSON (JavaScript numbers lose precision past 2^53).
 */
export const BONFIRE_EPOCH_MS = Date.UTC(2026, 0, 1);

const WORKER_BITS = 10n;
const SEQUENCE_BITS = 12n;
const MAX_SEQUENCE = (1n << SEQUENCE_BITS) - 1n;
export const MAX_WORKER_ID = Number((1n << WORKER_BITS) - 1n);

export class SnowflakeGenerator {
  private lastMs = -1;
  private sequence = 0n;

  constructor(
    private readonly workerId: number,
    private readonly clock: () => number = Date.now,
  ) {
    if (!Number.isInteger(workerId) || workerId < 0 || workerId > MAX_WORKER_ID) {
      throw new RangeError(`worker id must be an integer in 0..${MAX_WORKER_ID}`);
    }
  }

  next(): string {
    let now = Math.max(this.clock(), this.lastMs); // never go backwards if the wall clock does
    if (now === this.lastMs) {
      this.sequence = (this.sequence + 1n) & MAX_SEQUENCE;
      if (this.sequence === 0n) {
        // 4096 ids in one millisecond: borrow the next millisecond.
        now = this.lastMs + 1;
      }
    } else {
      this.sequence = 0n;
    }
    this.lastMs = now;
    const id =
      (BigInt(now - BONFIRE_EPOCH_MS) << (WORKER_BITS + SEQUENCE_BITS)) |
      (BigInt(this.workerId) << SEQUENCE_BITS) |
      this.sequence;
    return id.toString();
  }
}

/** The millisecond timestamp a snowflake was made at (for `before:`/`after:` filters and pagination). */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> (WORKER_BITS + SEQUENCE_BITS)) + BONFIRE_EPOCH_MS;
}

/** The smallest snowflake made at or after a time: turns a date into an id bound. */
export function snowflakeFromTime(ms: number): string {
  return (BigInt(Math.max(0, ms - BONFIRE_EPOCH_MS)) << (WORKER_BITS + SEQUENCE_BITS)).toString();
}
