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
  private readonly slots: (SequencedDispatch | undefined)[];
  private start = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Array<SequencedDispatch | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(entry: SequencedDispatch): void {
    const end = (this.start + this.count) % this.capacity;
    this.slots[end] = entry;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  last(): SequencedDispatch | undefined {
    return this.count === 0 ? undefined : this.slots[(this.start + this.count - 1) % this.capacity];
  }

  /** Oldest first. */
  entries(): SequencedDispatch[] {
    const result: SequencedDispatch[] = [];
    for (let index = 0; index < this.count; index++) {
      result.push(this.slots[(this.start + index) % this.capacity]!);
    }
    return result;
  }

  /** The entries after `seq`, oldest first. */
  after(seq: number): SequencedDispatch[] {
    return this.entries().filter((entry) => entry.seq > seq);
  }
}
