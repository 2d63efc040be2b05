import { refuseOtherSocketIoMethods } from '@bonfire/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { filter, type Observable } from 'rxjs';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { SignalingListener } from './signaling-listener';
import { refuseSignaling } from './signaling-unavailable';

/**
 * The voice app's socket.io platform (registered in bootstrap.ts): the server SignalingGateway declares is
 * created on the public signaling listener (VOICE_SIGNALING_PORT), never on VOICE_PORT, with the 405 guard
 * for HTTP methods engine.io does not take on the path. A node without media (`unavailable`: no mediasoup
 * worker binary) attaches nothing: its signaling path answers 503 VOICE_UNAVAILABLE (signaling-unavailable.ts)
 * and the gateway gets a server no client can reach.
 *
 * Message handlers get the event's first argument as payload (none when the acknowledgement is the only
 * one) and its last as the acknowledgement; an event sent without one is ignored. The server is closed by
 * SignalingServer at the end of its shutdown (after the drain, before the listener), not by Nest.
 */
export class SignalingIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly listener: SignalingListener,
    private readonly unavailable: string | null,
  ) {
    super(app);
  }

  override createIOServer(_port: number, options?: Partial<ServerOptions>): Server {
    const httpServer = this.listener.server;
    if (this.unavailable) {
      refuseSignaling(httpServer, this.unavailable);
      return new Server(options);
    }
    const server = new Server(httpServer, options);
    if (options?.path) refuseOtherSocketIoMethods(httpServer, options.path);
    return server;
  }

  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack !== 'function') return;
        const data = args.length > 1 ? args[0] : undefined;
        transform(callback(data, ack))
          .pipe(filter((response) => response !== undefined && response !== null))
          .subscribe((response) => {
            if (!isAckHandledManually) (ack as (response: unknown) => void)(response);
          });
      });
    }
  }

  override async close(): Promise<void> {}
}
