/**
 * @bonfire/sdk/voice — voice channels over mediasoup-client. Kept apart from the core so apps without
 * voice never load mediasoup-client.
 */
import type { BonfireClient } from '../client';
import { createDeviceFactory, defaultVoiceSignalingFactory } from './defaults';
import type { DeviceFactory, VoiceSignalingFactory } from './ports';
import { VoiceClient } from './voice-client';
import type { VoiceClientOptions } from './voice-client-types';

export * from './ports';
export { createDeviceFactory, defaultVoiceSignalingFactory } from './defaults';
export { CAMERA_SIMULCAST_ENCODINGS, vp8Codec } from './media-encodings';
export { VoiceClient } from './voice-client';
export type {
  VoiceScreenShare,
  VoiceClientOptions,
  VoiceCloseReason,
  VoiceConnectionState,
  VoiceEvents,
  VoiceJoinOptions,
  VoiceTrackEvent,
} from './voice-client-types';
export { VoiceRequestError } from './voice-request-error';

export interface CreateVoiceClientOptions extends Partial<
  Omit<VoiceClientOptions, 'api' | 'userId' | 'deviceFactory' | 'signalingFactory'>
> {
  /** The signed-in user's id (e.g. from `ready.user.id` or `users.me()`). */
  userId: string;
  /** React Native: `createDeviceFactory({ handlerFactory })`. Default: detected from the browser. */
  deviceFactory?: DeviceFactory;
  signalingFactory?: VoiceSignalingFactory;
}

/** A VoiceClient wired to a BonfireClient's voice REST and the default mediasoup-client / socket.io ports. */
export function createVoiceClient(
  client: Pick<BonfireClient, 'voice'>,
  options: CreateVoiceClientOptions,
): VoiceClient {
  const { userId, deviceFactory, signalingFactory, ...rest } = options;
  return new VoiceClient({
    ...rest,
    api: client.voice,
    userId,
    deviceFactory: deviceFactory ?? createDeviceFactory(),
    signalingFactory: signalingFactory ?? defaultVoiceSignalingFactory,
  });
}
