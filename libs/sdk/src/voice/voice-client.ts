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
import type { VoiceApi } from '../api/rest';
import { TypedEmitter } from '../realtime/emitter';
import type {
  ConsumerLike,
  DeviceFactory,
  DeviceLike,
  MediaTrackLike,
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
  microphone: ProducerLike | null;
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

  /** Deafens or undeafens: pauses every consumer (and the microphone) and records selfDeaf. */
  async setSelfDeaf(selfDeaf: boolean): Promise<void> {
    this.selfDeafValue = selfDeaf;
    const session = this.session;
    if (session) {
      await Promise.all(
        [...session.consumers.values()].map(({ consumer }) =>
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
    if (session.microphone) {
      await session.microphone.replaceTrack({ track });
    } else if (track) {
      await this.produceMicrophone(session);
    }
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
      microphone: null,
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
    if (!session.send || !this.microphoneTrack) return;
    try {
      session.microphone = await session.send.produce({
        track: this.microphoneTrack,
        appData: { source: 'microphone' },
      });
    } catch (error) {
      // Server-muted or no SPEAK permission: stay in the room, listening.
      const code = error instanceof VoiceRequestError ? error.code : 'PRODUCE_FAILED';
      this.emit('error', { code, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    await this.applyProducerPause();
  }

  private async applyProducerPause(): Promise<void> {
    const session = this.session;
    const producer = session?.microphone;
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
      if (!this.selfDeafValue) await this.resumeConsumer(session, consumer);
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
    session.microphone?.close();
    session.microphone = null;
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
