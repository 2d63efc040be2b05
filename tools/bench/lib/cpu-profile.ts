/**
 * CPU profiles of a server process the bench started, over a chosen window: the process runs with
 * `--inspect=127.0.0.1:<port>` (see `inspectArgs`), `InspectorProfiler.connect(port)` attaches over the
 * inspector's WebSocket, `start()` / `stop()` bracket the window (V8's sampling profiler, the same data as
 * `node --cpu-prof`, written as a `.cpuprofile` that Chrome DevTools and speedscope open).
 * `summarizeProfile()` prints where the time went: self time per function (file:line mapped through the
 * `.js.map` next to built files, so apps/…/dist lines read as src lines; the hottest lines of each), time
 * including callees, and self time per package / file. Also a command line:
 *   npx tsx tools/bench/lib/cpu-profile.ts <file.cpuprofile> [top]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './bench';
import { table } from './report';

interface ProfileNode {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
    scriptId: string;
  };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

/** V8's sampling heap profile: a call tree whose nodes carry the bytes sampled where they allocated. */
export interface SamplingHeapProfile {
  head: AllocationNode;
}

export interface AllocationNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: AllocationNode[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const workspaceRoot = resolve(__dirname, '../../..');

/** A free loopback port (for `--inspect`). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const inspectArgs = (port: number) => [`--inspect=127.0.0.1:${port}`];

export class InspectorProfiler {
  private nextId = 1;
  private pending = new Map<number, (answer: { result?: unknown; error?: { message: string } }) => void>();
  private snapshotChunks: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const answer = JSON.parse(String(event.data)) as {
        id?: number;
        method?: string;
        params?: { chunk?: string };
        result?: unknown;
        error?: { message: string };
      };
      if (answer.method === 'HeapProfiler.addHeapSnapshotChunk')
        this.snapshotChunks.push(answer.params!.chunk!);
      if (answer.id === undefined) return;
      this.pending.get(answer.id)?.(answer);
      this.pending.delete(answer.id);
    });
  }

  /** Attaches to the inspector of the process listening on `port` (retried for up to 10 s). */
  static async connect(port: number): Promise<InspectorProfiler> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
          webSocketDebuggerUrl: string;
        }[];
        const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
        await new Promise<void>((done, fail) => {
          socket.addEventListener('open', () => done(), { once: true });
          socket.addEventListener('error', () => fail(new Error('inspector websocket error')), {
            once: true,
          });
        });
        const profiler = new InspectorProfiler(socket);
        await profiler.call('Profiler.enable');
        return profiler;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  }

  private call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((done, fail) => {
      this.pending.set(id, (answer) =>
        answer.error ? fail(new Error(`${method}: ${answer.error.message}`)) : done(answer.result as T),
      );
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Starts sampling (every `intervalMicros`, V8's default 1 ms). */
  async start(intervalMicros = 1000): Promise<void> {
    await this.call('Profiler.setSamplingInterval', { interval: intervalMicros });
    await this.call('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    return (await this.call<{ profile: CpuProfile }>('Profiler.stop')).profile;
  }

  /**
   * Starts V8's sampling heap profiler (a sample every `intervalBytes` allocated on average), counting the
   * objects young and full collections have freed too: what the process allocates, not what it keeps.
   */
  async startAllocations(intervalBytes = 16_384): Promise<void> {
    await this.call('HeapProfiler.enable');
    await this.call('HeapProfiler.startSampling', {
      samplingInterval: intervalBytes,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }

  async stopAllocations(): Promise<SamplingHeapProfile> {
    return (await this.call<{ profile: SamplingHeapProfile }>('HeapProfiler.stopSampling')).profile;
  }

  /** After a full garbage collection: the JS heap's live bytes (`usedSize`) and its size (`totalSize`). */
  async liveHeap(): Promise<{ usedSize: number; totalSize: number }> {
    await this.call('HeapProfiler.collectGarbage');
    return this.call<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
  }

  /** A heap snapshot (after V8's own full collection), as the text of a `.heapsnapshot` file. */
  async heapSnapshot(): Promise<string> {
    this.snapshotChunks = [];
    await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const text = this.snapshotChunks.join('');
    this.snapshotChunks = [];
    return text;
  }

  close(): void {
    this.socket.close();
  }
}

// ------------------------------------------------------------------ summary

const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!sourceMaps.has(file)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file)!;
}

/** `path:line` (1-based) of a script position, through the source map when the file has one. */
export function where(url: string, line: number, column: number): string {
  if (!url) return '';
  // CPU profiles name scripts by file URL; the sampling heap profiler names CommonJS ones by path.
  if (!url.startsWith('file://') && !url.startsWith('/')) return `${url}:${line + 1}`;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const map = sourceMapOf(file);
  const entry = map?.findEntry(line, column) as
    { originalSource?: string; originalLine?: number } | Record<string, never> | undefined;
  if (entry && 'originalSource' in entry && entry.originalSource !== undefined) {
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(file), entry.originalSource);
    return `${relative(workspaceRoot, source)}:${(entry.originalLine ?? 0) + 1}`;
  }
  return `${relative(workspaceRoot, file)}:${line + 1}`;
}

const scriptLines = new Map<string, string[]>();

/** Column of the first non-blank character of a script line (0 when unknown). */
function indentOf(url: string, line: number): number {
  if (!url.startsWith('file://')) return 0;
  if (!scriptLines.has(url)) {
    try {
      scriptLines.set(url, readFileSync(fileURLToPath(url), 'utf8').split('\n'));
    } catch {
      scriptLines.set(url, []);
    }
  }
  const text = scriptLines.get(url)![line] ?? '';
  return Math.max(0, text.search(/\S/));
}

/** Where a frame's code comes from: an npm package, a node: module, a workspace file, or V8 itself. */
export function groupOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packages = url.split('/node_modules/');
  if (packages.length > 1) {
    const rest = packages.at(-1)!.split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  if (url.startsWith('file://') || url.startsWith('/')) {
    return where(url, frame.lineNumber, frame.columnNumber).replace(/:\d+$/, '');
  }
  return url;
}

interface ProfileSummary {
  /** Sampled time in ms (idle excluded) and the wall time of the profile. */
  busyMs: number;
  wallMs: number;
  self: { name: string; where: string; ms: number; percent: number; lines: string }[];
  total: { name: string; where: string; ms: number; percent: number }[];
  groups: { group: string; ms: number; percent: number }[];
}

export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // time per sample: its delta to the next one (the last sample gets the median-ish 1 ms)
  const selfMicros = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index + 1] ?? 1000;
    selfMicros.set(
      profile.samples[index]!,
      (selfMicros.get(profile.samples[index]!) ?? 0) + Math.max(0, delta),
    );
  }
  const keyOf = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}|${node.callFrame.url}|${node.callFrame.lineNumber}|${node.callFrame.columnNumber}`;
  let busy = 0;
  const self = new Map<string, { node: ProfileNode; micros: number; lines: Map<number, number> }>();
  const total = new Map<string, { node: ProfileNode; micros: number }>();
  const groups = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += micros;
    const key = keyOf(node);
    const entry = self.get(key) ?? { node, micros: 0, lines: new Map() };
    entry.micros += micros;
    for (const tick of node.positionTicks ?? [])
      entry.lines.set(tick.line, (entry.lines.get(tick.line) ?? 0) + tick.ticks);
    self.set(key, entry);
    const group = groupOf(node.callFrame);
    groups.set(group, (groups.get(group) ?? 0) + micros);
    // inclusive: every distinct function on this sample's stack
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      const frameKey = keyOf(frame);
      if (seen.has(frameKey) || frame.callFrame.functionName === '(root)') continue;
      seen.add(frameKey);
      const inclusive = total.get(frameKey) ?? { node: frame, micros: 0 };
      inclusive.micros += micros;
      total.set(frameKey, inclusive);
    }
  }
  const percent = (micros: number) => (busy ? (100 * micros) / busy : 0);
  const frameWhere = (node: ProfileNode) =>
    where(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber);
  const lineWhere = (node: ProfileNode, line: number) => {
    // positionTicks lines are 1-based script lines; map the line's first token (column 0 would map to
    // the previous line's last segment)
    const at = where(node.callFrame.url, line - 1, indentOf(node.callFrame.url, line - 1));
    return at.slice(at.lastIndexOf(':') + 1);
  };
  return {
    busyMs: busy / 1000,
    wallMs: (profile.endTime - profile.startTime) / 1000,
    self: [...self.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((entry) => ({
        name: entry.node.callFrame.functionName || '(anonymous)',
        where: frameWhere(entry.node),
        ms: entry.micros / 1000,
        percent: percent(entry.micros),
        lines: [...entry.lines.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([line, ticks]) => `${lineWhere(entry.node, line)}×${ticks}`)
          .join(' '),
      })),
    total: [...total.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((entry) => ({
        name: entry.node.callFrame.functionName || '(anonymous)',
        where: frameWhere(entry.node),
        ms: entry.micros / 1000,
        percent: percent(entry.micros),
      })),
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([group, micros]) => ({ group, ms: micros / 1000, percent: percent(micros) })),
  };
}

export function profileText(summary: ProfileSummary): string {
  const ms = (value: number) => value.toFixed(0);
  const pct = (value: number) => value.toFixed(1);
  return (
    `busy ${ms(summary.busyMs)} ms of CPU in ${ms(summary.wallMs)} ms wall (idle excluded; % of busy)\n\n` +
    'self time per function (hottest lines, 1-based, × samples)\n' +
    table(
      ['%', 'ms', 'function', 'where', 'hot lines'],
      summary.self.map((row) => [pct(row.percent), ms(row.ms), row.name, row.where, row.lines]),
    ) +
    '\n\ntime including callees\n' +
    table(
      ['%', 'ms', 'function', 'where'],
      summary.total.map((row) => [pct(row.percent), ms(row.ms), row.name, row.where]),
    ) +
    '\n\nself time per package / file\n' +
    table(
      ['%', 'ms', 'package or file'],
      summary.groups.map((row) => [pct(row.percent), ms(row.ms), row.group]),
    )
  );
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx tools/bench/lib/cpu-profile.ts <file.cpuprofile> [top]');
    process.exit(1);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(profileText(summarizeProfile(profile, Number(top ?? 25))));
}

/**
 * Profilers started on the servers that have an inspector port (closed at the bench's end): CPU profiles,
 * or with `what: 'allocations'` the sampling heap profiler (see allocation-profile.ts).
 */
export async function startProfilers(
  bench: BenchContext,
  servers: { name: string; port: number | undefined }[],
  what: 'cpu' | 'allocations' = 'cpu',
): Promise<Map<string, InspectorProfiler>> {
  const profilers = new Map<string, InspectorProfiler>();
  for (const { name, port } of servers) {
    if (port === undefined) continue;
    const profiler = await InspectorProfiler.connect(port);
    await (what === 'cpu' ? profiler.start() : profiler.startAllocations());
    profilers.set(name, profiler);
    bench.onCleanup(() => profiler.close());
  }
  return profilers;
}

/** Stops the profilers, writes each profile to `directory` and prints its summary as a bench section. */
export async function writeProfiles(
  bench: BenchContext,
  profilers: Map<string, InspectorProfiler>,
  directory: string,
  tag: string,
  over: string,
): Promise<void> {
  for (const [name, profiler] of profilers) {
    const profile: CpuProfile = await profiler.stop();
    profiler.close();
    mkdirSync(directory, { recursive: true });
    const file = join(
      directory,
      `${name}-${tag}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`,
    );
    writeFileSync(file, JSON.stringify(profile));
    const summary = summarizeProfile(profile, 30);
    bench.section(
      `== CPU profile of the ${name} server over ${over}: ${file}`,
      profileText(summary),
      `profile-${name}-${tag}`,
      {
        file,
        ...summary,
      },
    );
  }
}
