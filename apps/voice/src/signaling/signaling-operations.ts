import type { VoiceClientEvent, VoiceClientEvents } from '@bonfire/contracts';
import { ServiceLogger } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { PeerMediaService } from '../rooms/peer-media.service';
import type { Peer } from '../rooms/room';
import { RoomsService } from '../rooms/rooms.service';
import { VoiceStatesService } from '../voice-states/voice-states.service';

/**
 * What each signaling client event does to the client's peer, its request already validated
 * (SignalingGateway's pipes) and its session checked (SignalingServer.serve): joins, transports,
 * producers and consumers, with the voice state's camera/screen flags kept in step.
 */
@Injectable()
export class SignalingOperations {
  private readonly logger;

  constructor(
    private readonly rooms: RoomsService,
    private readonly media: PeerMediaService,
    private readonly states: VoiceStatesService,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('signaling');
  }

  run<E extends VoiceClientEvent>(
    event: E,
    peer: Peer,
    request: VoiceClientEvents[E]['request'],
  ): Promise<VoiceClientEvents[E]['result']> {
    const operation = this.operations[event] as (
      peer: Peer,
      request: VoiceClientEvents[E]['request'],
    ) => Promise<VoiceClientEvents[E]['result']>;
    return operation(peer, request);
  }

  /** What each client event does to the client's peer (its request already validated). */
  private readonly operations: {
    [E in VoiceClientEvent]: (
      peer: Peer,
      request: VoiceClientEvents[E]['request'],
    ) => Promise<VoiceClientEvents[E]['result']>;
  } = {
    join: async (peer, request) => {
      this.rooms.join(peer, request.rtpCapabilities);
      return {};
    },
    'transport.create': (peer, request) => this.media.createTransport(peer, request.direction),
    'transport.connect': async (peer, request) => {
      await this.media.connectTransport(peer, request.transportId, request.dtlsParameters);
      return {};
    },
    'transport.restartIce': async (peer, request) => ({
      iceParameters: await this.media.restartIce(peer, request.transportId),
    }),
    produce: async (peer, request) => {
      const result = await this.media.produce(peer, request);
      this.reportMedia(peer);
      return result;
    },
    'producer.pause': async (peer, request) => {
      await this.media.pauseProducer(peer, request.producerId);
      return {};
    },
    'producer.resume': async (peer, request) => {
      await this.media.resumeProducer(peer, request.producerId);
      return {};
    },
    'producer.close': async (peer, request) => {
      this.media.closeProducer(peer, request.producerId);
      this.reportMedia(peer);
      return {};
    },
    consume: (peer, request) => this.media.consume(peer, request.transportId, request.producerId),
    'consumer.pause': async (peer, request) => {
      await this.media.pauseConsumer(peer, request.consumerId);
      return {};
    },
    'consumer.resume': async (peer, request) => {
      await this.media.resumeConsumer(peer, request.consumerId);
      return {};
    },
    'consumer.close': async (peer, request) => {
      this.media.closeConsumer(peer, request.consumerId);
      return {};
    },
  };

  /** Keeps the state's camera/screen flags in step with the client's producers. */
  reportMedia(peer: Peer): void {
    const sources = new Set([...peer.producers.values()].map((entry) => entry.source));
    void this.states
      .mediaChanged(peer.userId, peer.sessionId, {
        selfVideo: sources.has('camera'),
        selfStream: sources.has('screen'),
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not update the media flags'));
  }
}
