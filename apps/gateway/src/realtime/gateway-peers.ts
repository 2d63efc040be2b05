import type { Redis } from '@bonfire/platform';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';

/**
 * The other gateways of the deployment, as the realtime edge sees them: the socket.io adapter that
 * links the servers, and events sent to all the others (received there as `io.on(event, …)`).
 */
export abstract class GatewayPeers {
  /** The socket.io adapter shared with the other gateways (undefined: socket.io's own, in memory). */
  abstract adapter(): ServerOptions['adapter'] | undefined;

  /** Whether a client sent away can resume on another gateway (so a draining one keeps buffering). */
  abstract readonly canHandOver: boolean;

  /** Sends an event to every other gateway (not to this one). */
  abstract broadcast(io: Server, event: string, ...args: unknown[]): void;

  /** Throws while the link to the other gateways is down (readiness). */
  abstract check(): Promise<void>;

  abstract close(): Promise<void>;
}

/** Gateways linked through Redis pub/sub (the socket.io Redis adapter and its serverSideEmit). */
export class RedisGatewayPeers extends GatewayPeers {
  readonly canHandOver = true;
  private pub?: Redis;
  private sub?: Redis;

  constructor(private readonly redis: Redis) {
    super();
  }

  adapter(): ServerOptions['adapter'] {
    this.pub = this.redis.duplicate({ connectionName: 'gateway-realtime-pub' });
    this.sub = this.redis.duplicate({ connectionName: 'gateway-realtime-sub' });
    for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
    return createAdapter(this.pub, this.sub, { key: 'bonfire.realtime', requestsTimeout: 5_000 });
  }

  broadcast(io: Server, event: string, ...args: unknown[]): void {
    io.serverSideEmit(event, ...args);
  }

  async check(): Promise<void> {
    if (this.pub?.status !== 'ready' || this.sub?.status !== 'ready') {
      throw new Error('Redis adapter connections are not ready');
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((client) => client?.quit().catch(() => client.disconnect())));
  }
}

/** The only gateway of the process (standalone shape): there is nobody to tell. */
export class NoGatewayPeers extends GatewayPeers {
  readonly canHandOver = false;

  adapter(): undefined {
    return undefined;
  }

  broadcast(): void {}

  async check(): Promise<void> {}

  async close(): Promise<void> {}
}
