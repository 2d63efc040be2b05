import type {
  VoiceAck,
  VoiceClientEvent,
  VoiceClientEvents,
  VoiceJoinResponse,
  VoiceMediaSource,
  VoicePeer,
  VoiceProducerInfo,
  VoiceServerEvents,
  VoiceState,
  VoiceWelcome,
} from '@bonfire/contracts';
import type { VoiceApi } from '../api/voice';
import { TypedEmitter } from '../realtime/emitter';
import type {
  ConsumerLike,
  DeviceFactory,
  DeviceLike,
  MediaTrackLike,
  ProduceOptions,
  ProducerLike,
  TransportCreateOptions,
  TransportLike,
  VoiceSignaling,
  VoiceSignalingFactory,
} from './ports';

export type VoiceConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface VoiceTrackEvent {
  userId: string;
  track: MediaTrackLike;
  source: VoiceMediaSource;
  kind: 'audio' | 'video';
  producerId: string;
}

export type VoiceCloseReason = VoiceServerEvents['closed']['reason'] | 'client' | 'failed';

export interface VoiceEvents {
  state: [state: VoiceConnectionState];
  /** Media and signaling are up in `channelId`. */
  joined: [event: { channelId: string; state: VoiceState }];
  'track.added': [event: VoiceTrackEvent];
  'track.removed': [event: { userId: string; producerId: string; source: VoiceMediaSource }];
  speaking: [event: { userId: string; speaking: boolean }];
  'peer.joined': [peer: VoicePeer];
  'peer.left': [event: { userId: string }];
  'peer.updated': [event: { userId: string; state: VoiceState }];
  /** The voice session ended and will not come back by itself (left, disconnected by a moderator, failure). */
  closed: [event: { reason: VoiceCloseReason; channelId: string | null }];
  /** A failure that did not end the session (e.g. producing refused while server-muted). */
  error: [error: { code: string; message: string }];
  /**
   * The server closed one of our own producers (camera or screen share after STREAM was lost): the
   * helper forgot its track (not stopped: stop it if you no longer need it).
   */
  'media.stopped': [event: { source: VoiceMediaSource }];
}

/** A screen share: getDisplayMedia's video track, and its audio track when the browser offered one. */
export interface VoiceScreenShare {
  video: MediaTrackLike;
  audio?: MediaTrackLike | null;
}

export interface VoiceJoinOptions {
  selfMute?: boolean;
  selfDeaf?: boolean;
  /** The microphone track to send (e.g. from getUserMedia). Without one the user only listens. */
  microphoneTrack?: MediaTrackLike | null;
}

export interface VoiceClientOptions {
  /** `client.voice` of a BonfireClient. */
  api: Pick<VoiceApi, 'join' | 'leave' | 'updateSelf'>;
  /** The signed-in user's id (their own producers are never consumed). */
  userId: string;
  /** Default: mediasoup-client's Device with the handler detected from the browser. */
  deviceFactory: DeviceFactory;
  /** Default: socket.io-client to the voice node. */
  signalingFactory: VoiceSignalingFactory;
  /** Wait for `welcome` and for each acknowledgement. Default 10 s. */
  timeoutMs?: number;
  /** Automatic rejoins (worker died, signaling lost) before giving up. Default 5. */
  maxRejoinAttempts?: number;
  /** Base delay between rejoin attempts (doubles each time). Default 500 ms. */
  rejoinDelayMs?: number;
  /**
   * Send the camera as three simulcast layers (receivers get the layer their bandwidth allows). Default
   * true; a browser that refuses simulcast encodings gets one layer instead.
   */
  simulcast?: boolean;
}

/** Camera simulcast layers, lowest first (a 640×480 camera sends 160×120, 320×240 and 640×480). */
export const CAMERA_SIMULCAST_ENCODINGS = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];
const CAMERA_SINGLE_ENCODING = [{ maxBitrate: 1_200_000 }];
/** Screen content: one sharp layer (text must stay readable), a low frame rate is fine. */
const SCREEN_ENCODINGS = [{ maxBitrate: 2_500_000, maxFramerate: 30 }];

/** The order a session produces its sources in. */
const SOURCES: readonly VoiceMediaSource[] = ['microphone', 'camera', 'screen', 'screen-audio'];

/** The device's VP8 codec (the router offers VP8 for video), to pin video producers to it. */
export function vp8Codec(rtpCapabilities: Record<string, unknown>): Record<string, unknown> | undefined {
  const codecs = (rtpCapabilities['codecs'] ?? []) as { mimeType?: unknown }[];
  return codecs.find(
    (codec) => typeof codec.mimeType === 'string' && codec.mimeType.toLowerCase() === 'video/vp8',
  ) as Record<string, unknown> | undefined;
}

/** A voice signaling request was refused (VoiceErrorCode) or not answered. */
export class VoiceRequestError extends Error {
  override readonly name = 'VoiceRequestError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Session {
  channelId: string;
  signaling: VoiceSignaling;
  device: DeviceLike | null;
  send: TransportLike | null;
  recv: TransportLike | null;
  /** Our producers by source (microphone, camera, screen, screen-audio). */
  producers: Map<VoiceMediaSource, ProducerLike>;
  consumers: Map<string, { consumer: ConsumerLike; info: VoiceProducerInfo }>;
  /** Producers being consumed right now (consume is async; `producer.closed` may arrive meanwhile). */
  pending: Set<string>;
  /** Producers announced (`producer.added`) before the receive transport existed: consumed once it does. */
  early: Map<string, VoiceProducerInfo>;
  closedProducers: Set<string>;
  ended: boolean;
}

/**
 * The client side of voice (libs/contracts api/voice.dto.ts): REST join through the gateway, signaling
 * on the voice node, one send and one receive WebRTC transport, the microphone producer, and a consumer
 * for every other producer in the room. Rejoins on `closed {worker-died|shutting-down}` and lost
 * signaling; follows `closed {moved}`.
 */
export class VoiceClient extends TypedEmitter<VoiceEvents> {
  private session: Session | null = null;
  private stateValue: VoiceConnectionState = 'idle';
  private selfMuteValue = false;
  private selfDeafValue = false;
  private microphoneTrack: MediaTrackLike | null = null;
  private cameraTrack: MediaTrackLike | null = null;
  private screenShareValue: VoiceScreenShare | null = null;
  private readonly peersValue = new Map<string, VoicePeer>();
  private rejoinAttempt = 0;
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every join/leave so a stale async step notices it was superseded. */
  private generation = 0;

  constructor(private readonly options: VoiceClientOptions) {
    super();
  }

  get state(): VoiceConnectionState {
    return this.stateValue;
  }

  get channelId(): string | null {
    return this.session?.channelId ?? null;
  }

  get selfMute(): boolean {
    return this.selfMuteValue;
  }

  get selfDeaf(): boolean {
    return this.selfDeafValue;
  }

  /** The camera track being sent (kept across rejoins), or null. */
  get camera(): MediaTrackLike | null {
    return this.cameraTrack;
  }

  /** The screen share being sent (kept across rejoins), or null. */
  get screenShare(): VoiceScreenShare | null {
    return this.screenShareValue;
  }

  /** The other people in the room, by user id. */
  get peers(): ReadonlyMap<string, VoicePeer> {
    return this.peersValue;
  }

  /** Tracks being received, by producer id. */
  get tracks(): VoiceTrackEvent[] {
    return [...(this.session?.consumers.values() ?? [])].map(({ consumer, info }) => ({
      userId: info.userId,
      track: consumer.track,
      source: info.source,
      kind: info.kind,
      producerId: info.producerId,
    }));
  }

  /**
   * Joins (or moves to) a voice channel: REST join, signaling, transports, the microphone producer and
   * consumers for everyone already there. Resolves once media is set up.
   */
  async join(channelId: string, options: VoiceJoinOptions = {}): Promise<void> {
    this.selfMuteValue = options.selfMute ?? this.selfMuteValue;
    this.selfDeafValue = options.selfDeaf ?? this.selfDeafValue;
    if (options.microphoneTrack !== undefined) this.microphoneTrack = options.microphoneTrack;
    this.clearRejoin();
    this.rejoinAttempt = 0;
    await this.connect(channelId, 'connecting');
  }

  /** Leaves the channel: closes media and signaling and removes the voice state on the server. */
  async leave(): Promise<void> {
    const channelId = this.channelId;
    this.generation++;
    this.clearRejoin();
    this.teardown();
    this.setState('idle');
    try {
      await this.options.api.leave();
    } catch (error) {
      // Already out (moderator disconnect, left on another device): leaving is done either way.
      if ((error as { status?: number }).status !== 404) throw error;
    } finally {
      this.emit('closed', { reason: 'client', channelId });
    }
  }

  /** Mutes or unmutes the microphone: pauses the producer and records selfMute in the voice state. */
  async setSelfMute(selfMute: boolean): Promise<void> {
    this.selfMuteValue = selfMute;
    await this.applyProducerPause();
    if (this.session) await this.options.api.updateSelf({ selfMute });
  }

  /** Deafens or undeafens: pauses every audio consumer (and the microphone) and records selfDeaf. */
  async setSelfDeaf(selfDeaf: boolean): Promise<void> {
    this.selfDeafValue = selfDeaf;
    const session = this.session;
    if (session) {
      await Promise.all(
        [...session.consumers.values()]
          .filter(({ info }) => info.kind === 'audio')
          .map(({ consumer }) =>
            selfDeaf ? this.pauseConsumer(session, consumer) : this.resumeConsumer(session, consumer),
          ),
      );
      await this.applyProducerPause();
      await this.options.api.updateSelf({ selfDeaf });
    }
  }

  /** Swaps the microphone track (another input device) without renegotiating. */
  async replaceMicrophoneTrack(track: MediaTrackLike | null): Promise<void> {
    this.microphoneTrack = track;
    const session = this.session;
    if (!session?.send) return;
    const microphone = session.producers.get('microphone');
    if (microphone) {
      await microphone.replaceTrack({ track });
    } else if (track) {
      await this.produceMicrophone(session);
    }
  }

  /**
   * Sends a camera track (e.g. getUserMedia's video) as its own VP8 producer, simulcast where the
   * browser allows; another track replaces it without renegotiating; null stops sending (the track is
   * not stopped). Outside a voice session the track is kept and sent on join. Rejects (and forgets the
   * track) when the server refuses it, e.g. MISSING_PERMISSION without STREAM.
   */
  async setCamera(track: MediaTrackLike | null): Promise<void> {
    this.cameraTrack = track;
    const session = this.session;
    if (!session?.send) return;
    const producer = session.producers.get('camera');
    if (producer && track) {
      await producer.replaceTrack({ track });
    } else if (producer) {
      await this.closeProducer(session, 'camera');
    } else if (track) {
      try {
        await this.produceSource(session, 'camera');
      } catch (error) {
        if (this.cameraTrack === track) this.cameraTrack = null;
        throw error;
      }
    }
  }

  /**
   * Sends a screen share (getDisplayMedia): the video as its own producer and, when the browser offered
   * one, its sound as another (`screen-audio`). null stops sharing (the tracks are not stopped). Rejects
   * (and forgets the share) when the server refuses the video; a refused sound only emits `error`.
   */
  async setScreenShare(share: VoiceScreenShare | null): Promise<void> {
    this.screenShareValue = share;
    const session = this.session;
    if (!session?.send) return;
    await this.closeProducer(session, 'screen-audio');
    await this.closeProducer(session, 'screen');
    if (!share) return;
    try {
      await this.produceSource(session, 'screen');
    } catch (error) {
      if (this.screenShareValue === share) this.screenShareValue = null;
      throw error;
    }
    await this.produceSource(session, 'screen-audio').catch((error: unknown) => this.reportError(error));
  }

  // ------------------------------------------------------------------ session

  private async connect(channelId: string, state: VoiceConnectionState): Promise<void> {
    const generation = ++this.generation;
    this.teardown();
    this.setState(state);
    let answer: VoiceJoinResponse;
    try {
      answer = await this.options.api.join(channelId, {
        selfMute: this.selfMuteValue,
        selfDeaf: this.selfDeafValue,
      });
    } catch (error) {
      if (generation === this.generation) this.setState('idle');
      throw error;
    }
    if (generation !== this.generation) return;
    const signaling = this.options.signalingFactory(answer.endpoint, answer.token);
    const session: Session = {
      channelId: answer.state.channelId ?? channelId,
      signaling,
      device: null,
      send: null,
      recv: null,
      producers: new Map(),
      consumers: new Map(),
      pending: new Set(),
      early: new Map(),
      closedProducers: new Set(),
      ended: false,
    };
    this.session = session;
    const welcome = this.waitForWelcome(signaling);
    this.bindSignaling(session);
    signaling.connect();
    try {
      await this.setupMedia(session, await welcome);
    } catch (error) {
      if (session.ended || generation !== this.generation) return;
      this.teardown();
      this.setState('idle');
      throw error;
    }
    if (generation !== this.generation || session.ended) return;
    this.rejoinAttempt = 0;
    this.setState('connected');
    this.emit('joined', { channelId: session.channelId, state: answer.state });
  }

  private waitForWelcome(signaling: VoiceSignaling): Promise<VoiceWelcome> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new VoiceRequestError('TIMEOUT', 'The voice server did not welcome us in time.')),
        this.timeoutMs,
      );
      signaling.on('welcome', (welcome) => {
        clearTimeout(timer);
        resolve(welcome);
      });
      signaling.on('connect_error', (error) => {
        clearTimeout(timer);
        reject(new VoiceRequestError(error.message || 'CONNECT_ERROR', 'The voice signaling refused us.'));
      });
    });
  }

  /** device.load → join → transports → microphone → consume everyone. Also run for a second `welcome`. */
  private async setupMedia(session: Session, welcome: VoiceWelcome): Promise<void> {
    const device = await this.options.deviceFactory();
    await device.load({ routerRtpCapabilities: welcome.routerRtpCapabilities });
    session.device = device;
    session.channelId = welcome.channelId;
    await this.request(session, 'join', { rtpCapabilities: device.rtpCapabilities });
    session.send = this.wireTransport(
      session,
      device.createSendTransport(await this.request(session, 'transport.create', { direction: 'send' })),
    );
    session.recv = this.wireTransport(
      session,
      device.createRecvTransport(await this.request(session, 'transport.create', { direction: 'recv' })),
    );
    this.peersValue.clear();
    for (const peer of welcome.peers) {
      if (peer.userId !== this.options.userId) this.peersValue.set(peer.userId, peer);
    }
    if (this.microphoneTrack) await this.produceMicrophone(session);
    // A camera or screen share survives a rejoin (a refusal now, e.g. STREAM lost, only says so).
    for (const source of SOURCES.slice(1)) {
      if (!this.trackOf(source)) continue;
      await this.produceSource(session, source).catch((error: unknown) => {
        this.forget(source);
        this.reportError(error);
        this.emit('media.stopped', { source });
      });
    }
    // the welcome's producers, and those announced while the transports were being set up
    const producers = [...welcome.peers.flatMap((peer) => peer.producers), ...session.early.values()];
    session.early.clear();
    await Promise.all(
      producers
        .filter((producer) => !session.closedProducers.has(producer.producerId))
        .map((producer) => this.consume(session, producer)),
    );
  }

  private wireTransport(session: Session, transport: TransportLike): TransportLike {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.request(session, 'transport.connect', { transportId: transport.id, dtlsParameters }).then(
        () => callback(),
        errback,
      );
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = (appData['source'] as VoiceMediaSource | undefined) ?? 'microphone';
      this.request(session, 'produce', { transportId: transport.id, kind, rtpParameters, source }).then(
        ({ producerId }) => callback({ id: producerId }),
        errback,
      );
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' && !session.ended && this.session === session) {
        this.scheduleRejoin(session.channelId, 'transport failed');
      }
    });
    return transport;
  }

  private async produceMicrophone(session: Session): Promise<void> {
    try {
      await this.produceSource(session, 'microphone');
    } catch (error) {
      // Server-muted or no SPEAK permission: stay in the room, listening.
      this.reportError(error);
      return;
    }
    await this.applyProducerPause();
  }

  private trackOf(source: VoiceMediaSource): MediaTrackLike | null {
    switch (source) {
      case 'microphone':
        return this.microphoneTrack;
      case 'camera':
        return this.cameraTrack;
      case 'screen':
        return this.screenShareValue?.video ?? null;
      case 'screen-audio':
        return this.screenShareValue?.audio ?? null;
    }
  }

  private forget(source: VoiceMediaSource): void {
    if (source === 'camera') this.cameraTrack = null;
    else if (source === 'screen' || source === 'screen-audio') this.screenShareValue = null;
  }

  private produceOptions(
    session: Session,
    source: VoiceMediaSource,
    track: MediaTrackLike,
    simulcast: boolean,
  ): ProduceOptions {
    const appData = { source };
    if (source !== 'camera' && source !== 'screen') return { track, appData };
    const codec = session.device ? vp8Codec(session.device.rtpCapabilities) : undefined;
    const encodings =
      source === 'screen'
        ? SCREEN_ENCODINGS
        : simulcast
          ? CAMERA_SIMULCAST_ENCODINGS
          : CAMERA_SINGLE_ENCODING;
    return {
      track,
      ...(codec ? { codec } : {}),
      encodings: encodings.map((encoding) => ({ ...encoding })),
      codecOptions: { videoGoogleStartBitrate: 1000 },
      appData,
    };
  }

  /** Produces `source`'s current track (once per source); rejects with the server's refusal. */
  private async produceSource(session: Session, source: VoiceMediaSource): Promise<void> {
    const track = this.trackOf(source);
    if (!session.send || !track || session.producers.has(source)) return;
    const simulcast = source === 'camera' && (this.options.simulcast ?? true);
    let producer: ProducerLike;
    try {
      producer = await session.send.produce(this.produceOptions(session, source, track, simulcast));
    } catch (error) {
      // The browser would not set up simulcast layers (not a refusal by the server): one layer then.
      if (!simulcast || error instanceof VoiceRequestError || session.ended) throw error;
      producer = await session.send.produce(this.produceOptions(session, source, track, false));
    }
    if (session.ended || this.session !== session || this.trackOf(source) !== track) {
      // Left, or the track was changed or stopped while the producer was being set up.
      producer.close();
      if (!session.ended) {
        await this.request(session, 'producer.close', { producerId: producer.id }).catch(() => undefined);
      }
      return;
    }
    session.producers.set(source, producer);
  }

  /** Stops sending `source` (client side and on the server). */
  private async closeProducer(session: Session, source: VoiceMediaSource): Promise<void> {
    const producer = session.producers.get(source);
    if (!producer) return;
    session.producers.delete(source);
    producer.close();
    await this.request(session, 'producer.close', { producerId: producer.id }).catch((error: unknown) => {
      // Already gone on the server (closed there first): nothing left to close.
      if (!(error instanceof VoiceRequestError && error.code === 'UNKNOWN_PRODUCER')) throw error;
    });
  }

  private reportError(error: unknown): void {
    const code = error instanceof VoiceRequestError ? error.code : 'PRODUCE_FAILED';
    this.emit('error', { code, message: error instanceof Error ? error.message : String(error) });
  }

  private async applyProducerPause(): Promise<void> {
    const session = this.session;
    const producer = session?.producers.get('microphone');
    if (!session || !producer) return;
    const shouldPause = this.selfMuteValue || this.selfDeafValue;
    if (shouldPause === producer.paused) return;
    if (shouldPause) {
      producer.pause();
      await this.request(session, 'producer.pause', { producerId: producer.id });
    } else {
      producer.resume();
      await this.request(session, 'producer.resume', { producerId: producer.id });
    }
  }

  private async consume(session: Session, info: VoiceProducerInfo): Promise<void> {
    if (info.userId === this.options.userId) return;
    if (!session.recv) {
      session.early.set(info.producerId, info);
      return;
    }
    if (session.consumers.has(info.producerId) || session.pending.has(info.producerId)) return;
    session.pending.add(info.producerId);
    try {
      const options = await this.request(session, 'consume', {
        transportId: session.recv.id,
        producerId: info.producerId,
      });
      const consumer = await session.recv.consume({
        id: options.consumerId,
        producerId: options.producerId,
        kind: options.kind,
        rtpParameters: options.rtpParameters,
        appData: { userId: options.userId, source: options.source },
      });
      if (session.ended || session.closedProducers.has(info.producerId)) {
        consumer.close();
        return;
      }
      session.consumers.set(info.producerId, { consumer, info });
      // Deafened: no sound, but video still plays.
      if (!this.selfDeafValue || info.kind !== 'audio') await this.resumeConsumer(session, consumer);
      this.emit('track.added', {
        userId: info.userId,
        track: consumer.track,
        source: info.source,
        kind: info.kind,
        producerId: info.producerId,
      });
    } catch (error) {
      if (session.ended) return;
      const code = error instanceof VoiceRequestError ? error.code : 'CONSUME_FAILED';
      this.emit('error', { code, message: error instanceof Error ? error.message : String(error) });
    } finally {
      session.pending.delete(info.producerId);
    }
  }

  private async resumeConsumer(session: Session, consumer: ConsumerLike): Promise<void> {
    await this.request(session, 'consumer.resume', { consumerId: consumer.id });
    consumer.resume();
  }

  private async pauseConsumer(session: Session, consumer: ConsumerLike): Promise<void> {
    consumer.pause();
    await this.request(session, 'consumer.pause', { consumerId: consumer.id });
  }

  private removeProducer(session: Session, producerId: string): void {
    for (const [source, producer] of session.producers) {
      if (producer.id !== producerId) continue;
      // One of ours, closed by the server (e.g. STREAM lost): stop sending it.
      session.producers.delete(source);
      producer.close();
      if (source !== 'microphone') {
        this.forget(source);
        this.emit('media.stopped', { source });
      }
      return;
    }
    session.closedProducers.add(producerId);
    session.early.delete(producerId);
    const entry = session.consumers.get(producerId);
    if (!entry) return;
    session.consumers.delete(producerId);
    entry.consumer.close();
    this.emit('track.removed', { userId: entry.info.userId, producerId, source: entry.info.source });
  }

  private bindSignaling(session: Session): void {
    const { signaling } = session;
    const live =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) => {
        if (this.session === session && !session.ended) handler(...args);
      };
    let welcomed = false;
    signaling.on(
      'welcome',
      live((welcome: VoiceWelcome) => {
        // The first welcome is awaited by connect(); a later one means a replacement worker: set up again.
        if (!welcomed) {
          welcomed = true;
          return;
        }
        this.closeMedia(session);
        this.setState('reconnecting');
        this.setupMedia(session, welcome).then(
          () => this.setState('connected'),
          () => this.scheduleRejoin(session.channelId, 'setup after welcome failed'),
        );
      }),
    );
    signaling.on(
      'producer.added',
      live((info: VoiceProducerInfo) => {
        session.closedProducers.delete(info.producerId);
        const peer = this.peersValue.get(info.userId);
        if (peer && !peer.producers.some((producer) => producer.producerId === info.producerId)) {
          peer.producers.push(info);
        }
        void this.consume(session, info);
      }),
    );
    signaling.on(
      'producer.closed',
      live(({ producerId }: { producerId: string }) => this.removeProducer(session, producerId)),
    );
    signaling.on(
      'consumer.closed',
      live(({ consumerId }: { consumerId: string }) => {
        for (const [producerId, entry] of session.consumers) {
          if (entry.consumer.id === consumerId) this.removeProducer(session, producerId);
        }
      }),
    );
    signaling.on(
      'peer.joined',
      live((peer: VoicePeer) => {
        if (peer.userId === this.options.userId) return;
        this.peersValue.set(peer.userId, peer);
        this.emit('peer.joined', peer);
        for (const producer of peer.producers) void this.consume(session, producer);
      }),
    );
    signaling.on(
      'peer.left',
      live(({ userId }: { userId: string }) => {
        for (const [producerId, entry] of session.consumers) {
          if (entry.info.userId === userId) this.removeProducer(session, producerId);
        }
        this.peersValue.delete(userId);
        this.emit('peer.left', { userId });
      }),
    );
    signaling.on(
      'peer.updated',
      live(({ userId, state }: { userId: string; state: VoiceState }) => {
        const peer = this.peersValue.get(userId);
        if (peer) peer.state = state;
        this.emit('peer.updated', { userId, state });
      }),
    );
    signaling.on(
      'speaking',
      live((event: { userId: string; speaking: boolean }) => this.emit('speaking', event)),
    );
    signaling.on(
      'closed',
      live((event: VoiceServerEvents['closed']) => this.onClosed(session, event)),
    );
    signaling.on(
      'disconnect',
      live((reason: string) => {
        if (reason === 'io client disconnect') return;
        this.scheduleRejoin(session.channelId, `signaling lost (${reason})`);
      }),
    );
  }

  private onClosed(session: Session, event: VoiceServerEvents['closed']): void {
    const channelId = session.channelId;
    switch (event.reason) {
      case 'worker-died':
      case 'shutting-down':
        this.scheduleRejoin(channelId, event.reason, 0);
        return;
      case 'moved':
        if (event.channelId) {
          this.teardown();
          this.connect(event.channelId, 'reconnecting').catch((error: unknown) =>
            this.giveUp(error, event.channelId!),
          );
          return;
        }
        break;
      default:
        break;
    }
    this.generation++;
    this.teardown();
    this.setState('idle');
    this.emit('closed', { reason: event.reason, channelId });
  }

  private scheduleRejoin(channelId: string, reason: string, delayMs?: number): void {
    if (this.rejoinTimer) return;
    this.teardown();
    const maxAttempts = this.options.maxRejoinAttempts ?? 5;
    if (this.rejoinAttempt >= maxAttempts) {
      this.giveUp(new Error(`voice rejoin failed after ${maxAttempts} attempts (${reason})`), channelId);
      return;
    }
    this.rejoinAttempt++;
    this.setState('reconnecting');
    // An immediate first retry (worker died: its replacement is usually up), then backing off.
    const backoff = (this.options.rejoinDelayMs ?? 500) * 2 ** (this.rejoinAttempt - 1);
    const wait = delayMs !== undefined && this.rejoinAttempt === 1 ? delayMs : backoff;
    const generation = this.generation;
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      if (generation !== this.generation) return;
      this.connect(channelId, 'reconnecting').catch((error: unknown) => {
        const status = (error as { status?: number }).status ?? 0;
        // A refusal (no permission, channel gone) will not change by retrying.
        if (status >= 400 && status < 500) this.giveUp(error, channelId);
        else this.scheduleRejoin(channelId, error instanceof Error ? error.message : String(error));
      });
    }, wait);
  }

  private giveUp(error: unknown, channelId: string): void {
    this.generation++;
    this.clearRejoin();
    this.teardown();
    this.setState('idle');
    const code = (error as { code?: string }).code ?? 'VOICE_FAILED';
    this.emit('error', { code, message: error instanceof Error ? error.message : String(error) });
    this.emit('closed', { reason: 'failed', channelId });
  }

  private closeMedia(session: Session): void {
    for (const { consumer, info } of session.consumers.values()) {
      consumer.close();
      this.emit('track.removed', { userId: info.userId, producerId: info.producerId, source: info.source });
    }
    session.consumers.clear();
    for (const producer of session.producers.values()) producer.close();
    session.producers.clear();
    session.send?.close();
    session.recv?.close();
    session.send = null;
    session.recv = null;
  }

  /** Closes the current session's media and signaling (the microphone track itself stays usable). */
  private teardown(): void {
    const session = this.session;
    if (!session) return;
    session.ended = true;
    this.session = null;
    this.closeMedia(session);
    session.signaling.disconnect();
    this.peersValue.clear();
  }

  private request<E extends VoiceClientEvent>(
    session: Session,
    event: E,
    payload: VoiceClientEvents[E]['request'],
  ): Promise<VoiceClientEvents[E]['result']> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new VoiceRequestError('TIMEOUT', `No answer to ${event}.`)),
        this.timeoutMs,
      );
      session.signaling.emit(event, payload, (answer: VoiceAck<VoiceClientEvents[E]['result']>) => {
        clearTimeout(timer);
        if (answer?.ok) resolve(answer.data);
        else
          reject(
            new VoiceRequestError(answer?.code ?? 'INVALID_REQUEST', answer?.message ?? `${event} refused`),
          );
      });
    });
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 10_000;
  }

  private setState(state: VoiceConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.emit('state', state);
  }

  private clearRejoin(): void {
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
  }
}

export type { TransportCreateOptions };
