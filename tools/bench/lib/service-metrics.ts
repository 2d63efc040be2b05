/**
 * A Bonfire service's own view of a phase, from its Prometheus /metrics scraped before and after it: how
 * long it took to answer a route (http_request_duration_seconds), its statements (db_query_duration_seconds)
 * and its garbage collections (nodejs_gc_duration_seconds). Set beside what a client measured, it tells
 * whether time went inside the service or before it (the gateway, the load generator, the run queue).
 */
import { assertLoopback } from './load';

/** One histogram's cumulative bucket counts (upper bound in seconds → count), summed over matching series. */
type Buckets = Map<number, number>;

interface HistogramSnapshot {
  buckets: Buckets;
  count: number;
  sumSeconds: number;
}

/**
 * The lines of ONE scrape of a service's /metrics. One scrape per snapshot matters: prom-client's event-loop
 * gauges restart their window at every scrape.
 */
async function scrape(serviceUrl: string): Promise<string[]> {
  const url = new URL('/metrics', assertLoopback(serviceUrl));
  return (await (await fetch(url)).text()).split('\n');
}

/** The series of a histogram whose labels contain every given label, added up. */
function histogramOf(
  lines: readonly string[],
  name: string,
  labels: Record<string, string> = {},
): HistogramSnapshot {
  const snapshot: HistogramSnapshot = { buckets: new Map(), count: 0, sumSeconds: 0 };
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of lines) {
    if (!line.startsWith(name) || !wanted.every((label) => line.includes(label))) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith(`${name}_bucket{`)) {
      const bound = /le="([^"]+)"/.exec(line)?.[1];
      if (bound === undefined) continue;
      const upper = bound === '+Inf' ? Infinity : Number(bound);
      snapshot.buckets.set(upper, (snapshot.buckets.get(upper) ?? 0) + value);
    } else if (line.startsWith(`${name}_count`)) snapshot.count += value;
    else if (line.startsWith(`${name}_sum`)) snapshot.sumSeconds += value;
  }
  return snapshot;
}

/** What happened between two snapshots of the same histogram. */
function histogramDelta(before: HistogramSnapshot, after: HistogramSnapshot): HistogramSnapshot {
  const buckets: Buckets = new Map();
  for (const [upper, count] of after.buckets) buckets.set(upper, count - (before.buckets.get(upper) ?? 0));
  return { buckets, count: after.count - before.count, sumSeconds: after.sumSeconds - before.sumSeconds };
}

/**
 * The q-quantile in milliseconds, interpolated linearly inside its bucket (as Prometheus'
 * histogram_quantile does); NaN when nothing was observed.
 */
function quantileMs(histogram: HistogramSnapshot, q: number): number {
  const bounds = [...histogram.buckets.keys()].sort((a, b) => a - b);
  const total = histogram.buckets.get(Infinity) ?? histogram.count;
  if (total <= 0) return NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const upper of bounds) {
    const cumulative = histogram.buckets.get(upper)!;
    if (cumulative >= rank) {
      if (upper === Infinity) return lower * 1000; // past the last finite bound: its bound, at least
      const inBucket = cumulative - below;
      const fraction = inBucket > 0 ? (rank - below) / inBucket : 0;
      return (lower + (upper - lower) * fraction) * 1000;
    }
    lower = upper;
    below = cumulative;
  }
  return NaN;
}

/** A gauge's value (its first series), NaN when absent. */
function gaugeOf(lines: readonly string[], name: string): number {
  const line = lines.find(
    (candidate) => candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `),
  );
  return line === undefined ? NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const SEND_ROUTE = { method: 'POST', route: '/api/v1/channels/:channelId/messages' };

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

function percentiles(histogram: HistogramSnapshot): Percentiles & { count: number } {
  return {
    count: histogram.count,
    p50: quantileMs(histogram, 0.5),
    p95: quantileMs(histogram, 0.95),
    p99: quantileMs(histogram, 0.99),
  };
}

const fixed1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const row = (label: string, p: Percentiles, extra = '') =>
  `${label.padEnd(44)} ${fixed1(p.p50).padStart(7)} ${fixed1(p.p95).padStart(7)} ${fixed1(p.p99).padStart(7)}  ${extra}`;

/**
 * Chat during a delivery phase: how long it took to answer the sends (its own clock, from the request
 * reaching its HTTP server to the answer leaving it), its statements, its GC and its event-loop delay.
 */
export class ChatView {
  private constructor(
    private readonly url: string,
    private readonly startedAt: number,
    private readonly start: HistogramSnapshot[],
  ) {}

  static async before(chatUrl: string): Promise<ChatView> {
    // Scraping also starts the event-loop gauges' window (they cover the time since the previous scrape).
    return new ChatView(chatUrl, performance.now(), ChatView.histograms(await scrape(chatUrl)));
  }

  private static histograms(lines: readonly string[]): HistogramSnapshot[] {
    return [
      histogramOf(lines, 'http_request_duration_seconds', SEND_ROUTE),
      histogramOf(lines, 'db_query_duration_seconds', { operation: 'with' }),
      histogramOf(lines, 'db_query_duration_seconds', { operation: 'select' }),
      histogramOf(lines, 'nodejs_gc_duration_seconds'),
    ];
  }

  async after() {
    const lines = await scrape(this.url);
    const loopP99 = gaugeOf(lines, 'nodejs_eventloop_lag_p99_seconds');
    const loopMax = gaugeOf(lines, 'nodejs_eventloop_lag_max_seconds');
    const end = ChatView.histograms(lines);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const [http, sends, selects, gc] = end.map((snapshot, index) =>
      histogramDelta(this.start[index]!, snapshot),
    );
    const figures = {
      seconds,
      answering: percentiles(http!),
      sendStatements: percentiles(sends!),
      selects: percentiles(selects!),
      gc: { count: gc!.count, totalMs: gc!.sumSeconds * 1000, p99Ms: quantileMs(gc!, 0.99) },
      eventLoop: { p99Ms: loopP99 * 1000, maxMs: loopMax * 1000 },
    };
    return {
      figures,
      text: (sender: Percentiles) =>
        [
          `${''.padEnd(44)} ${'p50 ms'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}`,
          row('sender: POST → 201, through the gateway', sender),
          row(
            'chat: answering the POST (its HTTP server)',
            figures.answering,
            `${figures.answering.count} answers`,
          ),
          row(
            'chat: `with` statements (the send)',
            figures.sendStatements,
            `${figures.sendStatements.count} run`,
          ),
          row('chat: `select` statements', figures.selects, `${figures.selects.count} run`),
          `chat GC: ${figures.gc.count} collections, ${fixed1(figures.gc.totalMs)} ms in ${fixed1(seconds)} s ` +
            `(p99 ${fixed1(figures.gc.p99Ms)} ms); event-loop delay p99 ${fixed1(figures.eventLoop.p99Ms)} ms, ` +
            `max ${fixed1(figures.eventLoop.maxMs)} ms`,
          'Histogram quantiles are interpolated inside Prometheus buckets (…, 10, 25, 50, 100, 250 ms): coarse.',
        ].join('\n'),
    };
  }
}
