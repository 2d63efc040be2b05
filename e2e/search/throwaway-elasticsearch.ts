import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../support/stack';

/** What the test uses of infra/servers/elasticsearch.mjs and infra/lib/support.mjs (plain JS modules). */
interface InfraElasticsearch {
  startNode(node: {
    dir: string;
    port: number;
    transportPort: number;
    heap: string;
    nodeName: string;
  }): Promise<number>;
}
interface InfraSupport {
  stopProcess(
    pid: number,
    options?: { signal?: NodeJS.Signals; timeoutMs?: number },
  ): Promise<'stopped' | 'killed'>;
  isAlive(pid: number): boolean;
  tail(path: string, lines?: number): string;
}

const workspaceRoot = resolve(__dirname, '../..');
/** Imported by URL: these are untyped .mjs modules, typed by the interfaces above. */
const importInfra = <T>(path: string) =>
  import(pathToFileURL(resolve(workspaceRoot, path)).href) as Promise<T>;

const START_TIMEOUT_MS = 90_000;

/**
 * A real Elasticsearch node of its own, for tests that stop and restart it: the distribution
 * `npm run infra:up` installed, started by the same infra code as the shared node (as the `bonfire-es`
 * user), on free ports, with its data in a temporary folder — the shared node on 9200 is never touched.
 */
export class ThrowawayElasticsearch {
  private pid: number | null = null;

  private constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly transportPort: number,
  ) {}

  static async start(): Promise<ThrowawayElasticsearch> {
    const node = new ThrowawayElasticsearch(
      mkdtempSync(join(tmpdir(), 'bonfire-es-throwaway-')),
      await freePort(),
      await freePort(),
    );
    try {
      await node.restart();
    } catch (error) {
      await node.destroy();
      throw error;
    }
    return node;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the node on its ports and data folder (again) and waits until the cluster answers. */
  async restart(): Promise<void> {
    if (this.pid !== null) throw new Error('the throwaway Elasticsearch is already running');
    const { startNode } = await importInfra<InfraElasticsearch>('infra/servers/elasticsearch.mjs');
    const { isAlive, tail } = await importInfra<InfraSupport>('infra/lib/support.mjs');
    const pid = await startNode({
      dir: this.dir,
      port: this.port,
      transportPort: this.transportPort,
      heap: '384m',
      nodeName: 'throwaway',
    });
    this.pid = pid;
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      try {
        const response = await fetch(`${this.url}/_cluster/health`, { signal: AbortSignal.timeout(2_000) });
        const { status } = (await response.json()) as { status?: string };
        if (status === 'green' || status === 'yellow') return;
      } catch {
        // not listening yet
      }
      if (!isAlive(pid) || Date.now() > deadline) {
        throw new Error(
          `throwaway Elasticsearch (pid ${pid}) ${isAlive(pid) ? 'not healthy in time' : 'exited'}:\n` +
            tail(join(this.dir, 'elasticsearch.log'), 40),
        );
      }
      await new Promise((wait) => setTimeout(wait, 250));
    }
  }

  /** SIGTERM to the node's process group, as an orchestrator stops it; answers whether it stopped cleanly. */
  async stop(): Promise<'stopped' | 'killed'> {
    const pid = this.pid;
    if (pid === null) return 'stopped';
    const { stopProcess } = await importInfra<InfraSupport>('infra/lib/support.mjs');
    const outcome = await stopProcess(pid, { signal: 'SIGTERM', timeoutMs: 30_000 });
    this.pid = null;
    return outcome;
  }

  /** Stops the node if it runs and deletes its folder. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
