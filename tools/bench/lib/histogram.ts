/**
 * Latency recorder: keeps every sample (up to `capacity`) in a growable Float64Array and sorts once
 * when asked for percentiles. Exact percentiles, no bucketing error; fine up to ~1e6 samples (8 MB).
 * Beyond capacity it keeps counting (count, mean, max stay exact) and reservoir-samples the rest, so
 * percentiles stay unbiased estimates and memory stays bounded.
 */
export interface LatencySummary {
  count: number;
  /** Milliseconds. */
  mean: number;
  stddev: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

export class LatencyRecorder {
  private samples: Float64Array;
  private stored = 0;
  private seen = 0;
  private sum = 0;
  private sumSquares = 0;
  private minimum = Infinity;
  private maximum = 0;
  private sorted = true;

  constructor(private readonly capacity = 1_000_000) {
    this.samples = new Float64Array(Math.min(capacity, 16_384));
  }

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    this.seen++;
    this.sum += ms;
    this.sumSquares += ms * ms;
    if (ms < this.minimum) this.minimum = ms;
    if (ms > this.maximum) this.maximum = ms;
    this.sorted = false;
    if (this.stored < this.capacity) {
      if (this.stored === this.samples.length) {
        const grown = new Float64Array(Math.min(this.capacity, this.samples.length * 2));
        grown.set(this.samples);
        this.samples = grown;
      }
      this.samples[this.stored++] = ms;
      return;
    }
    // reservoir sampling (algorithm R) once full
    const slot = Math.floor(Math.random() * this.seen);
    if (slot < this.capacity) this.samples[slot] = ms;
  }

  get count(): number {
    return this.seen;
  }

  /** A copy of the kept samples (all of them up to capacity; a uniform sample beyond), e.g. to merge recorders. */
  storedSamples(): Float64Array {
    return this.samples.slice(0, this.stored);
  }

  /** The q-quantile (0..1), nearest-rank, in milliseconds. */
  percentile(q: number): number {
    if (this.stored === 0) return NaN;
    this.sort();
    const rank = Math.min(this.stored - 1, Math.max(0, Math.ceil(q * this.stored) - 1));
    return this.samples[rank]!;
  }

  summary(): LatencySummary {
    const count = this.seen;
    const mean = count ? this.sum / count : NaN;
    const variance = count ? Math.max(0, this.sumSquares / count - mean * mean) : NaN;
    return {
      count,
      mean,
      stddev: Math.sqrt(variance),
      min: count ? this.minimum : NaN,
      p50: this.percentile(0.5),
      p90: this.percentile(0.9),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      p999: this.percentile(0.999),
      max: count ? this.maximum : NaN,
    };
  }

  private sort(): void {
    if (this.sorted) return;
    if (this.stored < this.samples.length) this.samples = this.samples.slice(0, this.stored);
    this.samples.sort();
    this.sorted = true;
  }
}
