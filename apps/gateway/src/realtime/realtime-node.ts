import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { GatewayPeers } from './gateway-peers';
import type { RealtimeSocket } from './realtime-session';

/** Events between gateways (GatewayPeers: the Redis adapter's serverSideEmit). */
export const PEER_EVENTS = { packet: 'realtime:packet', sessionTaken: 'realtime:session-taken' } as const;

/**
 * This gateway as the realtime providers share it: its id (`<id>/<socketId>` names a connection across
 * gateways), the socket.io server RealtimeGateway was given, whether it is draining, and the events it
 * sends to the other gateways.
 */
@Injectable()
export class RealtimeNode {
  readonly id = randomUUID();
  server?: Server;
  /** Set by RealtimeServer.drain(): handshakes are refused, the consumer is not restarted. */
  draining = false;

  constructor(private readonly peers: GatewayPeers) {}

  /**
   * The sockets connected to this gateway, live: no copy (timers walk them every second). A caller that
   * disconnects sockets while it walks takes a copy first.
   */
  sockets(): Iterable<RealtimeSocket> {
    return (this.server?.of('/').sockets.values() ?? []) as Iterable<RealtimeSocket>;
  }

  /** Sends an event to every other gateway. */
  toPeers(event: string, ...args: unknown[]): void {
    if (this.server) this.peers.broadcast(this.server, event, ...args);
  }
}
