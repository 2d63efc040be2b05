import { refuseOtherSocketIoMethods } from '@bonfire/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { filter, type Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { GatewayConfig } from '../config';
import type { GatewayPeers } from './gateway-peers';

/**
 * The gateway app's socket.io platform (registered in bootstrap.ts, so both shapes use it): the server
 * options that come from the configuration (ping, CORS) and the adapter shared with the other gateways
 * (GatewayPeers: Redis in the distributed shape), on the gateway's own HTTP server; the 405 guard for
 * HTTP methods engine.io does not take on the path.
 *
 * Message handlers get the event's first argument as payload and its last, if a function, as the
 * acknowledgement — however many arguments a client sends (Nest's own mapping turns several into an
 * array). The server is closed by RealtimeServer at the end of its shutdown (after the drain, the
 * consumer and the packet queue), not by Nest before it.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: GatewayConfig,
    private readonly peers: GatewayPeers,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server = super.createIOServer(port, {
      ...options,
      pingInterval: this.config.REALTIME_PING_INTERVAL_MS,
      pingTimeout: this.config.REALTIME_PING_TIMEOUT_MS,
      perMessageDeflate: this.config.REALTIME_PERMESSAGE_DEFLATE
        ? { threshold: this.config.REALTIME_PERMESSAGE_DEFLATE_THRESHOLD }
        : false,
      cors: {
        origin: this.config.CORS_ORIGINS.length > 0 ? this.config.CORS_ORIGINS : false,
        credentials: true,
      },
      adapter: this.peers.adapter(),
    }) as Server;
    if (this.httpServer && port === 0 && options?.path)
      refuseOtherSocketIoMethods(this.httpServer, options.path);
    return server;
  }

  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const last = args.at(-1);
        const ack = typeof last === 'function' ? (last as (response: unknown) => void) : undefined;
        const data = typeof args[0] === 'function' ? undefined : args[0];
        transform(callback(data, ack))
          .pipe(filter((response) => response !== undefined && response !== null))
          .subscribe((response) => {
            if (!isAckHandledManually) ack?.(response);
          });
      });
    }
  }

  override async close(): Promise<void> {}
}
