import type { VoiceMediaSource, VoicePeer, VoiceServerEvents, VoiceState } from '@bonfire/contracts';
import type { VoiceApi } from '../api/voice';
import type { DeviceFactory, MediaTrackLike, VoiceSignalingFactory } from './ports';

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
