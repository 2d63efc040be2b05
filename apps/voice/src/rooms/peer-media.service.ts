import {
  VOICE_ERROR_CODES,
  type VoiceConsumerOptions,
  type VoiceMediaSource,
  type VoiceTransportOptions,
} from '@bonfire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { types } from 'mediasoup';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { consumerShouldPause, kindOfSource, produceRefusal, producerShouldPause } from './placement-rules';
import { type ConsumerEntry, type Peer, type ProducerEntry, producerInfo, SignalingError } from './room';

/** A send and a receive transport, plus one spare each for a client replacing a failed one. */
const MAX_TRANSPORTS_PER_PEER = 4;

/**
 * What a client sends and receives in its room: its WebRTC transports, its producers (piped to every
 * router of the room) and its consumers, with the pauses its voice state and its own requests ask for.
 * Room membership (joining, leaving, routers, speaking) is RoomsService's.
 */
@Injectable()
export class PeerMediaService {
  constructor(@Inject(VOICE_CONFIG) private readonly config: VoiceConfig) {}

  /** Pauses and resumes the peer's producers and consumers to follow its (new) voice state. */
  async followState(peer: Peer): Promise<void> {
    for (const entry of peer.producers.values()) await this.applyProducerPause(entry);
    for (const entry of peer.consumers.values()) await this.applyConsumerPause(peer, entry);
  }

  // ---------------------------------------------------------------- transports

  async createTransport(peer: Peer, direction: 'send' | 'recv'): Promise<VoiceTransportOptions> {
    // Requests still being served count too: simultaneous requests cannot pass the cap together.
    if (peer.transports.size + peer.pendingTransports >= MAX_TRANSPORTS_PER_PEER) {
      throw new SignalingError(
        VOICE_ERROR_CODES.invalidRequest,
        `at most ${MAX_TRANSPORTS_PER_PEER} transports per client`,
      );
    }
    const listenInfos: types.TransportListenInfo[] = [];
    const address = { ip: this.config.VOICE_RTC_LISTEN_IP, announcedIp: this.config.VOICE_RTC_ANNOUNCED_IP };
    if (this.config.VOICE_RTC_UDP) listenInfos.push({ protocol: 'udp', ...address });
    if (this.config.VOICE_RTC_TCP) listenInfos.push({ protocol: 'tcp', ...address });
    peer.pendingTransports += 1;
    let transport: types.WebRtcTransport;
    try {
      transport = await peer.router.router.createWebRtcTransport({
        listenInfos,
        preferUdp: true,
        appData: { direction },
      });
    } finally {
      peer.pendingTransports -= 1;
    }
    if (peer.closed) {
      transport.close();
      throw new SignalingError(VOICE_ERROR_CODES.notInChannel, 'the session ended');
    }
    peer.transports.set(transport.id, transport);
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') transport.close();
    });
    transport.observer.on('close', () => peer.transports.delete(transport.id));
    return {
      id: transport.id,
      iceParameters: transport.iceParameters as unknown as Record<string, unknown>,
      iceCandidates: transport.iceCandidates as unknown as Record<string, unknown>[],
      dtlsParameters: transport.dtlsParameters as unknown as Record<string, unknown>,
    };
  }

  async connectTransport(
    peer: Peer,
    transportId: string,
    dtlsParameters: Record<string, unknown>,
  ): Promise<void> {
    await this.transport(peer, transportId).connect({
      dtlsParameters: dtlsParameters as unknown as types.DtlsParameters,
    });
  }

  async restartIce(peer: Peer, transportId: string): Promise<Record<string, unknown>> {
    return (await this.transport(peer, transportId).restartIce()) as unknown as Record<string, unknown>;
  }

  // ---------------------------------------------------------------- producers

  async produce(
    peer: Peer,
    request: {
      transportId: string;
      kind: 'audio' | 'video';
      rtpParameters: Record<string, unknown>;
      source: VoiceMediaSource;
    },
  ): Promise<{ producerId: string }> {
    const transport = this.transport(peer, request.transportId, 'send');
    if (kindOfSource(request.source) !== request.kind) {
      throw new SignalingError(
        VOICE_ERROR_CODES.invalidRequest,
        `${request.source} must be ${kindOfSource(request.source)}`,
      );
    }
    const refusal = produceRefusal(request.source, peer.permissions, peer.state);
    if (refusal) throw new SignalingError(VOICE_ERROR_CODES.missingPermission, refusal);
    if ([...peer.producers.values()].some((entry) => entry.source === request.source)) {
      throw new SignalingError(VOICE_ERROR_CODES.invalidRequest, `already producing ${request.source}`);
    }
    const producer = await transport.produce({
      kind: request.kind,
      rtpParameters: request.rtpParameters as unknown as types.RtpParameters,
      appData: { source: request.source },
    });
    const entry: ProducerEntry = { producer, peer, source: request.source, clientPaused: false };
    const room = peer.room;
    if (peer.closed) {
      producer.close();
      throw new SignalingError(VOICE_ERROR_CODES.notInChannel, 'the session ended');
    }
    peer.producers.set(producer.id, entry);
    room.producers.set(producer.id, entry);
    producer.observer.on('close', () => {
      peer.producers.delete(producer.id);
      if (room.producers.get(producer.id) === entry) {
        room.producers.delete(producer.id);
        room.broadcast('producer.closed', { producerId: producer.id });
      }
    });
    await this.applyProducerPause(entry, false);
    await room.exclusive(async () => {
      for (const target of room.routers) {
        if (target !== peer.router && target.slot.alive) {
          await peer.router.router.pipeToRouter({ producerId: producer.id, router: target.router });
        }
      }
    });
    // Only the microphone says who is speaking (a screen share's sound is not the person talking).
    if (request.source === 'microphone' && room.observer && !room.observer.closed) {
      await room.observer.addProducer({ producerId: producer.id }).catch(() => undefined);
    }
    room.broadcast('producer.added', producerInfo(entry), peer);
    return { producerId: producer.id };
  }

  async pauseProducer(peer: Peer, producerId: string): Promise<void> {
    const entry = this.ownProducer(peer, producerId);
    entry.clientPaused = true;
    await this.applyProducerPause(entry);
  }

  async resumeProducer(peer: Peer, producerId: string): Promise<void> {
    const entry = this.ownProducer(peer, producerId);
    if (entry.source === 'microphone' && peer.state.mute) {
      throw new SignalingError(VOICE_ERROR_CODES.missingPermission, 'you are server-muted');
    }
    entry.clientPaused = false;
    await this.applyProducerPause(entry);
  }

  closeProducer(peer: Peer, producerId: string): void {
    this.ownProducer(peer, producerId).producer.close();
  }

  // ---------------------------------------------------------------- consumers

  async consume(peer: Peer, transportId: string, producerId: string): Promise<VoiceConsumerOptions> {
    const transport = this.transport(peer, transportId, 'recv');
    const source = peer.room.producers.get(producerId);
    if (!source) throw new SignalingError(VOICE_ERROR_CODES.unknownProducer, 'no such producer in this room');
    const rtpCapabilities = peer.rtpCapabilities;
    if (!rtpCapabilities)
      throw new SignalingError(
        VOICE_ERROR_CODES.cannotConsume,
        'send `join` with your RTP capabilities first',
      );
    if (!peer.router.router.canConsume({ producerId, rtpCapabilities })) {
      throw new SignalingError(VOICE_ERROR_CODES.cannotConsume, 'your device cannot receive this producer');
    }
    // Consumers cost the worker CPU: a client holds at most VOICE_MAX_CONSUMERS_PER_PEER of them, counting
    // the consume requests still being served (simultaneous requests cannot pass the cap together).
    const cap = this.config.VOICE_MAX_CONSUMERS_PER_PEER;
    if (peer.consumers.size + peer.pendingConsumers >= cap) {
      throw new SignalingError(
        VOICE_ERROR_CODES.tooManyConsumers,
        `at most ${cap} consumers per client: close one (consumer.close) first`,
      );
    }
    peer.pendingConsumers += 1;
    let consumer: types.Consumer;
    try {
      consumer = await transport.consume({ producerId, rtpCapabilities, paused: true });
    } finally {
      peer.pendingConsumers -= 1;
    }
    if (peer.closed) {
      consumer.close();
      throw new SignalingError(VOICE_ERROR_CODES.notInChannel, 'the session ended');
    }
    const entry: ConsumerEntry = { consumer, producerId, clientPaused: true };
    const router = peer.router;
    const slot = router.slot;
    peer.consumers.set(consumer.id, entry);
    router.consumers += 1;
    slot.consumers += 1;
    consumer.observer.on('close', () => {
      peer.consumers.delete(consumer.id);
      router.consumers -= 1;
      if (slot.alive) slot.consumers = Math.max(0, slot.consumers - 1);
    });
    consumer.on('producerclose', () => {
      if (!peer.closed) peer.sink.send('consumer.closed', { consumerId: consumer.id });
    });
    return {
      consumerId: consumer.id,
      producerId,
      userId: source.peer.userId,
      kind: consumer.kind,
      source: source.source,
      rtpParameters: consumer.rtpParameters as unknown as Record<string, unknown>,
      paused: true,
    };
  }

  async pauseConsumer(peer: Peer, consumerId: string): Promise<void> {
    const entry = this.ownConsumer(peer, consumerId);
    entry.clientPaused = true;
    await this.applyConsumerPause(peer, entry);
  }

  async resumeConsumer(peer: Peer, consumerId: string): Promise<void> {
    const entry = this.ownConsumer(peer, consumerId);
    entry.clientPaused = false;
    await this.applyConsumerPause(peer, entry);
  }

  closeConsumer(peer: Peer, consumerId: string): void {
    this.ownConsumer(peer, consumerId).consumer.close();
  }

  // ---------------------------------------------------------------- internals

  private transport(peer: Peer, transportId: string, direction?: 'send' | 'recv'): types.WebRtcTransport {
    const transport = typeof transportId === 'string' ? peer.transports.get(transportId) : undefined;
    if (!transport) throw new SignalingError(VOICE_ERROR_CODES.unknownTransport, 'no such transport');
    if (direction && (transport.appData as { direction?: string }).direction !== direction) {
      throw new SignalingError(VOICE_ERROR_CODES.invalidRequest, `not a ${direction} transport`);
    }
    return transport;
  }

  private ownProducer(peer: Peer, producerId: string): ProducerEntry {
    const entry = peer.producers.get(producerId);
    if (!entry) throw new SignalingError(VOICE_ERROR_CODES.unknownProducer, 'no such producer of yours');
    return entry;
  }

  private ownConsumer(peer: Peer, consumerId: string): ConsumerEntry {
    const entry = peer.consumers.get(consumerId);
    if (!entry) throw new SignalingError(VOICE_ERROR_CODES.unknownConsumer, 'no such consumer of yours');
    return entry;
  }

  private async applyProducerPause(entry: ProducerEntry, announce = true): Promise<void> {
    const { producer, peer } = entry;
    const pause = producerShouldPause(entry.source, entry.clientPaused, peer.state);
    if (pause === producer.paused || producer.closed) return;
    if (pause) await producer.pause();
    else await producer.resume();
    if (!announce) return;
    const event = pause ? 'producer.paused' : 'producer.resumed';
    peer.room.broadcast(event, { producerId: producer.id });
  }

  private async applyConsumerPause(peer: Peer, entry: ConsumerEntry): Promise<void> {
    const { consumer } = entry;
    const pause = consumerShouldPause(consumer.kind, entry.clientPaused, peer.state);
    if (pause === consumer.paused || consumer.closed) return;
    if (pause) await consumer.pause();
    else await consumer.resume();
  }
}
