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

  /**
   * `listener` runs each time the link to the other gateways comes back after it was lost: what they sent
   * meanwhile (packets of the events they consumed) never arrived here, so this gateway's sessions have gaps.
   */
  onLinkRestored(listener: () => void): void {
    this.restoredListeners.push(listener);
  }

  protected readonly restoredListeners: (() => void)[] = [];
}

/**
 * Calls `restored` whenever `client` is ready again after it had been ready and lost its connection
 * (ioredis: `ready` follows every reconnect; a subscriber is re-subscribed by then).
 */
export function watchReconnects(
  client: { on(event: 'ready' | 'close', listener: () => void): unknown },
  restored: () => void,
): void {
  let wasReady = false;
  let lost = false;
  client.on('ready', () => {
    if (wasReady && lost) restored();
    wasReady = true;
    lost = false;
  });
  client.on('close', () => {
    if (wasReady) lost = true;
  });
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
    // The adapter publishes without handling a failure: a publish given up after the shared client's
    // maxRetriesPerRequest while Redis is down rejected unhandled and crashed the gateway. Unlimited
    // retries keep it queued until Redis is back (what it carried meanwhile is lost to the subscribers
    // anyway: see watchReconnects).
    this.pub = this.redis.duplicate({ connectionName: 'gateway-realtime-pub', maxRetriesPerRequest: null });
    this.sub = this.redis.duplicate({ connectionName: 'gateway-realtime-sub' });
    for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
    // Redis pub/sub keeps nothing for a subscriber that is away: after the subscriber's connection comes
    // back, the packets the other gateways sent meanwhile are lost for this gateway's sessions.
    watchReconnects(this.sub, () => {
      for (const listener of this.restoredListeners) listener();
    });
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
