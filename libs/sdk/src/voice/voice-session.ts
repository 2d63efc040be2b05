import type {
  VoiceAck,
  VoiceClientEvent,
  VoiceClientEvents,
  VoiceMediaSource,
  VoiceProducerInfo,
  VoiceWelcome,
} from '@bonfire/contracts';
import { produceOptions } from './media-encodings';
import type {
  ConsumerLike,
  DeviceLike,
  MediaTrackLike,
  ProducerLike,
  TransportLike,
  VoiceSignaling,
} from './ports';
import type { VoiceEvents, VoiceTrackEvent } from './voice-client-types';
import { VoiceRequestError } from './voice-request-error';

/** What a session reads from and reports to the VoiceClient that owns it. */
export interface VoiceSessionHost {
  /** The signed-in user (their own producers are never consumed). */
  userId(): string;
  simulcast(): boolean;
  selfDeaf(): boolean;
  timeoutMs(): number;
  /** The session is still the client's current one (not left, not replaced by a rejoin). */
  isCurrent(session: VoiceSession): boolean;
  trackOf(source: VoiceMediaSource): MediaTrackLike | null;
  forget(source: VoiceMediaSource): void;
  emit<K extends keyof VoiceEvents>(event: K, ...args: VoiceEvents[K]): void;
  onTransportFailed(channelId: string): void;
}

/**
 * One connection to a voice node: requests over its signaling, and the mediasoup side (device, one send
 * and one receive transport, our producers by source, a consumer for every other producer).
 */
export class VoiceSession {
  device: DeviceLike | null = null;
  send: TransportLike | null = null;
  recv: TransportLike | null = null;
  /** Our producers by source (microphone, camera, screen, screen-audio). */
  readonly producers = new Map<VoiceMediaSource, ProducerLike>();
  readonly consumers = new Map<string, { consumer: ConsumerLike; info: VoiceProducerInfo }>();
  /** Producers being consumed right now (consume is async; `producer.closed` may arrive meanwhile). */
  private readonly pending = new Set<string>();
  /** Producers announced (`producer.added`) before the receive transport existed: consumed once it does. */
  readonly early = new Map<string, VoiceProducerInfo>();
  readonly closedProducers = new Set<string>();
  ended = false;

  constructor(
    public channelId: string,
    readonly signaling: VoiceSignaling,
    private readonly host: VoiceSessionHost,
  ) {}

  /** device.load → join → the send and receive transports. */
  async connectTransports(device: DeviceLike, welcome: VoiceWelcome): Promise<void> {
    await device.load({ routerRtpCapabilities: welcome.routerRtpCapabilities });
    this.device = device;
    this.channelId = welcome.channelId;
    await this.request('join', { rtpCapabilities: device.rtpCapabilities });
    this.send = this.wireTransport(
      device.createSendTransport(await this.request('transport.create', { direction: 'send' })),
    );
    this.recv = this.wireTransport(
      device.createRecvTransport(await this.request('transport.create', { direction: 'recv' })),
    );
  }

  private wireTransport(transport: TransportLike): TransportLike {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.request('transport.connect', { transportId: transport.id, dtlsParameters }).then(
        () => callback(),
        errback,
      );
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = (appData['source'] as VoiceMediaSource | undefined) ?? 'microphone';
      this.request('produce', { transportId: transport.id, kind, rtpParameters, source }).then(
        ({ producerId }) => callback({ id: producerId }),
        errback,
      );
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' && !this.ended && this.host.isCurrent(this)) {
        this.host.onTransportFailed(this.channelId);
      }
    });
    return transport;
  }

  /** Produces `source`'s current track (once per source); rejects with the server's refusal. */
  async produceSource(source: VoiceMediaSource): Promise<void> {
    const track = this.host.trackOf(source);
    if (!this.send || !track || this.producers.has(source)) return;
    const simulcast = source === 'camera' && this.host.simulcast();
    let producer: ProducerLike;
    try {
      producer = await this.send.produce(produceOptions(this.device, source, track, simulcast));
    } catch (error) {
      // The browser would not set up simulcast layers (not a refusal by the server): one layer then.
      if (!simulcast || error instanceof VoiceRequestError || this.ended) throw error;
      producer = await this.send.produce(produceOptions(this.device, source, track, false));
    }
    if (this.ended || !this.host.isCurrent(this) || this.host.trackOf(source) !== track) {
      // Left, or the track was changed or stopped while the producer was being set up.
      producer.close();
      if (!this.ended) {
        await this.request('producer.close', { producerId: producer.id }).catch(() => undefined);
      }
      return;
    }
    this.producers.set(source, producer);
  }

  /** Stops sending `source` (client side and on the server). */
  async closeProducer(source: VoiceMediaSource): Promise<void> {
    const producer = this.producers.get(source);
    if (!producer) return;
    this.producers.delete(source);
    producer.close();
    await this.request('producer.close', { producerId: producer.id }).catch((error: unknown) => {
      // Already gone on the server (closed there first): nothing left to close.
      if (!(error instanceof VoiceRequestError && error.code === 'UNKNOWN_PRODUCER')) throw error;
    });
  }

  async consume(info: VoiceProducerInfo): Promise<void> {
    if (info.userId === this.host.userId()) return;
    if (!this.recv) {
      this.early.set(info.producerId, info);
      return;
    }
    if (this.consumers.has(info.producerId) || this.pending.has(info.producerId)) return;
    this.pending.add(info.producerId);
    try {
      const options = await this.request('consume', {
        transportId: this.recv.id,
        producerId: info.producerId,
      });
      const consumer = await this.recv.consume({
        id: options.consumerId,
        producerId: options.producerId,
        kind: options.kind,
        rtpParameters: options.rtpParameters,
        appData: { userId: options.userId, source: options.source },
      });
      if (this.ended || this.closedProducers.has(info.producerId)) {
        consumer.close();
        return;
      }
      this.consumers.set(info.producerId, { consumer, info });
      // Deafened: no sound, but video still plays.
      if (!this.host.selfDeaf() || info.kind !== 'audio') await this.resumeConsumer(consumer);
      this.host.emit('track.added', {
        userId: info.userId,
        track: consumer.track,
        source: info.source,
        kind: info.kind,
        producerId: info.producerId,
      });
    } catch (error) {
      if (this.ended) return;
      const code = error instanceof VoiceRequestError ? error.code : 'CONSUME_FAILED';
      this.host.emit('error', { code, message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.pending.delete(info.producerId);
    }
  }

  /** Tracks being received, by producer id. */
  receivedTracks(): VoiceTrackEvent[] {
    return [...this.consumers.values()].map(({ consumer, info }) => ({
      userId: info.userId,
      track: consumer.track,
      source: info.source,
      kind: info.kind,
      producerId: info.producerId,
    }));
  }

  /** Pauses or resumes every audio consumer (deafen); video keeps playing. */
  async setSoundPaused(paused: boolean): Promise<void> {
    await Promise.all(
      [...this.consumers.values()]
        .filter(({ info }) => info.kind === 'audio')
        .map(({ consumer }) => (paused ? this.pauseConsumer(consumer) : this.resumeConsumer(consumer))),
    );
  }

  private async resumeConsumer(consumer: ConsumerLike): Promise<void> {
    await this.request('consumer.resume', { consumerId: consumer.id });
    consumer.resume();
  }

  private async pauseConsumer(consumer: ConsumerLike): Promise<void> {
    consumer.pause();
    await this.request('consumer.pause', { consumerId: consumer.id });
  }

  removeProducer(producerId: string): void {
    for (const [source, producer] of this.producers) {
      if (producer.id !== producerId) continue;
      // One of ours, closed by the server (e.g. STREAM lost): stop sending it.
      this.producers.delete(source);
      producer.close();
      if (source !== 'microphone') {
        this.host.forget(source);
        this.host.emit('media.stopped', { source });
      }
      return;
    }
    this.closedProducers.add(producerId);
    this.early.delete(producerId);
    const entry = this.consumers.get(producerId);
    if (!entry) return;
    this.consumers.delete(producerId);
    entry.consumer.close();
    this.host.emit('track.removed', { userId: entry.info.userId, producerId, source: entry.info.source });
  }

  removeConsumer(consumerId: string): void {
    for (const [producerId, entry] of this.consumers) {
      if (entry.consumer.id === consumerId) this.removeProducer(producerId);
    }
  }

  /** Stops receiving everything from `userId` (they left). */
  removeConsumersOf(userId: string): void {
    for (const [producerId, entry] of this.consumers) {
      if (entry.info.userId === userId) this.removeProducer(producerId);
    }
  }

  closeMedia(): void {
    for (const { consumer, info } of this.consumers.values()) {
      consumer.close();
      this.host.emit('track.removed', {
        userId: info.userId,
        producerId: info.producerId,
        source: info.source,
      });
    }
    this.consumers.clear();
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
    this.send?.close();
    this.recv?.close();
    this.send = null;
    this.recv = null;
  }

  waitForWelcome(): Promise<VoiceWelcome> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new VoiceRequestError('TIMEOUT', 'The voice server did not welcome us in time.')),
        this.host.timeoutMs(),
      );
      this.signaling.on('welcome', (welcome) => {
        clearTimeout(timer);
        resolve(welcome);
      });
      this.signaling.on('connect_error', (error) => {
        clearTimeout(timer);
        reject(new VoiceRequestError(error.message || 'CONNECT_ERROR', 'The voice signaling refused us.'));
      });
    });
  }

  request<E extends VoiceClientEvent>(
    event: E,
    payload: VoiceClientEvents[E]['request'],
  ): Promise<VoiceClientEvents[E]['result']> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new VoiceRequestError('TIMEOUT', `No answer to ${event}.`)),
        this.host.timeoutMs(),
      );
      this.signaling.emit(event, payload, (answer: VoiceAck<VoiceClientEvents[E]['result']>) => {
        clearTimeout(timer);
        if (answer?.ok) resolve(answer.data);
        else
          reject(
            new VoiceRequestError(answer?.code ?? 'INVALID_REQUEST', answer?.message ?? `${event} refused`),
          );
      });
    });
  }
}
