import type {
  VoiceJoinResponse,
  VoiceMediaSource,
  VoicePeer,
  VoiceServerEvents,
  VoiceWelcome,
} from '@bonfire/contracts';
import { TypedEmitter } from '../realtime/emitter';
import type { MediaTrackLike } from './ports';
import type {
  VoiceClientOptions,
  VoiceConnectionState,
  VoiceEvents,
  VoiceJoinOptions,
  VoiceScreenShare,
  VoiceTrackEvent,
} from './voice-client-types';
import { VoiceRequestError } from './voice-request-error';
import { VoiceSession, type VoiceSessionHost } from './voice-session';
import { listenToVoiceNode } from './voice-signaling-events';

/** The order a session produces its sources in. */
const SOURCES: readonly VoiceMediaSource[] = ['microphone', 'camera', 'screen', 'screen-audio'];

/**
 * The client side of voice (libs/contracts api/voice.dto.ts): REST join through the gateway, signaling
 * on the voice node, one send and one receive WebRTC transport, the microphone producer, and a consumer
 * for every other producer in the room. Rejoins on `closed {worker-died|shutting-down}` and lost
 * signaling; follows `closed {moved}`.
 */
export class VoiceClient extends TypedEmitter<VoiceEvents> {
  private session: VoiceSession | null = null;
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
  private readonly sessionHost: VoiceSessionHost = {
    userId: () => this.options.userId,
    simulcast: () => this.options.simulcast ?? true,
    selfDeaf: () => this.selfDeafValue,
    timeoutMs: () => this.timeoutMs,
    isCurrent: (session) => this.session === session,
    trackOf: (source) => this.trackOf(source),
    forget: (source) => this.forget(source),
    emit: (event, ...args) => this.emit(event, ...args),
    onTransportFailed: (channelId) => this.scheduleRejoin(channelId, 'transport failed'),
  };

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
    return this.session?.receivedTracks() ?? [];
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
      await session.setSoundPaused(selfDeaf);
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
      await session.closeProducer('camera');
    } else if (track) {
      try {
        await session.produceSource('camera');
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
    await session.closeProducer('screen-audio');
    await session.closeProducer('screen');
    if (!share) return;
    try {
      await session.produceSource('screen');
    } catch (error) {
      if (this.screenShareValue === share) this.screenShareValue = null;
      throw error;
    }
    await session.produceSource('screen-audio').catch((error: unknown) => this.reportError(error));
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
    const session = new VoiceSession(answer.state.channelId ?? channelId, signaling, this.sessionHost);
    this.session = session;
    const welcome = session.waitForWelcome();
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

  /** device.load → join → transports → microphone → consume everyone. Also run for a second `welcome`. */
  private async setupMedia(session: VoiceSession, welcome: VoiceWelcome): Promise<void> {
    await session.connectTransports(await this.options.deviceFactory(), welcome);
    this.peersValue.clear();
    for (const peer of welcome.peers) {
      if (peer.userId !== this.options.userId) this.peersValue.set(peer.userId, peer);
    }
    if (this.microphoneTrack) await this.produceMicrophone(session);
    // A camera or screen share survives a rejoin (a refusal now, e.g. STREAM lost, only says so).
    for (const source of SOURCES.slice(1)) {
      if (!this.trackOf(source)) continue;
      await session.produceSource(source).catch((error: unknown) => {
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
        .map((producer) => session.consume(producer)),
    );
  }

  private async produceMicrophone(session: VoiceSession): Promise<void> {
    try {
      await session.produceSource('microphone');
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
      await session.request('producer.pause', { producerId: producer.id });
    } else {
      producer.resume();
      await session.request('producer.resume', { producerId: producer.id });
    }
  }

  private bindSignaling(session: VoiceSession): void {
    listenToVoiceNode(session.signaling, () => this.session === session && !session.ended, {
      rewelcomed: (welcome) => {
        session.closeMedia();
        this.setState('reconnecting');
        this.setupMedia(session, welcome).then(
          () => this.setState('connected'),
          () => this.scheduleRejoin(session.channelId, 'setup after welcome failed'),
        );
      },
      producerAdded: (info) => {
        session.closedProducers.delete(info.producerId);
        const peer = this.peersValue.get(info.userId);
        if (peer && !peer.producers.some((producer) => producer.producerId === info.producerId)) {
          peer.producers.push(info);
        }
        void session.consume(info);
      },
      producerClosed: (producerId) => session.removeProducer(producerId),
      consumerClosed: (consumerId) => session.removeConsumer(consumerId),
      peerJoined: (peer) => {
        if (peer.userId === this.options.userId) return;
        this.peersValue.set(peer.userId, peer);
        this.emit('peer.joined', peer);
        for (const producer of peer.producers) void session.consume(producer);
      },
      peerLeft: (userId) => {
        session.removeConsumersOf(userId);
        this.peersValue.delete(userId);
        this.emit('peer.left', { userId });
      },
      peerUpdated: (userId, state) => {
        const peer = this.peersValue.get(userId);
        if (peer) peer.state = state;
        this.emit('peer.updated', { userId, state });
      },
      speaking: (event) => this.emit('speaking', event),
      closed: (event) => this.onClosed(session, event),
      lost: (reason) => this.scheduleRejoin(session.channelId, `signaling lost (${reason})`),
    });
  }

  private onClosed(session: VoiceSession, event: VoiceServerEvents['closed']): void {
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

  /** Closes the current session's media and signaling (the microphone track itself stays usable). */
  private teardown(): void {
    const session = this.session;
    if (!session) return;
    session.ended = true;
    this.session = null;
    session.closeMedia();
    session.signaling.disconnect();
    this.peersValue.clear();
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
