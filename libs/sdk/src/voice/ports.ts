import type {
  MediaJson,
  VoiceAck,
  VoiceClientEvent,
  VoiceClientEvents,
  VoiceServerEvent,
  VoiceServerEvents,
} from '@bonfire/contracts';

/**
 * The ports the voice helper talks through. The defaults wrap socket.io-client and mediasoup-client;
 * tests (and React Native) inject their own.
 */

/** The signaling socket (socket.io on the voice node). */
export interface VoiceSignaling {
  readonly connected: boolean;
  on<E extends VoiceServerEvent>(event: E, listener: (payload: VoiceServerEvents[E]) => void): void;
  on(event: 'disconnect', listener: (reason: string) => void): void;
  on(event: 'connect_error', listener: (error: Error) => void): void;
  emit<E extends VoiceClientEvent>(
    event: E,
    request: VoiceClientEvents[E]['request'],
    ack: (answer: VoiceAck<VoiceClientEvents[E]['result']>) => void,
  ): void;
  connect(): void;
  disconnect(): void;
}

export type VoiceSignalingFactory = (endpoint: string, token: string) => VoiceSignaling;

/** What a track looks like to the helper (MediaStreamTrack in browsers and React Native WebRTC). */
export interface MediaTrackLike {
  readonly kind: string;
  readonly id: string;
  enabled: boolean;
  stop(): void;
}

export interface ProducerLike {
  readonly id: string;
  readonly paused: boolean;
  readonly track: MediaTrackLike | null;
  pause(): void;
  resume(): void;
  close(): void;
  replaceTrack(options: { track: MediaTrackLike | null }): Promise<void>;
}

export interface ConsumerLike {
  readonly id: string;
  readonly producerId: string;
  readonly track: MediaTrackLike;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  close(): void;
}

export interface TransportLike {
  readonly id: string;
  readonly closed: boolean;
  on(
    event: 'connect',
    listener: (
      params: { dtlsParameters: MediaJson },
      callback: () => void,
      errback: (error: Error) => void,
    ) => void,
  ): void;
  on(
    event: 'produce',
    listener: (
      params: { kind: 'audio' | 'video'; rtpParameters: MediaJson; appData: Record<string, unknown> },
      callback: (result: { id: string }) => void,
      errback: (error: Error) => void,
    ) => void,
  ): void;
  on(event: 'connectionstatechange', listener: (state: string) => void): void;
  produce(options: ProduceOptions): Promise<ProducerLike>;
  consume(options: {
    id: string;
    producerId: string;
    kind: 'audio' | 'video';
    rtpParameters: MediaJson;
    appData?: Record<string, unknown>;
  }): Promise<ConsumerLike>;
  restartIce?(options: { iceParameters: MediaJson }): Promise<void>;
  close(): void;
}

/** mediasoup-client's ProducerOptions, as far as the helper uses them. */
export interface ProduceOptions {
  track: MediaTrackLike;
  /** RTCRtpEncodingParameters: several for simulcast (lowest resolution first). */
  encodings?: MediaJson[];
  codecOptions?: MediaJson;
  /** One of the device's codecs (RtpCodecCapability) to send with, e.g. VP8. */
  codec?: MediaJson;
  appData?: Record<string, unknown>;
}

export interface TransportCreateOptions {
  id: string;
  iceParameters: MediaJson;
  iceCandidates: MediaJson[];
  dtlsParameters: MediaJson;
}

/** A mediasoup-client Device, as far as the helper needs it. */
export interface DeviceLike {
  readonly loaded: boolean;
  readonly rtpCapabilities: MediaJson;
  load(options: { routerRtpCapabilities: MediaJson }): Promise<void>;
  createSendTransport(options: TransportCreateOptions): TransportLike;
  createRecvTransport(options: TransportCreateOptions): TransportLike;
}

/** Builds a fresh device per voice session (a replacement worker may have other capabilities). */
export type DeviceFactory = () => DeviceLike | Promise<DeviceLike>;
