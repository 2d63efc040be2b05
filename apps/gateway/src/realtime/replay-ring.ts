import type { EncodedDispatch } from './dispatch-frame';

export interface SequencedDispatch {
  readonly seq: number;
  readonly dispatch: EncodedDispatch;
}

/**
 * A session's newest `capacity` dispatches with their sequence numbers, in order. The dispatches are the
 * packet's shared encoding, so a session's buffer costs a reference per event, not a copy.
 *
 * Numbers and references sit in two parallel arrays: a delivery allocates nothing here. An entry object
 * per delivery would live as long as the ring keeps it (REALTIME_REPLAY_BUFFER_SIZE dispatches), so it would survive the
 * young generation and cost the gateway old-generation collections in proportion to its deliveries.
 */
export class ReplayRing {
  /** Grow up to `capacity` (an idle session costs nothing), then wrap around. */
  private readonly seqs: number[] = [];
  private readonly dispatches: EncodedDispatch[] = [];
  private start = 0;
  private count = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  push(seq: number, dispatch: EncodedDispatch): void {
    if (this.count < this.capacity) {
      this.seqs.push(seq);
      this.dispatches.push(dispatch);
      this.count++;
      return;
    }
    this.seqs[this.start] = seq;
    this.dispatches[this.start] = dispatch;
    this.start = (this.start + 1) % this.capacity;
  }

  /** The newest dispatch (its number is the session's last). */
  lastDispatch(): EncodedDispatch | undefined {
    return this.count === 0 ? undefined : this.dispatches[this.slot(this.count - 1)];
  }

  /** Oldest first. */
  entries(): SequencedDispatch[] {
    return this.after(-Infinity);
  }

  /** The entries after `seq`, oldest first. */
  after(seq: number): SequencedDispatch[] {
    const result: SequencedDispatch[] = [];
    for (let index = 0; index < this.count; index++) {
      const slot = this.slot(index);
      if (this.seqs[slot]! > seq) result.push({ seq: this.seqs[slot]!, dispatch: this.dispatches[slot]! });
    }
    return result;
  }

  private slot(index: number): number {
    return (this.start + index) % this.count;
  }
}
