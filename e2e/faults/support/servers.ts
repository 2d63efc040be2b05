import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the suite uses of a server module of infra/servers (plain JS modules, typed here). */
interface InfraServerModule {
  name: string;
  port: number;
  paths: { dir: string; pidFile: string; logFile: string };
  healthTimeoutMs: number;
  start(): Promise<number> | number;
  health(): Promise<unknown>;
  provision?(): Promise<void>;
}
interface InfraSupport {
  livePid(pidFile: string): number | undefined;
  stopProcess(
    pid: number,
    options?: { signal?: NodeJS.Signals; timeoutMs?: number },
  ): Promise<'stopped' | 'killed'>;
  waitForHealth(server: InfraServerModule, pid: number, timeoutMs: number): Promise<void>;
}

const workspaceRoot = resolve(__dirname, '../../..');
const importInfra = <T>(path: string) =>
  import(pathToFileURL(resolve(workspaceRoot, path)).href) as Promise<T>;

export type InfraServerName = 'postgres' | 'redis' | 'kafka' | 'elasticsearch' | 's3';

/**
 * One of the local servers, killed and started again through the infra code (`infra/servers/<name>.mjs`,
 * the same as `npm run infra:up`): its pid file under INFRA_DATA_DIR says which process is ours. The suite
 * kills servers, so beside other work it runs on its own set (e2e/faults/private-servers.env).
 */
export class InfraServer {
  private constructor(
    private readonly server: InfraServerModule,
    private readonly support: InfraSupport,
  ) {}

  static async load(name: InfraServerName): Promise<InfraServer> {
    const { default: server } = await importInfra<{ default: InfraServerModule }>(
      `infra/servers/${name}.mjs`,
    );
    const support = await importInfra<InfraSupport>('infra/lib/support.mjs');
    const infra = new InfraServer(server, support);
    infra.pid();
    return infra;
  }

  get name(): string {
    return this.server.name;
  }

  get port(): number {
    return this.server.port;
  }

  /** The server's pid (from its pid file); throws when infra did not start it. */
  pid(): number {
    const pid = this.support.livePid(this.server.paths.pidFile);
    if (!pid) {
      throw new Error(
        `${this.server.name} on port ${this.server.port} is not running under infra (no live pid in ` +
          `${this.server.paths.pidFile}): start it with npm run infra:up (same env as the suite)`,
      );
    }
    return pid;
  }

  /** SIGKILL to the server's whole process group (the server and its children), as a crash would. */
  async kill(): Promise<void> {
    await this.support.stopProcess(this.pid(), { signal: 'SIGKILL', timeoutMs: 10_000 });
  }

  /** Starts it again as `infra up` does: start, wait for health, provision (topics, roles, bucket). */
  async start(): Promise<void> {
    const pid = await this.server.start();
    await this.support.waitForHealth(this.server, pid, this.server.healthTimeoutMs);
    await this.server.provision?.();
  }
}
