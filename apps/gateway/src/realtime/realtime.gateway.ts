import { REALTIME_PATH, type RealtimeAck, type RealtimeClientEvents } from '@bonfire/contracts';
import { UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { ClientEventPipe } from './client-event.pipe';
import { RealtimeExceptionFilter } from './realtime-exception.filter';
import type { RealtimeSocket } from './realtime-session';
import { ConnectionService } from './connection.service';
import { RealtimeServer } from './realtime.server';
import { TypingService } from './typing.service';

/**
 * The realtime edge on Nest's socket.io platform, at REALTIME_PATH on the gateway's HTTP server (the
 * configured options and the peers' adapter come from RealtimeIoAdapter). Thin: each client event's payload
 * is validated by its pipe, refusals and failures become the failure ack in RealtimeExceptionFilter, and
 * the work is the providers' (RealtimeServer wires the server to them).
 */
@WebSocketGateway({
  path: REALTIME_PATH,
  transports: ['websocket', 'polling'],
  maxHttpBufferSize: 64 * 1024,
  serveClient: false,
})
@UseFilters(RealtimeExceptionFilter)
export class RealtimeGateway implements OnGatewayInit<Server>, OnGatewayConnection<RealtimeSocket> {
  constructor(
    private readonly realtime: RealtimeServer,
    private readonly connections: ConnectionService,
    private readonly typingService: TypingService,
  ) {}

  afterInit(io: Server): void {
    this.realtime.attachServer(io);
  }

  handleConnection(socket: RealtimeSocket): void {
    this.connections.onConnection(socket);
  }

  @SubscribeMessage('presence.idle')
  idle(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody(new ClientEventPipe('presence.idle')) { idle }: RealtimeClientEvents['presence.idle'],
  ): RealtimeAck {
    return this.connections.setIdle(socket, idle);
  }

  @SubscribeMessage('auth.refresh')
  refresh(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody(new ClientEventPipe('auth.refresh')) { token }: RealtimeClientEvents['auth.refresh'],
  ): Promise<RealtimeAck> {
    return this.connections.refreshToken(socket, token);
  }

  @SubscribeMessage('typing.start')
  typing(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody(new ClientEventPipe('typing.start')) { channelId }: RealtimeClientEvents['typing.start'],
  ): Promise<RealtimeAck> {
    return this.typingService.start(socket, channelId);
  }
}
