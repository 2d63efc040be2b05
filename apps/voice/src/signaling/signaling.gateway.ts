import {
  VOICE_SIGNALING_NAMESPACE,
  VOICE_SIGNALING_PATH,
  type VoiceAck,
  type VoiceClientEvents,
} from '@bonfire/contracts';
import { UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { VOICE_LIMITS } from '../config';
import { SignalingEventPipe } from './signaling-event.pipe';
import { SignalingExceptionFilter } from './signaling-exception.filter';
import { SignalingServer, type VoiceSocket } from './signaling.server';

/**
 * Voice signaling on Nest's socket.io platform: path VOICE_SIGNALING_PATH, namespace
 * VOICE_SIGNALING_NAMESPACE, on the public signaling listener (SignalingIoAdapter creates the server there,
 * or refuses the path 503 on a node without media). Thin: each client event's payload is validated by its
 * pipe, refusals and failures become the failure ack in SignalingExceptionFilter, and the work is
 * SignalingServer's (handshake auth, sessions, rooms, shutdown).
 */
@WebSocketGateway({
  path: VOICE_SIGNALING_PATH,
  namespace: VOICE_SIGNALING_NAMESPACE,
  transports: ['websocket', 'polling'],
  serveClient: false,
  maxHttpBufferSize: VOICE_LIMITS.signalingMessageBytes,
  // No cookies are involved (the voice token travels in the handshake), so any web origin may connect.
  cors: { origin: true, credentials: false },
})
@UseFilters(SignalingExceptionFilter)
export class SignalingGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<VoiceSocket> {
  constructor(private readonly signaling: SignalingServer) {}

  afterInit(namespace: Namespace): void {
    this.signaling.attachServer(namespace);
  }

  handleConnection(socket: VoiceSocket): void {
    this.signaling.onConnection(socket);
  }

  @SubscribeMessage('join')
  join(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('join')) request: VoiceClientEvents['join']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['join']['result']>> {
    return this.signaling.serve(socket, 'join', request);
  }

  @SubscribeMessage('transport.create')
  transportCreate(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('transport.create'))
    request: VoiceClientEvents['transport.create']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['transport.create']['result']>> {
    return this.signaling.serve(socket, 'transport.create', request);
  }

  @SubscribeMessage('transport.connect')
  transportConnect(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('transport.connect'))
    request: VoiceClientEvents['transport.connect']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['transport.connect']['result']>> {
    return this.signaling.serve(socket, 'transport.connect', request);
  }

  @SubscribeMessage('transport.restartIce')
  transportRestartIce(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('transport.restartIce'))
    request: VoiceClientEvents['transport.restartIce']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['transport.restartIce']['result']>> {
    return this.signaling.serve(socket, 'transport.restartIce', request);
  }

  @SubscribeMessage('produce')
  produce(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('produce')) request: VoiceClientEvents['produce']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['produce']['result']>> {
    return this.signaling.serve(socket, 'produce', request);
  }

  @SubscribeMessage('producer.pause')
  producerPause(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('producer.pause'))
    request: VoiceClientEvents['producer.pause']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['producer.pause']['result']>> {
    return this.signaling.serve(socket, 'producer.pause', request);
  }

  @SubscribeMessage('producer.resume')
  producerResume(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('producer.resume'))
    request: VoiceClientEvents['producer.resume']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['producer.resume']['result']>> {
    return this.signaling.serve(socket, 'producer.resume', request);
  }

  @SubscribeMessage('producer.close')
  producerClose(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('producer.close'))
    request: VoiceClientEvents['producer.close']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['producer.close']['result']>> {
    return this.signaling.serve(socket, 'producer.close', request);
  }

  @SubscribeMessage('consume')
  consume(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('consume')) request: VoiceClientEvents['consume']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['consume']['result']>> {
    return this.signaling.serve(socket, 'consume', request);
  }

  @SubscribeMessage('consumer.pause')
  consumerPause(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('consumer.pause'))
    request: VoiceClientEvents['consumer.pause']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['consumer.pause']['result']>> {
    return this.signaling.serve(socket, 'consumer.pause', request);
  }

  @SubscribeMessage('consumer.resume')
  consumerResume(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('consumer.resume'))
    request: VoiceClientEvents['consumer.resume']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['consumer.resume']['result']>> {
    return this.signaling.serve(socket, 'consumer.resume', request);
  }

  @SubscribeMessage('consumer.close')
  consumerClose(
    @ConnectedSocket() socket: VoiceSocket,
    @MessageBody(new SignalingEventPipe('consumer.close'))
    request: VoiceClientEvents['consumer.close']['request'],
  ): Promise<VoiceAck<VoiceClientEvents['consumer.close']['result']>> {
    return this.signaling.serve(socket, 'consumer.close', request);
  }
}
