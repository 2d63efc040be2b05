import type { EncodedDispatch } from './dispatch-frame';

export interface SequencedDispatch {
  readonly seq: number;
  readonly dispatch: EncodedDispatch;
}

/**
 * A session's newest `capacity` dispatches with their sequence numbers, in order. The dispatches are the
 * packet's shared encoding, so a session's buffer costs a reference per event, not a copy.
 */
export class ReplayRing {
  /** Grows up to `capacity` (an idle session costs nothing), then wraps around. */
  private readonly slots: SequencedDispatch[] = [];
  private start = 0;
  private count = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  push(entry: SequencedDispatch): void {
    if (this.count < this.capacity) {
      this.slots.push(entry);
      this.count++;
      return;
    }
    this.slots[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
  }

  last(): SequencedDispatch | undefined {
    return this.count === 0 ? undefined : this.slots[(this.start + this.count - 1) % this.count];
  }

  /** Oldest first. */
  entries(): SequencedDispatch[] {
    const result: SequencedDispatch[] = [];
    for (let index = 0; index < this.count; index++) {
      result.push(this.slots[(this.start + index) % this.count]!);
    }
    return result;
  }

  /** The entries after `seq`, oldest first. */
  after(seq: number): SequencedDispatch[] {
    return this.entries().filter((entry) => entry.seq > seq);
  }
}
