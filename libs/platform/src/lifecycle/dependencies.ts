import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The servers a service cannot start without (in the distributed shape). */
export type BootDependency = 'postgres' | 'redis' | 'kafka' | 'elasticsearch';

/** A server a service needs at boot did not answer: runMain logs one fatal line and exits with EXIT_CODE. */
export class DependencyUnavailableError extends Error {
  /** sysexits' EX_UNAVAILABLE: tells "a server it needs is down" apart from a config error (1). */
  static readonly EXIT_CODE = 69;

  constructor(
    readonly dependency: BootDependency,
    readonly variable: string,
    readonly address: string,
    readonly reason: string,
    readonly waitedMs: number,
  ) {
    super(
      `cannot reach ${dependency} at ${address} (${variable}): ${reason} (tried for ${(waitedMs / 1000).toFixed(1)} s)`,
    );
    this.name = 'DependencyUnavailableError';
  }
}

interface Target {
  dependency: BootDependency;
  variable: string;
  /** host:port pairs; reachable when any one accepts a connection (Kafka: any seed broker). */
  addresses: { host: string; port: number }[];
}

const DEFAULT_PORTS: Record<string, number> = {
  postgres: 5432,
  postgresql: 5432,
  redis: 6379,
  rediss: 6379,
  http: 80,
  https: 443,
};

/**
 * The Postgres, Redis, Kafka and Elasticsearch servers a service's config names (`*_DATABASE_URL`,
 * `REDIS_URL`, `KAFKA_BROKERS`, `ELASTICSEARCH_URL`; a service's config holds only its own variables).
 * Nothing in the standalone shape. S3 is not waited for: the file service boots without it and stays
 * not-ready (/health/ready names it) until it answers.
 */
export function bootDependencies(config: Record<string, unknown>): Target[] {
  if (config['BONFIRE_MODE'] === 'standalone') return [];
  const targets: Target[] = [];
  for (const [variable, value] of Object.entries(config)) {
    if (variable.endsWith('_DATABASE_URL') && typeof value === 'string') {
      const address = urlAddress(value);
      if (address) targets.push({ dependency: 'postgres', variable, addresses: [address] });
    } else if (variable === 'REDIS_URL' && typeof value === 'string') {
      const address = urlAddress(value);
      if (address) targets.push({ dependency: 'redis', variable, addresses: [address] });
    } else if (variable === 'ELASTICSEARCH_URL' && typeof value === 'string') {
      const address = urlAddress(value);
      if (address) targets.push({ dependency: 'elasticsearch', variable, addresses: [address] });
    } else if (variable === 'KAFKA_BROKERS' && Array.isArray(value)) {
      const addresses = value.flatMap((broker: unknown) => {
        const match = typeof broker === 'string' ? /^\[?([^\]]+?)\]?:(\d+)$/.exec(broker.trim()) : null;
        return match ? [{ host: match[1]!, port: Number(match[2]) }] : [];
      });
      if (addresses.length) targets.push({ dependency: 'kafka', variable, addresses });
    }
  }
  return targets;
}

function urlAddress(value: string): { host: string; port: number } | undefined {
  try {
    const url = new URL(value);
    const protocol = url.protocol.replace(/:$/, '');
    // A Postgres URL without a host uses a unix socket: nothing to probe over TCP.
    if (!url.hostname) return undefined;
    return {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port) || DEFAULT_PORTS[protocol] || 0,
    };
  } catch {
    return undefined;
  }
}

function probe(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (reason?: string) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done());
    socket.once('error', (error: NodeJS.ErrnoException) => done(`connect ${error.code ?? error.message}`));
  });
}

/**
 * Waits (up to `waitMs`, default 5 s) until every server bootDependencies finds in the config accepts
 * TCP connections, then returns; otherwise throws DependencyUnavailableError for the first one that did
 * not, which runMain turns into one fatal log line and exit code 69 — instead of a client library's stack
 * trace (or, for Kafka, an unhandled rejection half a minute later). The orchestrator restarts the service.
 */
export async function ensureDependencies(
  config: Record<string, unknown>,
  options: { waitMs?: number; attemptTimeoutMs?: number } = {},
): Promise<void> {
  const waitMs = options.waitMs ?? 5_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 2_000;
  const started = Date.now();
  for (const target of bootDependencies(config)) {
    for (;;) {
      const reasons = await Promise.all(
        target.addresses.map(({ host, port }) => probe(host, port, attemptTimeoutMs)),
      );
      if (reasons.some((reason) => reason === undefined)) break;
      const waited = Date.now() - started;
      if (waited >= waitMs) {
        throw new DependencyUnavailableError(
          target.dependency,
          target.variable,
          target.addresses
            .map(({ host, port }) => `${host.includes(':') ? `[${host}]` : host}:${port}`)
            .join(','),
          reasons[0] ?? 'unreachable',
          waited,
        );
      }
      await sleep(Math.min(500, waitMs - waited));
    }
  }
}
