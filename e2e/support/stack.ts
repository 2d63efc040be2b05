import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, freePort, type TestDatabase } from '@bonfire/platform/testing';
import { listensOn } from './listening-socket';

const workspaceRoot = resolve(__dirname, '../..');

/** Services that own a Postgres database, and the variable naming it. */
const DATABASE_VARIABLE: Record<string, string> = {
  auth: 'AUTH_DATABASE_URL',
  chat: 'CHAT_DATABASE_URL',
  file: 'FILE_DATABASE_URL',
};

const PORT_VARIABLE: Record<string, string> = {
  gateway: 'GATEWAY_PORT',
  auth: 'AUTH_PORT',
  chat: 'CHAT_PORT',
  presence: 'PRESENCE_PORT',
  file: 'FILE_PORT',
  search: 'SEARCH_PORT',
  voice: 'VOICE_PORT',
};

export { freePort };

/**
 * Voice signaling's own public listener (VOICE_SIGNALING_PORT) on a free port, and the address clients
 * are sent to (VOICE_PUBLIC_URL) on it; VOICE_URL stays the internal port (REST, /metrics).
 */
export async function voiceSignalingPort(env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  env['VOICE_SIGNALING_PORT'] = String(port);
  env['VOICE_PUBLIC_URL'] = `http://127.0.0.1:${port}`;
  return env['VOICE_PUBLIC_URL'];
}

/**
 * Which shape the e2e stacks run: `distributed` (default: one process per service on the real servers) or
 * `standalone` (E2E_SHAPE=standalone: every service in one process on embedded parts, no servers needed).
 */
type Shape = 'standalone' | 'distributed';
export const e2eShape: Shape = process.env['E2E_SHAPE'] === 'standalone' ? 'standalone' : 'distributed';

/** A service process started from its build output, with its own port and (if it owns one) database. */
export class ServiceProcess {
  private child?: ChildProcess;
  private output: string[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    /** What to run (default: the service's build output); the standalone shape runs its launcher. */
    private readonly entry = resolve(workspaceRoot, 'apps', name, 'dist/main.js'),
    private readonly args: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The running process's id (undefined before start and after stop). */
  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  async start(): Promise<void> {
    const entry = this.entry;
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm test builds)`);
    this.output = [];
    // E2E_NODE_ARGS: flags for this process's node (any V8 flag; NODE_OPTIONS allows only some), for benches
    // that compare runtime settings side by side.
    const { E2E_NODE_ARGS: nodeArgs = '', ...env } = this.env;
    const flags = nodeArgs.split(' ').filter((flag) => flag.length > 0);
    const child = spawn(process.execPath, [...flags, entry, ...this.args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // E2E_LOG_DIR keeps every process's output in <dir>/<name>.log as well (to read after a long run).
    const logFile = process.env['E2E_LOG_DIR'] ? join(process.env['E2E_LOG_DIR'], `${this.name}.log`) : null;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.output.push(chunk.toString());
        if (logFile) appendFileSync(logFile, chunk);
      });
    }
    await this.waitUntilReady();
  }

  /** Graceful stop (SIGTERM), as an orchestrator would. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Sudden death (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  logs(): string {
    return this.output.join('');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    await exited;
  }

  private async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) {
        // The first line names the cause (CI's summary shows only that line).
        throw new Error(
          `${this.name} exited during start (exit ${this.child?.exitCode}): ${causeLine(this.logs())}\n${this.logs().slice(-4000)}`,
        );
      }
      try {
        const response = await fetch(`${this.url}/health/ready`);
        // Ready, and the answer is ours: a port chosen free can be bound by another stack's process first,
        // which would then answer for this one while this one fails to bind and exits (seen in CI).
        if (response.ok && listensOn(this.child!.pid!, this.port)) return;
      } catch {
        // not listening yet
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.logs().slice(-4000)}`);
  }
}

/** The log line that names why a process stopped: its fatal line if it wrote one, else its last line. */
function causeLine(logs: string): string {
  const lines = logs.trim().split('\n');
  const fatal = lines.find((line) => line.startsWith('✗') || line.includes('"level":"fatal"'));
  return (fatal ?? lines.at(-1) ?? '').slice(0, 400);
}

function portWasTaken(error: unknown): boolean {
  return error instanceof Error && error.message.includes('EADDRINUSE');
}

interface StackOptions {
  /** Services to run, started in this order (the gateway last). */
  services: string[];
  /** Extra variables for every service. */
  env?: Record<string, string>;
  /** Extra variables per service. */
  serviceEnv?: Record<string, Record<string, string>>;
  /** Extra gateway processes sharing the stack (to test replica behaviour; distributed shape only). */
  extraGateways?: number;
  /** Overrides E2E_SHAPE for this stack. */
  shape?: Shape;
}

/**
 * Runs built services as real processes on the real local servers, each service with a throwaway
 * database, wired to each other through the same variables as production.
 */
export class Stack {
  readonly services = new Map<string, ServiceProcess>();
  readonly gateways: ServiceProcess[] = [];
  private readonly databases: TestDatabase[] = [];
  private readonly databaseUrls = new Map<string, string>();
  private dataDir: string | null = null;
  /** Where clients reach voice signaling (VOICE_PUBLIC_URL), when the stack runs voice. */
  voiceSignalingUrl: string | null = null;
  /** Voice's internal port (VOICE_URL: REST, health, /metrics), either shape, when the stack runs voice. */
  voiceUrl: string | null = null;
  readonly shape: Shape;

  private constructor(private readonly options: StackOptions) {
    this.shape = options.shape ?? e2eShape;
  }

  static async start(options: StackOptions): Promise<Stack> {
    for (let attempt = 1; ; attempt++) {
      const stack = new Stack(options);
      try {
        await stack.boot();
        return stack;
      } catch (error) {
        await stack.stop();
        // A free port can be taken between choosing it and binding it (an outgoing connection's ephemeral
        // port, another stack starting beside this one): choose new ports and start again.
        if (attempt < 3 && portWasTaken(error)) continue;
        throw error;
      }
    }
  }

  get gateway(): ServiceProcess {
    const gateway = this.gateways[0];
    if (!gateway) throw new Error('this stack runs no gateway');
    return gateway;
  }

  /** The throwaway database this stack made for a service (e.g. to fill chat's tables straight in SQL). */
  databaseUrl(service: string): string {
    const url = this.databaseUrls.get(service);
    if (!url) throw new Error(`this stack made no database for ${service}`);
    return url;
  }

  service(name: string): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`this stack runs no ${name} process (shape: ${this.shape})`);
    return service;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.gateways, ...this.services.values()].map((service) => service.stop()));
    await Promise.all(this.databases.map((database) => database.drop()));
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /**
   * The standalone shape: one process runs every service; `gateway` is that process. The per-service
   * variables of the options are merged (they are named per service, so they do not collide).
   */
  private async bootStandalone(env: NodeJS.ProcessEnv): Promise<void> {
    if (this.options.extraGateways) throw new Error('extra gateways need the distributed shape');
    this.dataDir = mkdtempSync(join(tmpdir(), 'bonfire-e2e-standalone-'));
    for (const name of Object.keys(PORT_VARIABLE)) {
      const port = await freePort();
      env[PORT_VARIABLE[name]!] = String(port);
      env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}`;
    }
    this.voiceSignalingUrl = await voiceSignalingPort(env);
    this.voiceUrl = env['VOICE_URL']!;
    // Signed storage links on the address the tests (and their browsers) use for the gateway.
    env['FILE_PUBLIC_URL'] = env['GATEWAY_URL'];
    const merged: NodeJS.ProcessEnv = { ...env, BONFIRE_MODE: 'standalone', BONFIRE_DATA_DIR: this.dataDir };
    for (const serviceEnv of Object.values(this.options.serviceEnv ?? {})) Object.assign(merged, serviceEnv);
    const platform = new ServiceProcess(
      'gateway',
      Number(env['GATEWAY_PORT']),
      merged,
      resolve(workspaceRoot, 'tools/standalone/main.mjs'),
      ['--quiet'],
    );
    this.gateways.push(platform);
    await platform.start();
  }

  private async boot(): Promise<void> {
    const suffix = randomBytes(4).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
      // Each stack's gateways (and chat) form their own consumer groups and count their own rate limits,
      // apart from any other running stack (a test that needs shared counters sets the prefix itself).
      REALTIME_CONSUMER_GROUP: `gateway.realtime.e2e-${suffix}`,
      // chat's users projection: this stack's auth database is new, so its users all come after the join
      CHAT_USERS_CONSUMER_GROUP: `chat.users-projection.e2e-${suffix}`,
      CHAT_USERS_CONSUMER_START_FROM: 'latest',
      // chat's audit log of voice moves (voice.member.moderated): this stack's own group too
      CHAT_VOICE_AUDIT_CONSUMER_GROUP: `chat.audit-log-voice.e2e-${suffix}`,
      // chat's notify decision (message.created) and Web Push sender (notification.created): this stack's own
      CHAT_NOTIFICATIONS_CONSUMER_GROUP: `chat.notifications.e2e-${suffix}`,
      CHAT_WEB_PUSH_CONSUMER_GROUP: `chat.web-push.e2e-${suffix}`,
      // chat's link unfurler (message.created/updated): this stack's own group
      CHAT_EMBEDS_CONSUMER_GROUP: `chat.embeds.e2e-${suffix}`,
      // search's indexer and file's chat-events consumer: this stack's own groups, from its start. A shared
      // group would split chat's events between the stacks running at once, and hand a new stack the
      // backlog every stack without search or file left since (a benchmark's first seconds indexed it).
      SEARCH_CONSUMER_GROUP: `search.indexer.e2e-${suffix}`,
      SEARCH_INDEXER_START_FROM: 'latest',
      FILE_CONSUMER_GROUP: `file.chat-events.e2e-${suffix}`,
      FILE_CONSUMER_START_FROM: 'latest',
      RATE_LIMIT_KEY_PREFIX: `ratelimit.e2e-${suffix}`,
      // Gateways' internal listeners (/metrics, detailed readiness) on free ports: stacks run side by side.
      GATEWAY_INTERNAL_PORT: '0',
      ...this.options.env,
    };
    if (this.shape === 'standalone') return this.bootStandalone(env);
    const ports = new Map<string, number>();
    for (const name of this.options.services) ports.set(name, await freePort());
    for (const [name, port] of ports) {
      env[PORT_VARIABLE[name] ?? `${name.toUpperCase()}_PORT`] = String(port);
      env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}`;
    }
    if (ports.has('voice')) {
      // Clients reach the voice node's signaling directly, on its own public port (its join answer names
      // this endpoint); each stack keeps its own voice states, placement and member-events group.
      this.voiceSignalingUrl = await voiceSignalingPort(env);
      this.voiceUrl = env['VOICE_URL']!;
      env['VOICE_KEY_PREFIX'] = `voice-e2e-${suffix}`;
      env['VOICE_CONSUMER_GROUP'] = `voice.members.e2e-${suffix}`;
    }
    for (const name of this.options.services) {
      const variable = DATABASE_VARIABLE[name];
      if (!variable) continue;
      const database = await createTestDatabase(`bonfire_${name}_e2e`);
      this.databases.push(database);
      this.databaseUrls.set(name, database.url);
      env[variable] = database.url;
    }
    for (const name of this.options.services.filter((service) => service !== 'gateway')) {
      const service = new ServiceProcess(name, ports.get(name)!, {
        ...env,
        ...this.options.serviceEnv?.[name],
      });
      this.services.set(name, service);
      await service.start();
    }
    if (this.options.services.includes('gateway')) {
      const gatewayCount = 1 + (this.options.extraGateways ?? 0);
      for (let index = 0; index < gatewayCount; index++) {
        const port = index === 0 ? ports.get('gateway')! : await freePort();
        const gateway = new ServiceProcess(
          gatewayCount > 1 ? `gateway-${index + 1}` : 'gateway',
          port,
          { ...env, ...this.options.serviceEnv?.['gateway'], GATEWAY_PORT: String(port) },
          resolve(workspaceRoot, 'apps/gateway/dist/main.js'),
        );
        this.gateways.push(gateway);
        await gateway.start();
      }
    }
  }
}
